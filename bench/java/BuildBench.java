import dev.stagecraft.engine.BuildEngine;
import dev.stagecraft.engine.BuildSettings;
import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.Cancellation;
import dev.stagecraft.engine.EngineEndpoints;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.build.BuildRunner;
import dev.stagecraft.engine.build.Workbench;
import dev.stagecraft.engine.docker.DockerBuildEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Times Stagecraft builds in one JVM, as the window runs them: BuildRunner with sizes and edge files,
 * after one untimed build (JIT warm-up, and the engine's cache for the warm case). Given a reference
 * command (the engine's own build of the same file) after "--", it runs that command before or after
 * each Stagecraft build, alternately, so both see the engine in the same state: an engine whose speed
 * drifts over a minute would otherwise favour whichever side ran in its fast spell.
 * Usage: BuildBench DOCKERFILE buildkit|classic warm|nocache RUNS [-- REFERENCE COMMAND...].
 * Prints one line per run: "ms N", and "engine N" for each reference run.
 */
public final class BuildBench {
    public static void main(String[] args) throws Exception {
        Path dockerfile = Path.of(args[0]).toAbsolutePath();
        BuilderKind builder = BuilderKind.fromId(args[1]);
        boolean noCache = args[2].equals("nocache");
        int runs = Integer.parseInt(args[3]);
        List<String> reference = args.length > 5 && args[4].equals("--")
                ? List.of(args).subList(5, args.length) : List.of();
        String text = Files.readString(dockerfile);
        BuildSettings settings = new BuildSettings(dockerfile.getParent(), null, Map.of(), noCache, builder, false);
        try (BuildEngine engine = new DockerBuildEngine(EngineEndpoints.resolve().endpoint());
             Workbench bench = Workbench.create()) {
            BuildRunner runner = bench.runner(engine, Map.of("dev.stagecraft.bench", "true"));
            BuildRunner.Input input = new BuildRunner.Input(text, dockerfile, settings, false);
            BuildReport first = runner.run(input, e -> { }, new Cancellation());
            System.err.println("final image " + first.finalSizeBytes() + " bytes, " + first.edges().size() + " edges");
            if (!reference.isEmpty()) {
                runReference(reference);
            }
            for (int i = 0; i < runs; i++) {
                if (!reference.isEmpty() && i % 2 == 0) {
                    System.out.println("engine " + runReference(reference));
                }
                long start = System.nanoTime();
                boolean phases = Boolean.getBoolean("bench.phases");
                BuildReport report = runner.run(input, e -> {
                    if (phases && e instanceof dev.stagecraft.engine.BuildEvent.PhaseChanged p) {
                        System.err.println((System.nanoTime() - start) / 1_000_000 + " ms  " + p.description());
                    }
                }, new Cancellation());
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (report.edges().isEmpty()) {
                    throw new IllegalStateException("no edge files measured");
                }
                System.out.println("ms " + ms);
                if (!reference.isEmpty() && i % 2 == 1) {
                    System.out.println("engine " + runReference(reference));
                }
            }
        }
    }

    /** Runs the engine's own build and returns its wall time in ms; fails on an error in its output. */
    private static long runReference(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        int exit = p.waitFor();
        long ms = (System.nanoTime() - start) / 1_000_000;
        String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
        if (exit != 0 || text.contains("\"error\"")) {
            throw new IllegalStateException("the reference build failed (exit " + exit + "): " + text);
        }
        return ms;
    }
}
