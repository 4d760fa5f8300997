package dev.stagecraft.ui;

import dev.stagecraft.engine.BuildEvent;
import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * What the build on screen says about each instruction, pinned to the instruction rather than to a
 * line number: a state mark per step ({@link BuildEvent.StepChanged}), a layer size per instruction
 * that made a layer ({@link BuildReport}), and the failed steps, whose lines get the paragraph style
 * {@value #FAILED_LINE} and whose error text is shown on hover.
 *
 * <p>Results are for the text that was built, while the user keeps typing. Each instruction's pin
 * follows its line start through every edit at once (so the gutter never shows a mark beside the
 * wrong line), and {@link #reanchor} settles it against each new analysis: a pin stays where an
 * instruction of its keyword still starts, else moves to the instruction with its identity (stage,
 * place in the stage, keyword), else is dropped.
 *
 * <p>FX thread only. Each change asks {@code redraw} for the paragraphs whose gutter graphic must
 * be rebuilt, so applying a batch of events costs one graphic per visible paragraph that changed.
 */
public final class BuildMarks {
    /** The paragraph style of the lines of a step that failed. */
    public static final String FAILED_LINE = "build-failed-line";

    private final CodeArea editor;
    private final Consumer<Set<Integer>> redraw;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    /** Every instruction of the built text, in text order; dropped ones leave the list at the next reanchor. */
    private List<Pin> pins = new ArrayList<>();
    /** The pins by their line in the text that was built: events and reports speak of those lines. */
    private Map<Integer, Pin> builtLines;
    private Map<Integer, Pin> byParagraph = new HashMap<>();
    private final List<Pin> failures = new ArrayList<>();
    private Set<Integer> styled = new HashSet<>();
    private LayerScale scale = LayerScale.NONE;
    private int runningSteps;

    /** One instruction's results and where it now starts in the editor ({@code position} -1: lost). */
    private static final class Pin {
        InstructionIdentity identity;
        int position;
        int paragraph;
        int lineCount;
        StepMark mark;
        Long bytes;

        boolean placed() {
            return position >= 0;
        }

        boolean hasResults() {
            return mark != null || bytes != null;
        }
    }

    /**
     * @param redraw rebuilds the gutter graphics of the given paragraphs (those on screen; the others
     *     are built when they scroll into view)
     */
    public BuildMarks(CodeArea editor, Consumer<Set<Integer>> redraw) {
        this.editor = editor;
        this.redraw = redraw;
        editor.plainTextChanges().subscribe(this::follow);
    }

    /**
     * A build of {@code built} (the analysis of the text sent to the engine) begins: the previous
     * build's marks go; its layer bars stay until {@link #showLayers} brings new sizes (call
     * {@link #clearBuild()} first for an empty gutter). Events and reports that follow speak of the
     * lines of {@code built}, whatever the user types meanwhile.
     */
    public void startBuild(Analysis built) {
        Map<Integer, Pin> before = byParagraph;
        Map<Integer, Pin> keptBars = new HashMap<>();
        for (Pin p : pins) {
            if (p.placed() && p.bytes != null) {
                keptBars.put(p.position, p);
            }
        }
        clearFailures();
        String now = editor.getText();
        boolean sameText = built.parse().text().equals(now);
        Map<InstructionIdentity, InstructionIdentity.Site> current = new HashMap<>();
        if (!sameText) {
            for (InstructionIdentity.Site s : InstructionIdentity.sites(DockerfileAnalyzer.analyze(now))) {
                current.put(s.identity(), s);
            }
        }
        List<Pin> next = new ArrayList<>();
        Map<Integer, Pin> lines = new HashMap<>();
        for (InstructionIdentity.Site s : InstructionIdentity.sites(built)) {
            Pin pin = new Pin();
            pin.identity = s.identity();
            pin.lineCount = s.lineCount();
            InstructionIdentity.Site here = sameText ? s : current.get(s.identity());
            place(pin, here);
            Pin old = pin.placed() ? keptBars.get(pin.position) : null;
            if (old != null && old.identity.kind() == pin.identity.kind()) {
                pin.bytes = old.bytes;
            }
            next.add(pin);
            lines.put(s.line(), pin);
        }
        pins = next;
        builtLines = lines;
        runningSteps = 0;
        running.set(false);
        shown.set(true);
        reindex(before, Set.of());
    }

    /** Applies a batch of build events (other kinds than {@link BuildEvent.StepChanged} are ignored). */
    public void apply(Collection<? extends BuildEvent> events) {
        ensureBuild();
        Set<Integer> changed = new HashSet<>();
        boolean failuresChanged = false;
        for (BuildEvent e : events) {
            if (!(e instanceof BuildEvent.StepChanged step)) {
                continue;
            }
            Pin pin = builtLines.get(step.line());
            if (pin == null) {
                continue;
            }
            StepState was = pin.mark == null ? null : pin.mark.state();
            pin.mark = new StepMark(step.state(), step.elapsed(), step.error(), System.nanoTime());
            runningSteps += (step.state() == StepState.RUNNING ? 1 : 0) - (was == StepState.RUNNING ? 1 : 0);
            if (step.state() == StepState.FAILED && !failures.contains(pin)) {
                failures.add(pin);
                failuresChanged = true;
            } else if (step.state() != StepState.FAILED && failures.remove(pin)) {
                failuresChanged = true;
            }
            if (pin.placed()) {
                changed.add(pin.paragraph);
            }
        }
        running.set(runningSteps > 0);
        if (failuresChanged) {
            restyle(Set.of());
        }
        if (!changed.isEmpty()) {
            redraw.accept(changed);
        }
    }

    /** Applies one build event. */
    public void apply(BuildEvent event) {
        apply(List.of(event));
    }

    /** Shows the layer sizes of a finished build: one bar per line that made a layer, all on one scale. */
    public void showLayers(BuildReport report) {
        Map<Integer, Long> bytes = new LinkedHashMap<>();
        for (BuildReport.StageReport stage : report.stages()) {
            for (LayerSize layer : stage.layers()) {
                bytes.merge(layer.line(), layer.sizeBytes(), Long::sum);
            }
        }
        showLayers(bytes);
    }

    /**
     * Shows layer sizes by the 1-based line (in the built text) of the instruction that made each
     * layer; they replace the bars shown before.
     */
    public void showLayers(Map<Integer, Long> bytesByLine) {
        ensureBuild();
        Set<Integer> changed = new HashSet<>();
        for (Pin p : pins) {
            if (p.bytes != null && p.placed()) {
                changed.add(p.paragraph);
            }
            p.bytes = null;
        }
        List<Long> sizes = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : bytesByLine.entrySet()) {
            Pin pin = builtLines.get(e.getKey());
            if (pin != null && e.getValue() != null && e.getValue() >= 0) {
                pin.bytes = e.getValue();
                sizes.add(e.getValue());
                if (pin.placed()) {
                    changed.add(pin.paragraph);
                }
            }
        }
        scale = LayerScale.of(sizes, BuildGutterCells.BAR_WIDTH);
        redraw.accept(changed);
    }

    /**
     * Settles every pin against {@code now}, the analysis of the editor's current text (an analysis
     * of any other text is ignored: a newer one is on its way). A pin stays on the instruction that
     * starts where it was carried by the edits, when that instruction has its keyword; otherwise it
     * moves to the instruction with the same stage, place in the stage and keyword; otherwise it is
     * dropped.
     */
    public void reanchor(Analysis now) {
        if (builtLines == null || !now.parse().text().equals(editor.getText())) {
            return;
        }
        List<InstructionIdentity.Site> sites = InstructionIdentity.sites(now);
        Map<Integer, InstructionIdentity.Site> atLine = new HashMap<>();
        Map<InstructionIdentity, InstructionIdentity.Site> byIdentity = new HashMap<>();
        for (InstructionIdentity.Site s : sites) {
            atLine.put(s.line(), s);
            byIdentity.put(s.identity(), s);
        }
        Set<Integer> claimed = new HashSet<>();
        List<Pin> unsettled = new ArrayList<>();
        for (Pin p : pins) {
            InstructionIdentity.Site s = p.placed() && p.position == paragraphStart(p.paragraph) ? atLine.get(p.paragraph + 1) : null;
            if (s != null && s.identity().kind() == p.identity.kind() && claimed.add(s.line())) {
                settle(p, s);
            } else {
                unsettled.add(p);
            }
        }
        for (Pin p : unsettled) {
            InstructionIdentity.Site s = byIdentity.get(p.identity);
            if (s != null && claimed.add(s.line())) {
                settle(p, s);
            } else {
                p.position = -1;
            }
        }
        Map<Integer, Pin> before = byParagraph;
        List<Pin> kept = new ArrayList<>(pins.size());
        for (Pin p : pins) {
            if (p.placed()) {
                kept.add(p);
            } else if (p.mark != null && p.mark.state() == StepState.RUNNING) {
                runningSteps--;
            }
        }
        kept.sort((a, b) -> Integer.compare(a.position, b.position));
        pins = kept;
        failures.removeIf(p -> !p.placed());
        running.set(runningSteps > 0);
        reindex(before, Set.of());
    }

    /** Removes every mark, bar and failure highlight: the gutter shows no build. */
    public void clearBuild() {
        Set<Integer> changed = new HashSet<>();
        for (Pin p : pins) {
            if (p.placed() && p.hasResults()) {
                changed.add(p.paragraph);
            }
        }
        clearFailures();
        pins = new ArrayList<>();
        builtLines = null;
        byParagraph = new HashMap<>();
        scale = LayerScale.NONE;
        runningSteps = 0;
        running.set(false);
        shown.set(false);
        redraw.accept(changed);
    }

    /** The 1-based line where the (first) failed step's instruction now starts, to scroll to; empty when none failed. */
    public OptionalInt failedLine() {
        for (Pin p : failures) {
            if (p.placed()) {
                return OptionalInt.of(p.paragraph + 1);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether a build is on screen, from {@link #startBuild} until {@link #clearBuild}: only then
     * does the gutter give room to step marks and layer bars.
     */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether a step of the build on screen is running now (the gutter animates while it is). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Build failed here: ..." with the engine's error, when {@code offset} is in a failed step's text, else null. */
    public String errorAt(int offset) {
        StringBuilder text = new StringBuilder();
        for (Pin p : failures) {
            if (!p.placed()) {
                continue;
            }
            int last = Math.min(p.paragraph + p.lineCount, editor.getParagraphs().size()) - 1;
            int end = editor.getAbsolutePosition(last, editor.getParagraphLength(last));
            if (offset >= p.position && offset <= end) {
                String error = p.mark.error();
                text.append(text.length() == 0 ? "" : "\n").append("Build failed here")
                        .append(error == null || error.isBlank() ? "" : ": " + error.strip());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** The mark of the step on {@code paragraph}, or null. */
    StepMark markAt(int paragraph) {
        Pin p = byParagraph.get(paragraph);
        return p == null ? null : p.mark;
    }

    /** The bytes of the layer the instruction on {@code paragraph} made, or null. */
    Long layerBytesAt(int paragraph) {
        Pin p = byParagraph.get(paragraph);
        return p == null ? null : p.bytes;
    }

    /** The scale of the layer bars. */
    LayerScale scale() {
        return scale;
    }

    private void ensureBuild() {
        if (builtLines == null) {
            // Results arrived without startBuild: they can only be for the text on screen.
            startBuild(DockerfileAnalyzer.analyze(editor.getText()));
        }
    }

    private void place(Pin pin, InstructionIdentity.Site site) {
        if (site == null || site.line() > editor.getParagraphs().size()) {
            pin.position = -1;
            return;
        }
        pin.paragraph = site.line() - 1;
        pin.position = paragraphStart(pin.paragraph);
    }

    private void settle(Pin pin, InstructionIdentity.Site site) {
        pin.identity = site.identity();
        pin.lineCount = site.lineCount();
        place(pin, site);
    }

    private int paragraphStart(int paragraph) {
        return editor.getAbsolutePosition(paragraph, 0);
    }

    /**
     * Carries every pin along an edit: text inserted at or before a line start pushes it on; a line
     * whose first character is removed loses its pin until the next {@link #reanchor}.
     */
    private void follow(PlainTextChange change) {
        int breaksRemoved = count(change.getRemoved());
        int breaksInserted = count(change.getInserted());
        boolean breaks = breaksRemoved + breaksInserted > 0;
        if (pins.isEmpty() || !breaks && byParagraph.isEmpty()) {
            return;
        }
        int at = change.getPosition();
        int removed = change.getRemoved().length();
        int inserted = change.getInserted().length();
        boolean lost = false;
        for (Pin p : pins) {
            if (!p.placed() || p.position < at) {
                continue;
            }
            if (removed == 0 || p.position >= at + removed) {
                p.position += inserted - removed;
            } else {
                p.position = -1;
                lost = true;
            }
        }
        if (!breaks && !lost) {
            // Within one line: every pin keeps its paragraph.
            return;
        }
        if (breaks) {
            for (Pin p : pins) {
                if (p.placed() && p.position >= at) {
                    p.paragraph = editor.offsetToPosition(p.position, Bias.Forward).getMajor();
                }
            }
        }
        // Splitting a line copies its paragraph style to the new line: look at the lines the edit made.
        int first = editor.offsetToPosition(at, Bias.Forward).getMajor();
        Set<Integer> touched = new HashSet<>();
        for (int line = first; line <= first + breaksInserted; line++) {
            touched.add(line);
        }
        for (int s : styled) {
            touched.add(s);
            touched.add(s + breaksInserted - breaksRemoved);
        }
        reindex(byParagraph, touched);
    }

    private static int count(String text) {
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Rebuilds the paragraph index after pins moved, redraws the paragraphs whose pin differs from
     * {@code before} (what the gutter shows: RichTextFX may have rebuilt a shifted line's graphic
     * during the edit, from the index as it was), and re-lays the failure style ({@code touched}:
     * paragraphs that may carry a stale copy of it).
     */
    private void reindex(Map<Integer, Pin> before, Set<Integer> touched) {
        Map<Integer, Pin> after = new HashMap<>();
        for (Pin p : pins) {
            if (p.placed()) {
                // Two pins on one line only between an edit that joined lines and the next reanchor: the line's own wins.
                if (!after.containsKey(p.paragraph) || p.position == paragraphStart(p.paragraph)) {
                    after.put(p.paragraph, p);
                }
            }
        }
        Set<Integer> changed = new HashSet<>();
        for (Map.Entry<Integer, Pin> e : before.entrySet()) {
            if (e.getValue() != after.get(e.getKey()) && e.getValue().hasResults()) {
                changed.add(e.getKey());
            }
        }
        for (Map.Entry<Integer, Pin> e : after.entrySet()) {
            if (e.getValue() != before.get(e.getKey()) && e.getValue().hasResults()) {
                changed.add(e.getKey());
            }
        }
        byParagraph = after;
        restyle(touched);
        if (!changed.isEmpty()) {
            redraw.accept(changed);
        }
    }

    /** Lays {@value #FAILED_LINE} on the lines of the failed steps, and takes it off every other line it may be on. */
    private void restyle(Set<Integer> touched) {
        Set<Integer> target = new HashSet<>();
        int count = editor.getParagraphs().size();
        for (Pin p : failures) {
            if (p.placed()) {
                for (int line = p.paragraph; line < Math.min(p.paragraph + p.lineCount, count); line++) {
                    target.add(line);
                }
            }
        }
        Set<Integer> look = new HashSet<>(styled);
        look.addAll(touched);
        look.addAll(target);
        for (int line : look) {
            if (line >= 0 && line < count) {
                setFailedStyle(line, target.contains(line));
            }
        }
        styled = target;
    }

    private void clearFailures() {
        failures.clear();
        restyle(Set.of());
    }

    private void setFailedStyle(int paragraph, boolean on) {
        Collection<String> style = editor.getParagraph(paragraph).getParagraphStyle();
        if (style.contains(FAILED_LINE) == on) {
            return;
        }
        List<String> next = new ArrayList<>(style);
        if (on) {
            next.add(FAILED_LINE);
        } else {
            next.remove(FAILED_LINE);
        }
        editor.setParagraphStyle(paragraph, next);
    }
}
