package dev.stagecraft.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code stagecraft} command line as a test sees it: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StagecraftCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
