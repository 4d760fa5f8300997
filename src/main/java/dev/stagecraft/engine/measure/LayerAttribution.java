package dev.stagecraft.engine.measure;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.HistoryEntry;
import dev.stagecraft.instruction.InstructionKind;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which Dockerfile line made each history entry a stage added to its image, so sizes and files can be
 * shown at the instruction that caused them.
 *
 * <p>What the engine records, measured on Docker 20.10.24 (API 1.41, overlay2) with BuildKit
 * ({@code POST /build?version=2}) and the classic builder ({@code DOCKER_BUILDKIT=0 docker build}), one
 * stage image per target; the recorded histories are the test fixtures under
 * {@code engine/measure/}:
 * <table>
 * <caption>History entries and layers per instruction</caption>
 * <tr><th>instruction</th><th>BuildKit</th><th>classic</th></tr>
 * <tr><td>ARG before the first FROM</td><td>no entry</td><td>no entry</td></tr>
 * <tr><td>FROM (an image, scratch, an earlier stage)</td><td>no entry; the base's entries come first</td><td>the same</td></tr>
 * <tr><td>ARG in a stage, ENV, LABEL, MAINTAINER, USER, EXPOSE, CMD, ENTRYPOINT, VOLUME, SHELL,
 *     STOPSIGNAL, HEALTHCHECK</td><td>one entry, empty layer</td><td>one entry, empty layer</td></tr>
 * <tr><td>ONBUILD</td><td>no entry</td><td>one entry, empty layer</td></tr>
 * <tr><td>RUN</td><td>one entry, always a layer (0 bytes when nothing changed)</td>
 *     <td>one entry; a layer only if the file system changed (a RUN that only deletes has a
 *     0-byte layer)</td></tr>
 * <tr><td>WORKDIR</td><td>one entry, always a layer, also when the folder exists</td>
 *     <td>one entry; a layer only if it made the folder</td></tr>
 * <tr><td>COPY, ADD (--from included)</td><td>one entry, a layer</td><td>one entry, a layer</td></tr>
 * <tr><td>ONBUILD triggers of the stage built FROM</td><td>one entry per trigger, as its kind, before
 *     the stage's own; the triggers are then cleared</td><td>the same</td></tr>
 * <tr><td>labels of the build request</td><td>no entry</td><td>one empty {@code LABEL k=v} entry per
 *     label, keys sorted, at the end of the image built as the target only (not in the stages below it)</td></tr>
 * </table>
 * Layer sizes differ too: BuildKit counts the regular files' bytes, the classic builder also each
 * symbolic link's target length (a {@code COPY} of 3 + 5 bytes of files and a link to {@code a.txt}
 * is 8 bytes with BuildKit, 13 with classic).
 *
 * <p>The attribution is all or nothing: the image's history must start with its base's history
 * (for the classic builder, the base image may end with build-label entries the stage's image does
 * not repeat), then hold exactly one entry per expected instruction, in order and of the right kind,
 * then (classic only) nothing but build-label entries. Anything else, for example an ONBUILD trigger of
 * an external base image, which the Dockerfile does not show, gives no entries, every line listed as
 * unattributed, and a {@link #problem()} in words: a shifted history never puts bytes on the wrong line.
 *
 * @param stageIndex the stage
 * @param builder the builder that made the image
 * @param historySize the number of entries in the image's history
 * @param baseEntries how many of them are the base's
 * @param entries the stage's entries, oldest first; empty when the attribution failed
 * @param buildLabelEntries trailing entries the classic builder added for the build's labels
 * @param unattributedLines lines that should have made entries but could not be tied to one, ascending
 * @param problem why the history does not fit the stage, or null when every entry was attributed
 */
public record LayerAttribution(int stageIndex, BuilderKind builder, int historySize, int baseEntries,
        List<AttributedEntry> entries, int buildLabelEntries, List<Integer> unattributedLines, String problem) {

    private static final int SHOWN_CHARS = 60;

    public LayerAttribution {
        Objects.requireNonNull(builder, "builder");
        entries = List.copyOf(entries);
        unattributedLines = List.copyOf(unattributedLines);
        if (problem == null && (!unattributedLines.isEmpty() || entries.size() + baseEntries + buildLabelEntries != historySize)) {
            throw new IllegalArgumentException("a complete attribution accounts for every history entry and every line");
        }
    }

    /**
     * Attributes the history of stage {@code stageIndex}'s image.
     *
     * @param history the stage image's history, oldest first (the engine API's, reversed)
     * @param baseHistory the history of the image the stage is built FROM, oldest first: the external
     *     image, the earlier stage's image, or empty for scratch
     */
    public static LayerAttribution of(Analysis analysis, int stageIndex, BuilderKind builder, List<HistoryEntry> history,
            List<HistoryEntry> baseHistory) {
        Objects.checkIndex(stageIndex, analysis.stages().size());
        List<HistoryModel.Expected> expected = HistoryModel.expected(analysis, stageIndex, builder);
        int base = commonPrefix(history, baseHistory);
        for (int i = base; i < baseHistory.size(); i++) {
            if (!HistoryModel.buildLabel(baseHistory.get(i), builder)) {
                return failed(stageIndex, builder, history.size(), base, expected, "the image's history does not start"
                        + " with its base's: entry " + i + " differs (" + shown(history, i) + " where the base has "
                        + shown(baseHistory, i) + ")");
            }
        }
        int own = history.size() - base;
        int labels = own - expected.size();
        for (int i = history.size() - Math.max(labels, 0); i < history.size(); i++) {
            if (!HistoryModel.buildLabel(history.get(i), builder)) {
                labels = -1;
            }
        }
        if (labels < 0) {
            Stage stage = analysis.stages().get(stageIndex);
            boolean externalBase = stage.baseStage() == null && !stage.scratch();
            return failed(stageIndex, builder, history.size(), base, expected, "the stage's instructions make "
                    + expected.size() + " history entries but the image has " + own + " after its base's " + base
                    + (own > expected.size() && externalBase ? " (an ONBUILD trigger of the base image adds entries"
                            + " the Dockerfile does not show)" : ""));
        }
        List<AttributedEntry> entries = new ArrayList<>(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            HistoryModel.Expected e = expected.get(i);
            HistoryEntry h = history.get(base + i);
            InstructionKind found = HistoryModel.kindOf(h, builder);
            if (found != e.kind()) {
                return failed(stageIndex, builder, history.size(), base, expected, "history entry " + (base + i) + " ("
                        + shown(history, base + i) + ") was made by " + (found == null ? "no instruction" : found)
                        + ", but the stage's entry " + i + " should come from the " + e.kind() + " on line " + e.line());
            }
            entries.add(new AttributedEntry(base + i, e.line(), e.kind(), h.sizeBytes()));
        }
        return new LayerAttribution(stageIndex, builder, history.size(), base, entries, labels, List.of(), null);
    }

    /** Whether every entry the stage should have added was found and tied to its line. */
    public boolean complete() {
        return problem == null;
    }

    /** The entries line {@code line} made: one for an instruction, one per trigger at a FROM, none for others. */
    public List<AttributedEntry> entriesAt(int line) {
        List<AttributedEntry> at = new ArrayList<>();
        for (AttributedEntry e : entries) {
            if (e.line() == line) {
                at.add(e);
            }
        }
        return at;
    }

    private static LayerAttribution failed(int stageIndex, BuilderKind builder, int historySize, int base,
            List<HistoryModel.Expected> expected, String problem) {
        TreeSet<Integer> lines = new TreeSet<>();
        for (HistoryModel.Expected e : expected) {
            lines.add(e.line());
        }
        String named = lines.isEmpty() ? "" : "; lines not attributed: " + lines;
        return new LayerAttribution(stageIndex, builder, historySize, base, List.of(), 0, new ArrayList<>(lines),
                "stage " + stageIndex + ": " + problem + named);
    }

    private static int commonPrefix(List<HistoryEntry> a, List<HistoryEntry> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    private static String shown(List<HistoryEntry> history, int index) {
        if (index >= history.size()) {
            return "nothing";
        }
        String text = history.get(index).createdBy().strip();
        return "'" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text) + "'";
    }
}
