package dev.stagecraft.engine.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Vertex names as the engine's Dockerfile frontend writes them (forms seen on Docker 20.10.24). */
class VertexNameTest {

    @Test
    void namedStage() {
        assertEquals(new VertexName("builder", 2, 4, "WORKDIR /src"), VertexName.parse("[builder 2/4] WORKDIR /src"));
    }

    @Test
    void positionPaddedToTheWidthOfTheTotal() {
        assertEquals(new VertexName("stage-2", 9, 11, "RUN echo 8"), VertexName.parse("[stage-2  9/11] RUN echo 8"));
    }

    @Test
    void triggersPushThePositionPastTheTotal() {
        VertexName name = VertexName.parse("[stage-2 12/11] RUN --mount=type=bind,from=empty,target=/m ls /m");

        assertEquals(12, name.index());
        assertEquals(11, name.total());
        assertEquals("RUN", name.keyword());
    }

    @Test
    void oneStageFile_hasNoStageName() {
        assertEquals(new VertexName(null, 2, 3, "RUN echo a"), VertexName.parse("[2/3] RUN echo a"));
    }

    @Test
    void platformBeforeTheStage_isNotTheStage() {
        assertEquals("builder", VertexName.parse("[linux/arm64 builder 2/4] RUN make").stage());
        assertNull(VertexName.parse("[linux/arm64 2/4] RUN make").stage());
    }

    @Test
    void stageName_isLowerCased() {
        assertEquals("alpha", VertexName.parse("[Alpha 1/2] FROM docker.io/library/busybox:1").stage());
    }

    @Test
    void buildPlumbing_namesNoStep() {
        assertNull(VertexName.parse("[internal] load metadata for docker.io/stagecraft-test/busybox:1"));
        assertNull(VertexName.parse("[internal] load remote build context"));
        assertNull(VertexName.parse("copy /context /"));
        assertNull(VertexName.parse("exporting to image"));
        assertNull(VertexName.parse("[builder 0/3] RUN x"));
        assertNull(VertexName.parse("[builder x/3] RUN x"));
        assertNull(VertexName.parse("[builder 2/] RUN x"));
        assertNull(VertexName.parse("[unclosed 1/2 RUN x"));
        assertNull(VertexName.parse(""));
    }
}
