package dev.stagecraft.instruction;

import dev.stagecraft.syntax.SourceRange;
import java.util.List;

/** A typed Dockerfile instruction: one record per kind. */
public sealed interface Instruction permits FromInstruction, RunInstruction, CmdInstruction, LabelInstruction,
        MaintainerInstruction, ExposeInstruction, EnvInstruction, AddInstruction, CopyInstruction,
        EntrypointInstruction, VolumeInstruction, UserInstruction, WorkdirInstruction, ArgInstruction,
        OnbuildInstruction, StopsignalInstruction, HealthcheckInstruction, ShellInstruction {

    InstructionSource source();

    default InstructionKind kind() {
        return source().kind();
    }

    /** The whole instruction, continuation lines and here-documents included. */
    default SourceRange range() {
        return source().node().range();
    }

    default SourceRange keywordRange() {
        return source().keywordRange();
    }

    default List<Flag> flags() {
        return source().flags();
    }

    /** 1-based line where the instruction starts. */
    default int line() {
        return source().node().line();
    }
}
