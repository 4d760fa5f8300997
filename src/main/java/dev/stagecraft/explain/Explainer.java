package dev.stagecraft.explain;

import dev.stagecraft.instruction.AddInstruction;
import dev.stagecraft.instruction.ArgInstruction;
import dev.stagecraft.instruction.CmdInstruction;
import dev.stagecraft.instruction.CommandLine;
import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.EntrypointInstruction;
import dev.stagecraft.instruction.EnvInstruction;
import dev.stagecraft.instruction.ExposeInstruction;
import dev.stagecraft.instruction.FileTransfer;
import dev.stagecraft.instruction.Flag;
import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.HealthcheckInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.InstructionKind;
import dev.stagecraft.instruction.KeyValue;
import dev.stagecraft.instruction.LabelInstruction;
import dev.stagecraft.instruction.MaintainerInstruction;
import dev.stagecraft.instruction.Mount;
import dev.stagecraft.instruction.MountOption;
import dev.stagecraft.instruction.OnbuildInstruction;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.instruction.ShellInstruction;
import dev.stagecraft.instruction.StopsignalInstruction;
import dev.stagecraft.instruction.UserInstruction;
import dev.stagecraft.instruction.VolumeInstruction;
import dev.stagecraft.instruction.Word;
import dev.stagecraft.instruction.WorkdirInstruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.EdgeKind;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.StageEdge;
import dev.stagecraft.stage.StageFate;
import dev.stagecraft.syntax.Heredoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Explains the instruction or stage at a place in an analysed Dockerfile: what the instruction
 * does, made specific with its facts (paths, stage names, mounts), which stage receives it and
 * whether that stage ships in the final image for the current target, is built and left behind,
 * or is skipped by BuildKit. A blank line or comment inside a stage explains the stage.
 */
public final class Explainer {
    /** Longer facts (a long RUN command) are cut: the panel explains, the editor shows the text. */
    private static final int MAX_FACT = 60;
    private static final int MAX_ITEMS = 4;

    private final Analysis analysis;
    private final ExplanationTexts texts = ExplanationTexts.get();

    private Explainer(Analysis analysis) {
        this.analysis = analysis;
    }

    /** The explanation for the caret at {@code offset} (any offset: out of range means "nothing there"). */
    public static Explanation explain(Analysis analysis, int offset) {
        return new Explainer(analysis).at(offset);
    }

    private Explanation at(int offset) {
        Instruction instruction = instructionAt(offset);
        Stage stage = stageAt(offset);
        if (stage == null) {
            if (instruction instanceof ArgInstruction arg) {
                return globalArg(arg);
            }
            boolean empty = analysis.stages().isEmpty();
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(texts.text(empty ? "empty.text" : "global.text"));
            if (instruction != null) {
                paragraphs.add(texts.text("global.misplaced", Map.of("keyword", instruction.kind().keyword())));
            }
            return new Explanation(texts.text(empty ? "empty.title" : "global.title"), paragraphs);
        }
        if (instruction == null || instruction instanceof FromInstruction) {
            return stage(stage, instruction != null);
        }
        return instruction(stage, instruction);
    }

