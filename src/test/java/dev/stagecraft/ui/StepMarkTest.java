package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.engine.StepState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a step mark's tooltip says, and the layer scale's lengths. */
class StepMarkTest {

    @Test
    void timesReadAsSecondsThenMinutes() {
        assertEquals("0.0 s", StepMark.duration(Duration.ZERO));
        assertEquals("12.3 s", StepMark.duration(Duration.ofMillis(12_345)));
        assertEquals("2 min 05 s", StepMark.duration(Duration.ofSeconds(125)));
    }

    @Test
    void aRunningStepCountsOnFromWhenItsEventArrived() {
        StepMark running = new StepMark(StepState.RUNNING, Duration.ofSeconds(2), null, 1_000_000_000L);
        assertEquals("Running, 5.0 s so far", running.describe(4_000_000_000L));
        StepMark done = new StepMark(StepState.DONE, Duration.ofSeconds(2), null, 1_000_000_000L);
        assertEquals("Done in 2.0 s", done.describe(4_000_000_000L), "a finished step's time stands");
    }

    @Test
    void aFailedStepWithoutTextSaysOnlyThatItFailed() {
        assertEquals("Failed after 1.0 s", new StepMark(StepState.FAILED, Duration.ofSeconds(1), " ", 0).describe(0));
    }

    @Test
    void theLargestLayerFillsTheBarAndATinyOneStaysVisible() {
        LayerScale scale = LayerScale.of(List.of(0L, 1L, 500L, 1000L), 40);
        assertEquals(40, scale.width(1000), 1e-9);
        assertEquals(20, scale.width(500), 1e-9);
        assertEquals(LayerScale.MIN_VISIBLE, scale.width(1), 1e-9, "one byte is more than nothing");
        assertEquals(0, scale.width(0), 1e-9);
        assertEquals(0, LayerScale.of(List.of(0L), 40).width(0), 1e-9, "all empty: no bar is long");
    }
}
