package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Heredoc;
import java.util.List;

/** {@code ADD}: like COPY from the context, plus URLs, git repositories and archive extraction. */
public record AddInstruction(InstructionSource source, List<Word> sources, Word destination, boolean json)
        implements Instruction, FileTransfer {

    public AddInstruction {
        sources = List.copyOf(sources);
    }

    public Flag checksum() {
        return source.flag("checksum");
    }

    public boolean keepGitDir() {
        Flag f = source.flag("keep-git-dir");
        return f != null && f.isTrue();
    }

    @Override
    public List<Heredoc> heredocs() {
        return source.node().heredocs();
    }
}
