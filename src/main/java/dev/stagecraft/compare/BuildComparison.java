package dev.stagecraft.compare;

import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildReport.EdgeReport;
import dev.stagecraft.engine.build.BuildReport.StageReport;
import dev.stagecraft.engine.measure.LandedFile;
import dev.stagecraft.engine.measure.LayerSize;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Two builds side by side, B against A (usually: B is the change, A what it replaces). Every delta
 * is B less A.
 *
 * <ul>
 * <li>{@code stages}: the two targets always paired (a single-stage file's only stage with a
 * multi-stage file's final one), then stages of the same name, then the rest by index; a stage found
 * on one side only is a row with the other side null. A's stages in order, then B's unpaired ones.</li>
 * <li>{@code layers}: each side's layers in file order, matched by instruction text like a line diff
 * (a longest common subsequence): equal instructions pair up, the others are added or removed.</li>
 * <li>{@code edges}: COPY --from edges matched by kind, from, into and instruction text, with the
 * files that differ on each.</li>
 * <li>{@code finalFiles}: the files that differ in the final images, biggest change first; their
 * deltas add up to the change in the final images' file bytes.</li>
 * <li>{@code leftBehind}: the files of A's final image that B's does not hold, biggest first.</li>
 * </ul>
 * Both file lists are empty when either side's final files could not be read ({@link #finalFilesUnknown()}).
 * <ul>
 * </ul>
 */
public record BuildComparison(ComparedBuild a, ComparedBuild b, List<StageRow> stages, List<LayerChange> layers,
                              List<EdgeChange> edges, List<FileChange> finalFiles, List<LeftBehindFile> leftBehind) {

    public BuildComparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        stages = List.copyOf(stages);
        layers = List.copyOf(layers);
        edges = List.copyOf(edges);
        finalFiles = List.copyOf(finalFiles);
        leftBehind = List.copyOf(leftBehind);
    }

    /** Compares build {@code b} with build {@code a}. */
    public static BuildComparison of(ComparedBuild a, ComparedBuild b) {
        InstructionTexts textsA = new InstructionTexts(DockerfileAnalyzer.analyze(a.dockerfileText()));
        InstructionTexts textsB = new InstructionTexts(DockerfileAnalyzer.analyze(b.dockerfileText()));
        BuildReport ra = a.report();
        BuildReport rb = b.report();
        // Files of a side that could not be read are not known to be absent: no file differences then.
        boolean known = ra.finalFilesProblem() == null && rb.finalFilesProblem() == null;
        return new BuildComparison(a, b, stageRows(ra, rb), layers(ra, textsA, rb, textsB), edges(ra, textsA, rb, textsB),
                known ? FileChange.between(ra.finalFiles(), rb.finalFiles()) : List.of(),
                known ? leftBehind(ra.finalFiles(), rb.finalFiles()) : List.of());
    }

    /** B's final image size less A's, as the engine reports them. */
    public long deltaBytes() {
        return b.report().finalSizeBytes() - a.report().finalSizeBytes();
    }

    /** The change as a percentage of A's final size; null when A's final image weighs nothing. */
    public Double deltaPercent() {
        long sizeA = a.report().finalSizeBytes();
        return sizeA == 0 ? null : deltaBytes() * 100.0 / sizeA;
    }

    /** Whether either side's final files could not be read, so the file differences are not known. */
    public boolean finalFilesUnknown() {
        return a.report().finalFilesProblem() != null || b.report().finalFilesProblem() != null;
    }

    /** The bytes of the files of a final image, as listed (links count 0). */
    public static long fileBytes(List<LandedFile> files) {
        long sum = 0;
        for (LandedFile f : files) {
            sum += f.sizeBytes();
        }
        return sum;
    }

    private static List<StageRow> stageRows(BuildReport a, BuildReport b) {
        List<StageReport> sa = a.stages();
        List<StageReport> sb = b.stages();
        Integer[] partner = new Integer[sa.size()];
        boolean[] taken = new boolean[sb.size()];
        if (a.targetStage() < sa.size() && b.targetStage() < sb.size()) {
            partner[a.targetStage()] = b.targetStage();
            taken[b.targetStage()] = true;
        }
        for (int i = 0; i < sa.size(); i++) {
            String name = sa.get(i).name();
            for (int j = 0; partner[i] == null && name != null && j < sb.size(); j++) {
                if (!taken[j] && name.equals(sb.get(j).name())) {
                    partner[i] = j;
                    taken[j] = true;
                }
            }
        }
        for (int i = 0; i < sa.size(); i++) {
            if (partner[i] == null && i < sb.size() && !taken[i]) {
                partner[i] = i;
                taken[i] = true;
            }
        }
        List<StageRow> rows = new ArrayList<>();
        for (int i = 0; i < sa.size(); i++) {
            rows.add(new StageRow(sa.get(i), partner[i] == null ? null : sb.get(partner[i]), i == a.targetStage()));
        }
        for (int j = 0; j < sb.size(); j++) {
            if (!taken[j]) {
                rows.add(new StageRow(null, sb.get(j), false));
            }
        }
        return rows;
    }

    /** A layer of one side with the text it is matched by. */
    private record Layer(String text, LayerChange.Side side) {
    }

    private static List<Layer> layersOf(BuildReport report, InstructionTexts texts) {
        List<Layer> layers = new ArrayList<>();
        for (StageReport s : report.stages()) {
            for (LayerSize l : s.layers()) {
                layers.add(new Layer(texts.at(l.line()), new LayerChange.Side(StageRow.label(s), l.line(), l.sizeBytes())));
            }
        }
        return layers;
    }

    private static List<LayerChange> layers(BuildReport a, InstructionTexts textsA, BuildReport b, InstructionTexts textsB) {
        List<Layer> la = layersOf(a, textsA);
        List<Layer> lb = layersOf(b, textsB);
        // common[i][j]: the longest run of equal texts that la from i and lb from j share.
        int[][] common = new int[la.size() + 1][lb.size() + 1];
        for (int i = la.size() - 1; i >= 0; i--) {
            for (int j = lb.size() - 1; j >= 0; j--) {
                common[i][j] = la.get(i).text().equals(lb.get(j).text()) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<LayerChange> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < la.size() || j < lb.size()) {
            if (i < la.size() && j < lb.size() && la.get(i).text().equals(lb.get(j).text())) {
                changes.add(new LayerChange(la.get(i).text(), la.get(i).side(), lb.get(j).side()));
                i++;
                j++;
            } else if (j == lb.size() || i < la.size() && common[i + 1][j] >= common[i][j + 1]) {
                changes.add(new LayerChange(la.get(i).text(), la.get(i).side(), null));
                i++;
            } else {
                changes.add(new LayerChange(lb.get(j).text(), null, lb.get(j).side()));
                j++;
            }
        }
        return changes;
    }

    /** What an edge is matched by, and the edge. */
    private record Edge(String kind, String from, String to, String text, EdgeReport report) {
        boolean sameAs(Edge other) {
            return kind.equals(other.kind) && from.equals(other.from) && to.equals(other.to) && text.equals(other.text);
        }
    }

    private static List<Edge> edgesOf(BuildReport report, InstructionTexts texts) {
        List<Edge> edges = new ArrayList<>();
        for (EdgeReport e : report.edges()) {
            String from = e.fromStage() != null && e.fromStage() < report.stages().size()
                    ? StageRow.label(report.stages().get(e.fromStage())) : String.valueOf(e.image());
            edges.add(new Edge(e.kind(), from, StageRow.label(report.stages().get(e.to())), texts.at(e.line()), e));
        }
        return edges;
    }

    private static List<EdgeChange> edges(BuildReport a, InstructionTexts textsA, BuildReport b, InstructionTexts textsB) {
        List<Edge> eb = edgesOf(b, textsB);
        boolean[] taken = new boolean[eb.size()];
        List<EdgeChange> changes = new ArrayList<>();
        for (Edge ea : edgesOf(a, textsA)) {
            Edge partner = null;
            for (int j = 0; partner == null && j < eb.size(); j++) {
                if (!taken[j] && ea.sameAs(eb.get(j))) {
                    partner = eb.get(j);
                    taken[j] = true;
                }
            }
            changes.add(new EdgeChange(ea.kind(), ea.from(), ea.to(), ea.text(), ea.report().line(),
                    partner == null ? null : partner.report().line(),
                    FileChange.between(ea.report().files(), partner == null ? List.of() : partner.report().files())));
        }
        for (int j = 0; j < eb.size(); j++) {
            if (!taken[j]) {
                Edge e = eb.get(j);
                changes.add(new EdgeChange(e.kind(), e.from(), e.to(), e.text(), null, e.report().line(),
                        FileChange.between(List.of(), e.report().files())));
            }
        }
        return changes;
    }

    private static List<LeftBehindFile> leftBehind(List<LandedFile> a, List<LandedFile> b) {
        Set<String> inB = new HashSet<>();
        for (LandedFile f : b) {
            inB.add(f.path());
        }
        List<LeftBehindFile> left = new ArrayList<>();
        for (LandedFile f : a) {
            if (!inB.contains(f.path())) {
                left.add(new LeftBehindFile(f.path(), f.sizeBytes()));
            }
        }
        left.sort(Comparator.comparingLong(LeftBehindFile::sizeBytes).reversed().thenComparing(LeftBehindFile::path));
        return left;
    }
}
