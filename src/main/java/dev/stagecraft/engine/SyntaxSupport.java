package dev.stagecraft.engine;

import dev.stagecraft.instruction.AddInstruction;
import dev.stagecraft.instruction.FileTransfer;
import dev.stagecraft.instruction.Flag;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.Mount;
import dev.stagecraft.instruction.MountType;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.syntax.Directive;
import dev.stagecraft.syntax.Heredoc;
import dev.stagecraft.syntax.SourceRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds, before a build starts, the syntax the chosen builder on the connected engine cannot
 * handle, so the user reads "line 3: heredocs need ..." instead of the engine's "unknown
 * instruction: ECHO" on the heredoc's body line.
 *
 * <p>BuildKit is judged by the Dockerfile frontend the engine has built in ({@link BuiltInFrontend}):
 * that is the one used when the file has no {@code # syntax=} directive or is sent without it. A
 * directive that names another frontend is reported by {@link SyntaxDirectiveNotice}, not here. An
 * engine version that cannot be read is given the benefit of the doubt: only what fails on every
 * engine is reported. The classic builder is the same on every engine for these features.
 */
public final class SyntaxSupport {

    private SyntaxSupport() {
    }

    /**
     * The problems of {@code analysis} for {@code builder} on an engine reporting {@code engineVersion}
     * (null or unparseable: permissive), sorted by position. Empty when the builder handles the file.
     */
    public static List<SyntaxProblem> check(Analysis analysis, BuilderKind builder, String engineVersion) {
        Judge judge = new Judge(builder, engineVersion);
        List<SyntaxProblem> out = new ArrayList<>();
        for (Directive d : analysis.parse().directives()) {
            if (d.name().equals("check")) {
                judge.report(SyntaxFeature.CHECK_DIRECTIVE, d.range().startLine(), d.range(), out);
            }
        }
        for (Instruction instruction : analysis.instructions()) {
            if (instruction instanceof RunInstruction run) {
                checkRun(run, judge, out);
            } else if (instruction instanceof FileTransfer transfer) {
                checkTransfer(instruction, transfer, judge, out);
            }
        }
        out.sort(Comparator.comparingInt((SyntaxProblem p) -> p.range().start()).thenComparing(p -> p.feature().ordinal()));
        return List.copyOf(out);
    }

    private static void checkRun(RunInstruction run, Judge judge, List<SyntaxProblem> out) {
        int line = run.line();
        if (!run.heredocs().isEmpty()) {
            judge.report(SyntaxFeature.RUN_HEREDOC, line, firstMarker(run.heredocs()), out);
        }
        for (Mount mount : run.mounts()) {
            SyntaxFeature feature = SyntaxFeature.RUN_MOUNT;
            // The classic builder refuses every mount alike; through BuildKit secrets and SSH keys fail
            // for a different reason (no session), so they get their own words.
            if (judge.builder == BuilderKind.BUILDKIT && mount.type() == MountType.SECRET) {
                feature = SyntaxFeature.RUN_MOUNT_SECRET;
            } else if (judge.builder == BuilderKind.BUILDKIT && mount.type() == MountType.SSH) {
                feature = SyntaxFeature.RUN_MOUNT_SSH;
            }
            judge.report(feature, line, mount.flag().range(), out);
        }
        reportFlag(run.source().flag("network"), SyntaxFeature.RUN_NETWORK, line, judge, out);
        reportFlag(run.source().flag("security"), SyntaxFeature.RUN_SECURITY, line, judge, out);
    }

    private static void checkTransfer(Instruction instruction, FileTransfer transfer, Judge judge, List<SyntaxProblem> out) {
        int line = instruction.line();
        if (!transfer.heredocs().isEmpty()) {
            judge.report(SyntaxFeature.FILE_HEREDOC, line, firstMarker(transfer.heredocs()), out);
        }
        Flag chmod = transfer.chmod();
        if (chmod != null) {
            // The classic builder refuses --chmod whatever its value; BuildKit before 1.14 takes an
            // octal mode and silently ignores any other.
            boolean symbolic = chmod.value() != null && !chmod.value().isEmpty() && !chmod.value().contains("$")
                    && !chmod.value().chars().allMatch(c -> c >= '0' && c <= '7');
            SyntaxFeature feature = symbolic && judge.builder == BuilderKind.BUILDKIT ? SyntaxFeature.CHMOD_SYMBOLIC
                    : SyntaxFeature.CHMOD;
            judge.report(feature, line, chmod.range(), out);
        }
        // A flag the frontend does not know fails the parse whatever its value, so presence counts.
        reportFlag(instruction.source().flag("link"), SyntaxFeature.LINK, line, judge, out);
        reportFlag(instruction.source().flag("parents"), SyntaxFeature.PARENTS, line, judge, out);
        List<Flag> excludes = instruction.source().flags("exclude");
        if (!excludes.isEmpty()) {
            reportFlag(excludes.get(0), SyntaxFeature.EXCLUDE, line, judge, out);
        }
        if (instruction instanceof AddInstruction) {
            reportFlag(instruction.source().flag("checksum"), SyntaxFeature.CHECKSUM, line, judge, out);
            reportFlag(instruction.source().flag("keep-git-dir"), SyntaxFeature.KEEP_GIT_DIR, line, judge, out);
        }
    }

    private static void reportFlag(Flag flag, SyntaxFeature feature, int line, Judge judge, List<SyntaxProblem> out) {
        if (flag != null) {
            judge.report(feature, line, flag.range(), out);
        }
    }

    private static SourceRange firstMarker(List<Heredoc> heredocs) {
        return heredocs.get(0).markerRange();
    }

    /** Decides, per feature, whether the builder on this engine handles it, and words the problem. */
    private static final class Judge {
        private final BuilderKind builder;
        private final String engineText;
        private final EngineVersion engine;
        /** The built-in frontend's minor version; null when the engine version is unknown. */
        private final Integer frontend;

        Judge(BuilderKind builder, String engineVersion) {
            this.builder = builder;
            this.engineText = engineVersion == null || engineVersion.isBlank() ? "unknown" : engineVersion.strip();
            Optional<EngineVersion> parsed = EngineVersion.parse(engineVersion);
            this.engine = parsed.orElse(null);
            this.frontend = parsed.map(v -> BuiltInFrontend.of(v).map(BuiltInFrontend::frontendMinor).orElse(0)).orElse(null);
        }

        void report(SyntaxFeature feature, int line, SourceRange range, List<SyntaxProblem> out) {
            String message = builder == BuilderKind.CLASSIC ? classicMessage(feature) : buildKitMessage(feature);
            if (message != null) {
                out.add(new SyntaxProblem(feature, feature.missing(), line, range, message));
            }
        }

        private String classicMessage(SyntaxFeature feature) {
            if (feature == SyntaxFeature.CHECK_DIRECTIVE) {
                return "The classic builder ignores the # check= directive: build checks run only with BuildKit's "
                        + "Dockerfile frontend 1.8+ (Docker Engine 27.0+).";
            }
            return feature.capitalized() + " needs BuildKit; the classic builder cannot build it. Build with BuildKit, or "
                    + feature.instead() + ".";
        }

        /** Null when the built-in frontend has the feature, or when the engine's version is unknown. */
        private String buildKitMessage(SyntaxFeature feature) {
            if (feature == SyntaxFeature.RUN_MOUNT_SECRET || feature == SyntaxFeature.RUN_MOUNT_SSH) {
                String what = feature == SyntaxFeature.RUN_MOUNT_SECRET ? "the secret" : "the SSH agent";
                return feature.capitalized() + " needs a client session to hand over " + what + ", and Stagecraft builds "
                        + "through the engine API without one: the engine stops with \"no active sessions\". Instead, "
                        + feature.instead() + ".";
            }
            if (frontend == null || frontend >= feature.minFrontend()) {
                return null;
            }
            Optional<BuiltInFrontend> first = BuiltInFrontend.firstWith(feature.minFrontend());
            StringBuilder s = new StringBuilder(feature.capitalized()).append(" needs BuildKit's Dockerfile frontend 1.")
                    .append(feature.minFrontend()).append('+');
            first.ifPresent(f -> s.append(", which Docker Engine ").append(f.firstEngine().majorMinor()).append("+ has built in"));
            s.append("; this engine is ").append(engineText);
            BuiltInFrontend.of(engine).ifPresent(f -> s.append(" (built-in frontend ").append(f.frontend()).append(')'));
            if (feature == SyntaxFeature.CHMOD_SYMBOLIC) {
                s.append(" and silently ignores the mode: the file keeps the mode it had. Instead, ");
            } else if (feature == SyntaxFeature.CHECK_DIRECTIVE) {
                s.append(" and ignores the directive: the build runs without the checks it asks for.");
                return s.toString();
            } else {
                s.append(". Instead, ");
            }
            return s.append(feature.instead()).append(", or build on a newer engine.").toString();
        }
    }
}
