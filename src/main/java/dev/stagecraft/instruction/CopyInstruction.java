package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Heredoc;
import java.util.List;

/**
 * {@code COPY}: files from the build context, another stage ({@code --from}) or an image into this
 * stage. {@code sources} and {@code destination} are as written; a here-document source appears as
 * its marker word ({@code <<EOF}).
 */
public record CopyInstruction(InstructionSource source, List<Word> sources, Word destination, boolean json)
        implements Instruction, FileTransfer {

    public CopyInstruction {
        sources = List.copyOf(sources);
    }

    public Flag from() {
        return source.flag("from");
    }

    public boolean parents() {
        Flag f = source.flag("parents");
        return f != null && f.isTrue();
    }

    @Override
    public List<Heredoc> heredocs() {
        return source.node().heredocs();
    }
}
