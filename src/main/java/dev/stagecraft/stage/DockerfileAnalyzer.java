package dev.stagecraft.stage;

import dev.stagecraft.instruction.ArgInstruction;
import dev.stagecraft.instruction.CmdInstruction;
import dev.stagecraft.instruction.CommandLine;
import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.EntrypointInstruction;
import dev.stagecraft.instruction.Flag;
import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.InstructionParser;
import dev.stagecraft.instruction.Instructions;
import dev.stagecraft.instruction.KeyValue;
import dev.stagecraft.instruction.MaintainerInstruction;
import dev.stagecraft.instruction.Mount;
import dev.stagecraft.instruction.MountOption;
import dev.stagecraft.instruction.MountType;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.instruction.ShellInstruction;
import dev.stagecraft.instruction.Word;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.DockerfileParser;
import dev.stagecraft.syntax.ParseResult;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Pattern;

/**
 * The whole analysis of a Dockerfile: parse, type the instructions, split them into stages, expand
 * the FROM lines with the global ARGs, resolve every stage reference and build the graph, then the
 * target, what it needs and in which order. BuildKit's Dockerfile frontend is the reference.
 */
public final class DockerfileAnalyzer {
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");
    /** A cycle's message names this many of its stages, then says how many more there are. */
    private static final int CYCLE_NAMES_SHOWN = 10;
    private static final String[] PLATFORM_ARGS = {"TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT"};

    private final AnalysisOptions options;
    private final ParseResult parse;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, String> globalArgs = new LinkedHashMap<>();
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Integer> stageByName = new HashMap<>();
    private final StageGraph graph = new StageGraph();
    /** The pattern work ({@code ${V#p}} and the like) the whole analysis may do: a bad file cannot make it hang. */
    private final Glob.Budget patternBudget = new Glob.Budget(50_000_000);
    /** Image references repeat (every stage on the same base): check each once. */
    private final Map<String, String> referenceProblems = new HashMap<>();

    /** A stage while it is being assembled. */
    private static final class Draft {
        final int index;
        final FromInstruction from;
        final List<Instruction> instructions = new ArrayList<>();
        String name;
        String base = "";
        Integer baseStage;
        boolean reachable;

        Draft(int index, FromInstruction from) {
            this.index = index;
            this.from = from;
        }
    }

    private DockerfileAnalyzer(ParseResult parse, AnalysisOptions options) {
        this.parse = parse;
        this.options = options;
    }

    public static Analysis analyze(String text) {
        return analyze(text, AnalysisOptions.defaults());
    }

    public static Analysis analyze(String text, AnalysisOptions options) {
        ParseResult parse = DockerfileParser.parse(text);
        return new DockerfileAnalyzer(parse, options).run();
    }

