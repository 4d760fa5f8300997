package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Heredoc;
import java.util.List;

/** {@code RUN}: a command run in a new layer, with its mounts, network and security mode. */
public record RunInstruction(InstructionSource source, CommandLine command, List<Mount> mounts, String network,
        String security) implements Instruction {

    public RunInstruction {
        mounts = List.copyOf(mounts);
    }

    public List<Heredoc> heredocs() {
        return source.node().heredocs();
    }
}
