package dev.stagecraft.engine;

import dev.stagecraft.instruction.ArgInstruction;
import dev.stagecraft.instruction.FromInstruction;
import dev.stagecraft.instruction.Instruction;
import dev.stagecraft.instruction.KeyValue;
import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.Stage;
import dev.stagecraft.stage.VariableExpander;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A build argument the Dockerfile declares with {@code ARG}, as a build-settings form offers it:
 * its name, its default ({@code null} when no declaration gives one), where it is declared
 * ({@link #GLOBAL} for an ARG before the first FROM, else the stage's label), and the line of its
 * first declaration. One {@code --build-arg} sets every declaration of a name, so a name declared
 * in several places is one argument; its default is the first one the file gives.
 */
public record DeclaredBuildArg(String name, String defaultValue, List<String> declaredIn, int line) {
    /** Where an ARG before the first FROM is declared: the FROM lines see it. */
    public static final String GLOBAL = "global";

    /**
     * The arguments BuildKit sets by itself from the platform ({@code TARGETARCH} ...): a stage
     * declares them to read them, not to be asked for a value.
     */
    private static final Set<String> AUTOMATIC = Set.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
            "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");

    public DeclaredBuildArg {
        Objects.requireNonNull(name, "name");
        declaredIn = List.copyOf(declaredIn);
    }

    /** The build arguments of the analysed file, in the order of their first declaration. */
    public static List<DeclaredBuildArg> of(Analysis analysis) {
        char escape = analysis.parse().escape();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        Map<String, String> globals = new HashMap<>();
        for (Instruction i : analysis.instructions()) {
            if (i instanceof FromInstruction) {
                break;
            }
            if (i instanceof ArgInstruction arg) {
                declare(drafts, arg, GLOBAL, globals, globals, escape);
            }
        }
        for (Stage stage : analysis.stages()) {
            Map<String, String> scope = new HashMap<>();
            for (Instruction i : stage.instructions()) {
                if (i instanceof ArgInstruction arg) {
                    declare(drafts, arg, stage.label(), scope, globals, escape);
                }
            }
        }
        List<DeclaredBuildArg> args = new ArrayList<>(drafts.size());
        for (Draft d : drafts.values()) {
            args.add(new DeclaredBuildArg(d.name, d.defaultValue, d.declaredIn, d.line));
        }
        return args;
    }

    /** One name while the file is read. */
    private static final class Draft {
        final String name;
        final int line;
        final List<String> declaredIn = new ArrayList<>(1);
        String defaultValue;

        Draft(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    /**
     * Records the names of one ARG. A default is expanded with the arguments declared before it in
     * the same scope; one that refers to anything else (an ENV, a variable no ARG declares) is shown
     * as written, since only the build knows its value. A stage's {@code ARG NAME} without a
     * default takes the global one, as BuildKit does.
     */
    private static void declare(Map<String, Draft> drafts, ArgInstruction arg, String where, Map<String, String> scope,
            Map<String, String> globals, char escape) {
        for (KeyValue kv : arg.args()) {
            String name = kv.name();
            String value;
            if (kv.value() != null) {
                String written = kv.value().text();
                VariableExpander.Result r = VariableExpander.expand(written, escape, scope);
                boolean known = r.error() == null && r.references().stream().allMatch(ref -> scope.get(ref.name()) != null);
                value = known ? r.value() : written;
            } else {
                value = where.equals(GLOBAL) ? null : globals.get(name);
            }
            scope.put(name, value);
            if (AUTOMATIC.contains(name)) {
                continue;
            }
            Draft d = drafts.computeIfAbsent(name, n -> new Draft(n, arg.line()));
            if (!d.declaredIn.contains(where)) {
                d.declaredIn.add(where);
            }
            if (d.defaultValue == null) {
                d.defaultValue = value;
            }
        }
    }
}
