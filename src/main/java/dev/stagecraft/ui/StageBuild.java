package dev.stagecraft.ui;

import dev.stagecraft.engine.StepState;
import dev.stagecraft.engine.build.BuildReport;
import java.time.Duration;

/**
 * What a stage card shows of a build: the stage's state and elapsed time (null while no event
 * named it), its measured sizes ({@code report}, null before the report), the bytes that fill a
 * whole size bar ({@code scaleBytes}: the largest stage of the build, so all cards share one
 * scale), whether the classic builder built it although the target does not need it, the final
 * image's summary (on the target's card only, else null), and whether the Dockerfile changed since.
 */
record StageBuild(StepState state, Duration elapsed, BuildReport.StageReport report, long scaleBytes,
        boolean builtAnyway, Summary summary, boolean stale) {

    StageBuild {
        if (state != null && elapsed == null) {
            throw new IllegalArgumentException("a state needs its elapsed time");
        }
        if (scaleBytes < 0) {
            throw new IllegalArgumentException("negative scale " + scaleBytes);
        }
    }

    /** The final image's size and what the multi-stage split kept out of it. */
    record Summary(long finalSizeBytes, long leftBehindBytes) {
    }
}
