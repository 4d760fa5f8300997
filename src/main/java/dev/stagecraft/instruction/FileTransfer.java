package dev.stagecraft.instruction;

import dev.stagecraft.syntax.Heredoc;
import java.util.List;
import java.util.stream.Collectors;

/** What COPY and ADD share: sources, a destination, ownership, mode, link and exclusions. */
public interface FileTransfer {
    InstructionSource source();

    List<Word> sources();

    /** Null only when the instruction has fewer than two arguments. */
    Word destination();

    boolean json();

    List<Heredoc> heredocs();

    default Flag chown() {
        return source().flag("chown");
    }

    default Flag chmod() {
        return source().flag("chmod");
    }

    default boolean link() {
        Flag f = source().flag("link");
        return f != null && f.isTrue();
    }

    default List<String> excludes() {
        return source().flags("exclude").stream().map(Flag::value).collect(Collectors.toList());
    }
}