    /**
     * The instruction whose text (continuations and here-documents included) holds the caret, or
     * null. Instructions are in file order, so this is a binary search: it runs on every caret move.
     */
    private Instruction instructionAt(int offset) {
        List<Instruction> all = analysis.instructions();
        int low = 0;
        int high = all.size() - 1;
        Instruction last = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (all.get(mid).range().start() <= offset) {
                last = all.get(mid);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return last != null && offset <= last.range().end() ? last : null;
    }

    /** The stage from whose FROM up to the next FROM the caret is, or null before the first FROM. */
    private Stage stageAt(int offset) {
        Stage found = null;
        for (Stage s : analysis.stages()) {
            if (s.from().range().start() <= offset) {
                found = s;
            }
        }
        return found;
    }

    // ---- stages ----------------------------------------------------------------------------------

    private Explanation stage(Stage s, boolean onFrom) {
        List<String> paragraphs = new ArrayList<>();
        if (onFrom) {
            paragraphs.add(s.name() != null ? texts.text("from.named", Map.of("name", s.name()))
                    : texts.text("from.unnamed", Map.of("index", Integer.toString(s.index()))));
        }
        String base = base(s);
        Flag platform = s.from().platform();
        if (platform != null && platform.value() != null) {
            base += " " + texts.text("stage.platform", Map.of("platform", fact(platform.value())));
        }
        if (!base.isEmpty()) {
            paragraphs.add(base.strip());
        }
        paragraphs.addAll(role(s));
        return new Explanation(texts.text(onFrom ? "from.title" : "stage.title", Map.of("stage", ref(s))), paragraphs);
    }

    private String base(Stage s) {
        if (s.scratch()) {
            return texts.text("stage.base.scratch");
        }
        if (s.baseStage() != null) {
            return texts.text("stage.base.stage", Map.of("base", ref(analysis.stages().get(s.baseStage()))));
        }
        if (s.base() == null || s.base().isBlank()) {
            return "";
        }
        return texts.text("stage.base.image", Map.of("image", code(s.base())));
    }

    /** What the stage is for, given the target: final, a base of the final, a builder, or skipped. */
    private List<String> role(Stage s) {
        Integer target = analysis.target();
        if (target == null) {
            return List.of(texts.text("stage.role.unknown"));
        }
        String targetRef = ref(analysis.stages().get(target));
        StageFate fate = analysis.fate(s.index());
        if (fate == StageFate.SKIPPED) {
            String skipped = texts.text("stage.role.skipped", Map.of("target", targetRef));
            if (s.name() != null) {
                skipped += " " + texts.text("stage.role.skipped.named", Map.of("name", s.name()));
            }
            return List.of(skipped);
        }
        if (fate == StageFate.SHIPS) {
            return List.of(target == s.index() ? texts.text("stage.role.target")
                    : texts.text("stage.role.base", Map.of("target", targetRef)));
        }
        Set<Stage> copiers = users(s, true);
        boolean feedsFinal = copiers.stream().anyMatch(u -> analysis.ships(u.index()));
        if (feedsFinal) {
            return List.of(texts.text("stage.role.builder", Map.of("consumers", refs(copiers))),
                    texts.text("stage.role.builder.why"));
        }
        Set<Stage> users = users(s, false);
        return List.of(users.isEmpty() ? texts.text("stage.role.unused")
                : texts.text("stage.role.needed", Map.of("consumers", refs(users))));
    }

    /** The needed stages that use stage {@code s}: by COPY --from only, or in any way (FROM, COPY, mount). */
    private Set<Stage> users(Stage s, boolean copiesOnly) {
        Set<Stage> users = new LinkedHashSet<>();
        for (StageEdge e : analysis.graph().edges()) {
            Integer from = e.fromStage();
            if (from != null && from == s.index() && e.to() != s.index() && (!copiesOnly || e.kind() == EdgeKind.COPY)) {
                Stage user = analysis.stages().get(e.to());
                if (user.reachable()) {
                    users.add(user);
                }
            }
        }
        return users;
    }

    private Explanation globalArg(ArgInstruction arg) {
        List<String> names = arg.args().stream().map(KeyValue::name).toList();
        String first = names.isEmpty() ? "NAME" : names.get(0);
        Map<String, String> facts = Map.of("names", join(names, n -> n), "first", fact(first));
        return new Explanation(texts.text("arg.global.title", facts),
                List.of(texts.text("arg.global", facts), texts.text("arg.global.scope", facts)));
    }

    // ---- instructions ----------------------------------------------------------------------------

    private Explanation instruction(Stage s, Instruction i) {
        List<String> paragraphs = new ArrayList<>(what(s, i));
        paragraphs.add(fate(s, i));
        String title = texts.text("instruction.title", Map.of("keyword", i.kind().keyword(), "stage", ref(s)));
        return new Explanation(title, paragraphs);
    }

    /** The kind's own text with the instruction's facts, and the texts of its flags and here-documents. */
    private List<String> what(Stage s, Instruction i) {
        List<String> out = new ArrayList<>();
        if (i instanceof RunInstruction run) {
            out.add(texts.text(run.command().json() ? "RUN.exec" : "RUN.shell", Map.of("command", command(run.command()))));
            for (Mount m : run.mounts()) {
                String mount = mount(m);
                if (mount != null) {
                    out.add(mount);
                }
            }
            if (run.network() != null) {
                out.add(texts.text("RUN.network", Map.of("network", fact(run.network()))));
            }
            heredoc("RUN.heredoc", run.heredocs(), out);
        } else if (i instanceof CopyInstruction copy) {
            out.add(copy(s, copy));
            transferFlags(copy, out);
            heredoc("COPY.heredoc", copy.heredocs(), out);
        } else if (i instanceof AddInstruction add) {
            out.add(texts.text("ADD", transferFacts(add)));
            transferFlags(add, out);
            heredoc("COPY.heredoc", add.heredocs(), out);
        } else if (i instanceof ArgInstruction arg) {
            out.add(texts.text("ARG", Map.of("names", names(arg.args()))));
            for (KeyValue kv : arg.args()) {
                if (kv.value() == null && analysis.globalArgs().containsKey(kv.name())) {
                    out.add(texts.text("ARG.global", Map.of("name", fact(kv.name()))));
                }
            }
        } else if (i instanceof HealthcheckInstruction health) {
            out.add(health.none() || health.command() == null ? texts.text("HEALTHCHECK.none")
                    : texts.text("HEALTHCHECK", Map.of("command", command(health.command()))));
        } else {
            out.add(texts.text(i.kind().keyword(), settingFacts(i)));
        }
        return out;
    }

    /** The facts of the instructions that only change the image's settings. */
    private Map<String, String> settingFacts(Instruction i) {
        if (i instanceof CmdInstruction c) {
            return Map.of("command", command(c.command()));
        } else if (i instanceof EntrypointInstruction e) {
            return Map.of("command", command(e.command()));
        } else if (i instanceof ShellInstruction sh) {
            return Map.of("command", command(sh.command()));
        } else if (i instanceof LabelInstruction l) {
            return Map.of("keys", names(l.pairs()));
        } else if (i instanceof EnvInstruction env) {
            return Map.of("names", names(env.pairs()));
        } else if (i instanceof MaintainerInstruction m) {
            return Map.of("name", word(m.name()));
        } else if (i instanceof ExposeInstruction e) {
            return Map.of("ports", words(e.ports()));
        } else if (i instanceof VolumeInstruction v) {
            return Map.of("paths", words(v.paths()));
        } else if (i instanceof UserInstruction u) {
            return Map.of("user", word(u.user()));
        } else if (i instanceof WorkdirInstruction w) {
            return Map.of("path", word(w.path()));
        } else if (i instanceof StopsignalInstruction st) {
            return Map.of("signal", word(st.signal()));
        } else if (i instanceof OnbuildInstruction on) {
            Instruction trigger = on.trigger();
            return Map.of("trigger", trigger == null ? "an instruction"
                    : code(trigger.source().node().text().substring(trigger.source().keywordStart())));
        }
        return Map.of();
    }

    private String copy(Stage s, CopyInstruction copy) {
        Flag from = copy.from();
        Map<String, String> facts = new HashMap<>(transferFacts(copy));
        if (from == null) {
            return texts.text("COPY.context", facts);
        }
        facts.put("from", fact(from.value() == null ? "" : from.value()));
        StageEdge edge = edgeOf(copy, null);
        if (edge == null) {
            return texts.text("COPY.unresolved", facts);
        }
        if (edge.fromImage() != null) {
            facts.put("image", code(edge.fromImage()));
            return texts.text("COPY.image", facts);
        }
        Stage origin = analysis.stages().get(edge.fromStage());
        facts.put("origin", ref(origin));
        String text = texts.text("COPY.stage", facts);
        if (analysis.target() != null && analysis.fate(s.index()) == StageFate.SHIPS
                && analysis.fate(origin.index()) == StageFate.LEFT_BEHIND) {
            text += " " + texts.text("COPY.why", facts);
        }
        return text;
    }

    private Map<String, String> transferFacts(FileTransfer t) {
        return Map.of("sources", t.sources().isEmpty() ? "nothing" : words(t.sources()), "destination", word(t.destination()));
    }

    private void transferFlags(FileTransfer t, List<String> out) {
        if (t.link()) {
            out.add(texts.text("COPY.link"));
        }
        Flag chown = t.chown();
        if (chown != null && chown.value() != null) {
            out.add(texts.text("COPY.chown", Map.of("chown", fact(chown.value()))));
        }
    }

    private void heredoc(String key, List<Heredoc> heredocs, List<String> out) {
        if (!heredocs.isEmpty()) {
            out.add(texts.text(key, Map.of("name", fact(heredocs.get(0).name()))));
        }
    }

    /** The text for one {@code --mount}, or null for a mount whose type could not be read. */
    private String mount(Mount m) {
        if (m.type() == null) {
            return null;
        }
        String target = value(m.target(), "its target");
        switch (m.type()) {
            case CACHE:
                return texts.text("RUN.mount.cache", Map.of("target", target));
            case TMPFS:
                return texts.text("RUN.mount.tmpfs", Map.of("target", target));
            case SSH:
                return texts.text("RUN.mount.ssh");
            case SECRET:
                MountOption id = m.id() != null ? m.id() : m.target();
                return texts.text("RUN.mount.secret", Map.of("id", value(id, "it names")));
            case BIND:
            default:
                return texts.text("RUN.mount.bind", Map.of("source", value(m.source(), "everything"),
                        "origin", origin(m), "target", target));
        }
    }

    /** Where a bind mount's files come from: a stage, an image, or the build context. */
    private String origin(Mount m) {
        if (m.from() == null) {
            return "the build context";
        }
        StageEdge edge = edgeOf(null, m);
        if (edge != null && edge.fromStage() != null) {
            return "stage " + ref(analysis.stages().get(edge.fromStage()));
        }
        return "the image " + value(m.from(), "?");
    }

    /** The graph edge a COPY or a mount made (edges keep their instruction and mount by identity). */
    private StageEdge edgeOf(Instruction copy, Mount mount) {
        for (StageEdge e : analysis.graph().edges()) {
            if ((copy != null && e.kind() == EdgeKind.COPY && e.instruction() == copy) || (mount != null && e.mount() == mount)) {
                return e;
            }
        }
        return null;
    }

    /** Which image receives the instruction: the stage it is in, and whether that stage ships. */
    private String fate(Stage s, Instruction i) {
        Integer target = analysis.target();
        if (target == null) {
            return texts.text("fate.unknown", Map.of("stage", ref(s)));
        }
        StageFate fate = analysis.fate(s.index());
        Map<String, String> facts = Map.of("stage", ref(s), "target", ref(analysis.stages().get(target)));
        if (fate == StageFate.SKIPPED) {
            return texts.text("fate.skipped", facts);
        }
        boolean ships = fate == StageFate.SHIPS;
        InstructionKind kind = i.kind();
        if (kind == InstructionKind.ARG) {
            return texts.text("ARG.fate");
        }
        if (kind == InstructionKind.RUN) {
            return ships ? texts.text("fate.files.ships", facts) + " " + texts.text("RUN.ships") : texts.text("RUN.leftBehind", facts);
        }
        if (kind == InstructionKind.COPY || kind == InstructionKind.ADD) {
            return texts.text(ships ? "fate.files.ships" : "fate.files.leftBehind", facts);
        }
        return texts.text(ships ? "fate.config.ships" : "fate.config.leftBehind", facts);
    }

    // ---- facts -----------------------------------------------------------------------------------

    /** {@code `build`} for a named stage, {@code #1} for an unnamed one. */
    private static String ref(Stage s) {
        return s.name() != null ? code(s.name()) : "#" + s.index();
    }

    /** "stage `a`", "stages `a` and `b`", "stages `a`, `b` and #3". */
    private static String refs(Set<Stage> stages) {
        List<String> names = stages.stream().map(Explainer::ref).toList();
        if (names.size() == 1) {
            return "stage " + names.get(0);
        }
        return "stages " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String command(CommandLine command) {
        return command == null ? "(no command)" : code(command.display());
    }

    private static String word(Word w) {
        return w == null ? "?" : code(w.text());
    }

    private static String words(List<Word> words) {
        return join(words, Word::text);
    }

    private static String names(List<KeyValue> pairs) {
        return join(pairs, KeyValue::name);
    }

    /** Each item in backticks, the first few only: the panel explains, the editor lists. */
    private static <T> String join(List<T> items, Function<T, String> text) {
        List<String> parts = new ArrayList<>();
        for (T item : items) {
            if (parts.size() == MAX_ITEMS) {
                parts.add("and " + (items.size() - MAX_ITEMS) + " more");
                break;
            }
            parts.add(code(text.apply(item)));
        }
        return parts.isEmpty() ? "?" : String.join(", ", parts);
    }

    private static String value(MountOption option, String otherwise) {
        return option == null || option.value() == null ? otherwise : code(option.value());
    }

    /** A piece of Dockerfile (a path, a command, an image) as it goes into a sentence: in backticks. */
    static String code(String text) {
        return "`" + fact(text) + "`";
    }

    /** A fact as it goes into a sentence: on one line, and cut when long. */
    static String fact(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_FACT ? line : line.substring(0, MAX_FACT - 1) + "\u2026";
    }
}
