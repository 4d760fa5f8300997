package dev.stagecraft.stage;

import dev.stagecraft.instruction.CopyInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.RunInstruction;
import dev.stagecraft.instruction.UserInstruction;
import dev.stagecraft.instruction.Word;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Advice that teaches the usual multi-stage mistakes (severity info: BuildKit builds these fine):
 * copying a whole stage, shipping a toolchain image, copying build output from the context instead
 * of from the stage that builds it, and files copied between stages that the USER can't own.
 */
final class TeachingLints {
    private static final Set<String> TOOLCHAINS = Set.of("golang", "rust", "maven", "gradle", "gcc", "buildpack-deps",
            "sdk", "openjdk");
    private static final Set<String> RUNTIMES_WITH_SLIM_TAGS = Set.of("node", "python", "ruby", "php");
    private static final Set<String> BUILD_OUTPUTS = Set.of("dist", "build", "target", "out", "bin", ".next", "node_modules");
    private static final Pattern BUILD_COMMAND = Pattern.compile("\\b(npm run build|yarn build|pnpm build|go build"
            + "|cargo build|mvn\\b[^&|;]*\\bpackage|gradle\\b[^&|;]*\\bbuild|make\\b|tsc\\b)");

    private TeachingLints() {
    }

    static List<Diagnostic> check(List<Stage> stages, Integer target) {
        List<Diagnostic> out = new ArrayList<>();
        boolean hasBuilder = false;
        for (int at = 0; at < stages.size() && !hasBuilder; at++) {
            for (Instruction i : stages.get(at).instructions()) {
                // One build command is enough: the search stops there (it runs on every keystroke).
                if (i instanceof RunInstruction run && BUILD_COMMAND.matcher(run.command().display()).find()) {
                    hasBuilder = true;
                    break;
                }
            }
        }
        for (Stage s : stages) {
            boolean nonRootUser = false;
            for (Instruction i : s.instructions()) {
                if (i instanceof UserInstruction user && user.user() != null) {
                    String who = user.user().text();
                    nonRootUser = !(who.equals("root") || who.equals("0") || who.startsWith("root:") || who.startsWith("0:"));
                }
                if (!(i instanceof CopyInstruction copy)) {
                    continue;
                }
                if (copy.from() != null && copy.from().value() != null) {
                    wholeStage(copy, out);
                    if (nonRootUser && copy.chown() == null) {
                        out.add(info("copy-without-chown", "Files copied from '" + copy.from().value()
                                + "' stay owned by root although this stage runs as a USER: add --chown=<user> if the"
                                + " program must write them", copy.keywordRange()));
                    }
                } else if (hasBuilder && target != null && s.reachable()) {
                    contextBuildOutput(copy, out);
                }
            }
        }
        if (target != null) {
            Stage root = stages.get(target);
            while (root.baseStage() != null) {
                root = stages.get(root.baseStage());
            }
            if (isToolchain(root.base()) && root.from().image() != null) {
                out.add(info("toolchain-final-image", "The final image is built on '" + root.base()
                        + "', a full toolchain image: build in a stage FROM it, then copy the result into a small"
                        + " runtime image (alpine, distroless, scratch)", root.from().image().range()));
            }
        }
        return out;
    }

    private static void wholeStage(CopyInstruction copy, List<Diagnostic> out) {
        for (Word source : copy.sources()) {
            String path = source.text();
            if (path.equals("/") || path.equals("/.") || path.equals("/*")) {
                out.add(info("copy-whole-stage", "COPY --from=" + copy.from().value() + " " + path
                        + " copies that stage's whole filesystem, toolchain included, and undoes the multi-stage split:"
                        + " copy only the files the final image needs", source.range()));
            }
        }
    }

    private static void contextBuildOutput(CopyInstruction copy, List<Diagnostic> out) {
        for (Word source : copy.sources()) {
            String path = source.text();
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (BUILD_OUTPUTS.contains(first)) {
                out.add(info("context-build-output", "'" + source.text() + "' is copied from the build context, where it"
                        + " is whatever was last built on your machine (or missing in CI): copy it from the stage that"
                        + " builds it with COPY --from=<stage>", source.range()));
            }
        }
    }

    static boolean isToolchain(String image) {
        String ref = image.toLowerCase(Locale.ROOT);
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        String tag = "";
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        if (TOOLCHAINS.contains(name)) {
            return !name.equals("openjdk") || !tag.contains("jre");
        }
        return RUNTIMES_WITH_SLIM_TAGS.contains(name) && !tag.contains("slim") && !tag.contains("alpine");
    }

    private static Diagnostic info(String id, String message, dev.stagecraft.syntax.SourceRange range) {
        return new Diagnostic(id, Severity.INFO, message, range, List.of());
    }
}
