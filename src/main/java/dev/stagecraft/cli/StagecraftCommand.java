package dev.stagecraft.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: sub-commands run headless, without JavaFX. */
@Command(name = "stagecraft", mixinStandardHelpOptions = true, version = "Stagecraft 0.1.0",
        description = "Makes Docker multi-stage builds visible.",
        subcommands = {AnalyzeCommand.class, BuildCommand.class, CompareCommand.class, HistoryCommand.class})
public final class StagecraftCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether a word names a sub-command (else the launcher takes it for a file to open). */
    public static boolean isSubcommand(String word) {
        return new CommandLine(new StagecraftCommand()).getSubcommands().containsKey(word);
    }

    /** Runs the command line and returns the exit code (2 for usage errors). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new StagecraftCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("stagecraft: " + ex.getMessage());
            return 2;
        });
        return cli.execute(args);
    }
}