    private Analysis run() {
        diagnostics.addAll(parse.diagnostics());
        Instructions instructions = InstructionParser.parse(parse);
        diagnostics.addAll(instructions.diagnostics());
        platformArgs();
        for (Instruction i : instructions.list()) {
            if (i instanceof FromInstruction from) {
                Draft d = new Draft(drafts.size(), from);
                drafts.add(d);
                graph.addStage(d.index);
                resolveBase(d);
            } else if (drafts.isEmpty()) {
                if (i instanceof ArgInstruction arg) {
                    globalArg(arg);
                } else {
                    diagnostics.add(Diagnostic.error("instruction-before-from", i.kind() + " comes before the first FROM;"
                            + " only ARG may (declaring arguments for FROM lines)", i.keywordRange()));
                }
            } else {
                drafts.get(drafts.size() - 1).instructions.add(i);
            }
        }
        if (drafts.isEmpty()) {
            int start = parse.lines().lineStart(1);
            diagnostics.add(Diagnostic.error("no-from", "No FROM instruction: a Dockerfile needs at least one stage,"
                    + " for example FROM alpine:3.20", parse.lines().range(start, start)));
        }
        for (Draft d : drafts) {
            stageLints(d);
            for (Instruction i : d.instructions) {
                references(d, i);
            }
        }
        cycles();
        Integer target = target();
        reach(target);
        List<Integer> order = buildOrder();
        List<Diagnostic> all = new ArrayList<>(BuildChecks.of(parse.directive("check")).apply(diagnostics));
        List<Stage> stages = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            SourceRange range = d.instructions.isEmpty() ? d.from.range()
                    : SourceRange.span(d.from.range(), d.instructions.get(d.instructions.size() - 1).range());
            stages.add(new Stage(d.index, d.name, d.from, d.base, d.baseStage, d.instructions, d.reachable, range));
        }
        all.addAll(TeachingLints.check(stages, target));
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.range() == null ? Integer.MAX_VALUE : d.range().start())
                .thenComparing(Diagnostic::id));
        Map<String, String> visibleArgs = new LinkedHashMap<>(globalArgs);
        for (String p : PLATFORM_ARGS) {
            visibleArgs.remove(p);
        }
        return new Analysis(parse, instructions.list(), stages, graph, target, order,
                java.util.Collections.unmodifiableMap(visibleArgs), all);
    }

    private void platformArgs() {
        String[] target = (options.targetPlatform() == null ? AnalysisOptions.hostPlatform() : options.targetPlatform())
                .split("/");
        String host = AnalysisOptions.hostPlatform();
        String[] build = host.split("/");
        globalArgs.put("TARGETPLATFORM", String.join("/", target));
        globalArgs.put("TARGETOS", target[0]);
        globalArgs.put("TARGETARCH", target.length > 1 ? target[1] : "");
        globalArgs.put("TARGETVARIANT", target.length > 2 ? target[2] : "");
        globalArgs.put("BUILDPLATFORM", host);
        globalArgs.put("BUILDOS", build[0]);
        globalArgs.put("BUILDARCH", build.length > 1 ? build[1] : "");
        globalArgs.put("BUILDVARIANT", build.length > 2 ? build[2] : "");
    }

    private void globalArg(ArgInstruction arg) {
        for (KeyValue kv : arg.args()) {
            String name = kv.name();
            String value;
            if (options.buildArgs().containsKey(name)) {
                value = options.buildArgs().get(name);
            } else if (kv.value() != null) {
                value = expand(kv.value(), false);
            } else {
                value = null;
            }
            globalArgs.put(name, value);
        }
    }

    /** Where characters [from, to) of an expanded word are. */
    private interface TextRanges {
        SourceRange of(int from, int to);
    }

    private String expand(Word word, boolean reportUndeclared) {
        return expand(word.text(), word::subRange, reportUndeclared);
    }

    /** Expands text with the global ARGs, reporting expansion errors and (optionally) undeclared names. */
    private String expand(String text, TextRanges ranges, boolean reportUndeclared) {
        VariableExpander.Result r = VariableExpander.expand(text, parse.escape(), globalArgs, patternBudget);
        if (r.error() != null) {
            diagnostics.add(Diagnostic.error("invalid-variable", r.error(), ranges.of(r.errorOffset(), r.errorOffset() + 1)));
        }
        if (reportUndeclared && !r.references().isEmpty()) {
            for (VariableExpander.Reference ref : r.references()) {
                if (!ref.declared()) {
                    diagnostics.add(Diagnostic.warning("undefined-arg-in-from", "FROM uses $" + ref.name()
                            + ", which no ARG before the first FROM declares: it expands to nothing",
                            ranges.of(ref.offset(), ref.offset() + 1 + ref.name().length())));
                }
            }
        }
        return r.value();
    }

    private void resolveBase(Draft d) {
        FromInstruction from = d.from;
        Flag platform = from.platform();
        if (platform != null && platform.value() != null) {
            expand(platform.value(), platform::valueSubRange, false);
        }
        if (from.image() != null) {
            d.base = expand(from.image(), true);
            SourceRange at = from.image().range();
            if (d.base.isEmpty()) {
                diagnostics.add(Diagnostic.error("empty-base-image", "The base image '" + from.image().text()
                        + "' expands to nothing: give the ARG a default or pass --build-arg", at));
            } else if (d.base.equals("scratch")) {
                d.baseStage = null;
            } else if (stageByName.containsKey(d.base)) {
                d.baseStage = stageByName.get(d.base);
            } else if (stageByName.containsKey(d.base.toLowerCase(Locale.ROOT))) {
                String stage = d.base.toLowerCase(Locale.ROOT);
                diagnostics.add(Diagnostic.error("from-stage-case-mismatch", "'" + d.base + "' is not stage '" + stage
                        + "': FROM matches stage names exactly, so BuildKit looks for an image and fails. Write FROM "
                        + stage, at));
            } else {
                String problem = referenceProblem(d.base);
                if (problem != null) {
                    diagnostics.add(Diagnostic.error("invalid-image-reference", "Invalid image reference '" + Diagnostic.excerpt(d.base)
                            + "': " + problem, at));
                }
            }
            if (!d.base.isEmpty() && !d.base.equals("scratch")) {
                GraphNode source = d.baseStage != null ? new GraphNode.StageNode(d.baseStage)
                        : new GraphNode.ImageNode(d.base);
                graph.addEdge(new StageEdge(EdgeKind.BASE, source, d.index, from, null, at));
            }
        }
        String name = from.stageName();
        if (name != null) {
            SourceRange at = from.name().range();
            if (!STAGE_NAME.matcher(name).matches()) {
                diagnostics.add(Diagnostic.error("invalid-stage-name", "Invalid stage name '" + from.name().text()
                        + "': it must start with a letter and hold only letters, digits, '-', '_' and '.'", at));
            }
            if (name.equals("scratch") || name.equals("context")) {
                diagnostics.add(Diagnostic.warning("reserved-stage-name", "'" + name
                        + "' is reserved and should not name a stage", at));
            }
            if (!name.equals(from.name().text())) {
                diagnostics.add(Diagnostic.warning("stage-name-casing", "Stage name '" + from.name().text()
                        + "' should be lowercase: " + name, at));
            }
            String fromKw = from.source().keyword();
            String asKw = from.asKeyword().text();
            boolean fromUpper = fromKw.equals(fromKw.toUpperCase(Locale.ROOT));
            boolean fromLower = fromKw.equals(fromKw.toLowerCase(Locale.ROOT));
            if (fromUpper && !asKw.equals(asKw.toUpperCase(Locale.ROOT))
                    || fromLower && !asKw.equals(asKw.toLowerCase(Locale.ROOT))) {
                diagnostics.add(Diagnostic.warning("from-as-casing", "'" + asKw + "' and '" + fromKw
                        + "' keywords' casing do not match", from.asKeyword().range()));
            }
            if (stageByName.containsKey(name)) {
                diagnostics.add(Diagnostic.warning("duplicate-stage-name", "Duplicate stage name '" + name
                        + "': stage #" + stageByName.get(name) + " already has it; stage names should be unique", at));
            } else {
                stageByName.put(name, d.index);
            }
            d.name = name;
        }
    }

    private void stageLints(Draft d) {
        boolean customShell = false;
        for (Instruction i : d.instructions) {
            if (i instanceof ShellInstruction) {
                customShell = true;
            }
            CommandLine command = i instanceof CmdInstruction c ? c.command()
                    : i instanceof EntrypointInstruction e ? e.command() : null;
            if (command != null && !command.json() && !command.args().isEmpty() && !customShell) {
                diagnostics.add(Diagnostic.warning("json-args-recommended", "JSON arguments recommended for "
                        + i.kind() + " to prevent unintended behaviour related to OS signals: " + i.kind()
                        + " [\"executable\", \"arg\"]", i.keywordRange()));
            }
            if (i instanceof MaintainerInstruction) {
                diagnostics.add(Diagnostic.warning("maintainer-deprecated",
                        "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors=\"...\"", i.keywordRange()));
            }
        }
    }

    /** COPY --from and RUN --mount from= of one instruction (ONBUILD triggers run later, elsewhere: no edge). */
    private void references(Draft d, Instruction i) {
        if (i instanceof CopyInstruction copy && copy.from() != null && copy.from().value() != null) {
            Flag f = copy.from();
            reference(d, i, null, f.value(), f.valueRange(), EdgeKind.COPY);
        } else if (i instanceof RunInstruction run) {
            for (Mount m : run.mounts()) {
                MountOption from = m.from();
                if (from != null && from.value() != null && m.type() != MountType.SECRET) {
                    reference(d, i, m, from.value(), from.valueRange(), EdgeKind.MOUNT);
                }
            }
        }
    }

    private void reference(Draft d, Instruction i, Mount mount, String value, SourceRange at, EdgeKind kind) {
        if (value.isEmpty()) {
            return;
        }
        String what = kind == EdgeKind.COPY ? "--from=" : "from=";
        if (value.indexOf('$') >= 0) {
            diagnostics.add(Diagnostic.error("variable-in-from", what + value + " uses a variable: BuildKit resolves"
                    + " it before ARGs exist. Name the stage, or FROM ${VAR} AS alias and use the alias", at));
            return;
        }
        GraphNode source;
        Integer index = null;
        if (isNumber(value)) {
            long n = Long.parseLong(value.length() > 9 ? "999999999" : value);
            if (n >= drafts.size()) {
                diagnostics.add(Diagnostic.error("invalid-stage-index", what + value + " names stage #" + value
                        + ", but the file has " + drafts.size() + " stage" + (drafts.size() == 1 ? "" : "s")
                        + " (numbered from 0)", at));
                return;
            }
            index = (int) n;
        } else {
            index = stageByName.get(value.toLowerCase(Locale.ROOT));
        }
        if (index != null) {
            source = new GraphNode.StageNode(index);
            if (index == d.index) {
                diagnostics.add(Diagnostic.error("circular-dependency", "Stage " + label(d) + " refers to itself with "
                        + what + value, at));
            } else if (index > d.index) {
                diagnostics.add(Diagnostic.error("forward-reference", "Stage " + label(drafts.get(index))
                        + " needs to be defined before stage " + label(d) + " can use it", at));
            }
        } else {
            String problem = referenceProblem(value);
            if (problem != null) {
                diagnostics.add(Diagnostic.error("invalid-image-reference", "'" + value
                        + "' is neither a stage of this file nor a valid image reference: " + problem, at));
            } else {
                likelyTypo(d, value, at);
            }
            source = new GraphNode.ImageNode(value);
        }
        graph.addEdge(new StageEdge(kind, source, d.index, i, mount, at));
    }

    /** A name one or two keystrokes from an earlier stage's is a typo, not an image anyone meant to pull. */
    private void likelyTypo(Draft d, String value, SourceRange at) {
        List<String> earlier = new ArrayList<>();
        for (Draft e : drafts.subList(0, d.index)) {
            if (e.name != null) {
                earlier.add(e.name);
            }
        }
        String guess = StageNameTypos.suggestion(value, earlier);
        if (guess != null) {
            diagnostics.add(Diagnostic.warning("from-unknown-stage", "'" + value + "' is not a stage: it would be pulled"
                    + " as an image. Did you mean '" + guess + "'?", at));
        }
    }

    private String referenceProblem(String reference) {
        String problem = referenceProblems.get(reference);
        if (problem == null && !referenceProblems.containsKey(reference)) {
            problem = ImageReference.problem(reference);
            referenceProblems.put(reference, problem);
        }
        return problem;
    }

    private static boolean isNumber(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (!Character.isDigit(s.charAt(k)) || s.charAt(k) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String label(Draft d) {
        return d.name != null ? "'" + d.name + "' (#" + d.index + ")" : "#" + d.index;
    }

    /** Cycles through forward references: one diagnostic per strongly connected group of stages. */
    private void cycles() {
        int n = drafts.size();
        if (n == 0) {
            return;
        }
        boolean anyForward = false;
        for (StageEdge e : graph.edges()) {
            Integer from = e.fromStage();
            anyForward |= from != null && from > e.to();
        }
        if (!anyForward) {
            return;
        }
        int[] component = Tarjan.components(n, graph.edges());
        Map<Integer, List<StageEdge>> byComponent = new LinkedHashMap<>();
        int[] size = new int[n];
        for (int c : component) {
            size[c]++;
        }
        for (StageEdge e : graph.edges()) {
            Integer from = e.fromStage();
            if (from != null && from != e.to() && component[from] == component[e.to()] && size[component[from]] > 1) {
                byComponent.computeIfAbsent(component[from], k -> new ArrayList<>()).add(e);
            }
        }
        for (List<StageEdge> edges : byComponent.values()) {
            edges.sort(Comparator.comparingInt(e -> e.reference().start()));
            StringBuilder names = new StringBuilder();
            java.util.TreeSet<Integer> members = new java.util.TreeSet<>();
            for (StageEdge e : edges) {
                members.add(e.to());
                members.add(e.fromStage());
            }
            int named = 0;
            for (int m : members) {
                if (named++ == CYCLE_NAMES_SHOWN) {
                    names.append(String.format(Locale.ROOT, " and %,d more", members.size() - CYCLE_NAMES_SHOWN));
                    break;
                }
                names.append(names.length() == 0 ? "" : ", ").append(label(drafts.get(m)));
            }
            List<SourceRange> related = edges.stream().map(StageEdge::reference).toList();
            diagnostics.add(new Diagnostic("circular-dependency", dev.stagecraft.syntax.Severity.ERROR,
                    "Circular dependency between stages " + names + ": each needs another to be built first",
                    related.get(0), related));
        }
    }

    private Integer target() {
        if (drafts.isEmpty()) {
            return null;
        }
        if (options.target() == null) {
            return drafts.size() - 1;
        }
        Integer index = stageByName.get(options.target().toLowerCase(Locale.ROOT));
        if (index == null) {
            diagnostics.add(new Diagnostic("unknown-target", dev.stagecraft.syntax.Severity.ERROR,
                    "Target stage '" + options.target() + "' could not be found"
                            + (stageByName.isEmpty() ? ": no stage has a name" : "; stages: "
                            + String.join(", ", new java.util.TreeSet<>(stageByName.keySet()))), null, List.of()));
        }
        return index;
    }

    private void reach(Integer target) {
        if (target == null) {
            return;
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        drafts.get(target).reachable = true;
        queue.add(target);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (StageEdge e : graph.needs(s)) {
                Integer from = e.fromStage();
                if (from != null && !drafts.get(from).reachable) {
                    drafts.get(from).reachable = true;
                    queue.add(from);
                }
            }
        }
        for (Draft d : drafts) {
            if (!d.reachable) {
                diagnostics.add(Diagnostic.warning("unreachable-stage", "Stage " + label(d) + " is not needed to build "
                        + label(drafts.get(target)) + ", so BuildKit skips it", d.from.keywordRange()));
            }
        }
    }

    /** Needed stages, each after the stages it needs; ties by file order; stages in a cycle last, by file order. */
    private List<Integer> buildOrder() {
        int n = drafts.size();
        int[] pending = new int[n];
        List<List<Integer>> dependents = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            dependents.add(new ArrayList<>(2));
        }
        for (StageEdge e : graph.edges()) {
            Integer from = e.fromStage();
            if (from != null && drafts.get(e.to()).reachable && drafts.get(from).reachable) {
                pending[e.to()]++;
                dependents.get(from).add(e.to());
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (Draft d : drafts) {
            if (d.reachable && pending[d.index] == 0) {
                ready.add(d.index);
            }
        }
        List<Integer> order = new ArrayList<>();
        boolean[] done = new boolean[n];
        while (!ready.isEmpty()) {
            int s = ready.poll();
            order.add(s);
            done[s] = true;
            for (int t : dependents.get(s)) {
                if (--pending[t] == 0) {
                    ready.add(t);
                }
            }
        }
        for (Draft d : drafts) {
            if (d.reachable && !done[d.index]) {
                order.add(d.index);
            }
        }
        return order;
    }
}
