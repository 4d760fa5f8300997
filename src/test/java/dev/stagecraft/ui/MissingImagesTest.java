package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stagecraft.engine.EngineException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A failed side of a comparison in words: a missing base image is named, with why it cannot be had. */
class MissingImagesTest {
    /** What Docker 20.10.24 said offline for the single-stage example (recorded on the test engine). */
    private static final String OFFLINE = "failed to solve with frontend dockerfile.v0: failed to create LLB definition:"
            + " failed to do request: Head \"https://registry-1.docker.io/v2/library/node/manifests/20\": dial tcp:"
            + " lookup registry-1.docker.io on 10.255.255.53:53: no such host";

    @Test
    void neededImages_areTheExternalBasesAndCopySources_notStagesOrScratch() {
        String text = "FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\n"
                + "FROM scratch\nCOPY --from=build /app /app\nCOPY --from=alpine:3.20 /etc/ssl /etc/ssl\n";
        assertEquals(List.of("golang:1.22", "alpine:3.20"), MissingImages.needed(text, Map.of()));
    }

    @Test
    void neededImages_ofTheGalleryPair_areTheNodeBases() throws IOException {
        assertEquals(List.of("node:20"), MissingImages.needed(
                ExampleGallery.example(ExampleGallery.COMPARE_BEFORE).dockerfile(), Map.of()));
        assertEquals(List.of("node:20-alpine"), MissingImages.needed(
                ExampleGallery.example(ExampleGallery.COMPARE_AFTER).dockerfile(), Map.of()));
    }

    @Test
    void missingBaseOffline_namesTheImageAndSaysItCannotBePulledHere() {
        String sentence = MissingImages.explain("A (node-single-stage/Dockerfile)",
                new EngineException(EngineException.Kind.BUILD_FAILED, OFFLINE), List.of("node:20"), ref -> false);
        assertEquals("A (node-single-stage/Dockerfile) needs the image node:20, which this engine does not have, and it"
                + " cannot be pulled here (no registry can be reached from the engine). Load it with docker load, or compare"
                + " where a registry is reachable.", sentence);
    }

    @Test
    void imagesThatArePresent_areNotBlamed_theEnginesFirstLineIsShown() {
        String sentence = MissingImages.explain("B (Dockerfile)", new EngineException(EngineException.Kind.BUILD_FAILED,
                "Line 3 failed: exit code 7\nmore detail"), List.of("busybox:1", "alpine:3"), Set.of("busybox:1", "alpine:3")::contains);
        assertEquals("B (Dockerfile): Line 3 failed: exit code 7", sentence);
    }

    @Test
    void twoMissingImages_areBothNamed() {
        String sentence = MissingImages.explain("A (x)", new EngineException(EngineException.Kind.REFUSED,
                "pull access denied for a, repository does not exist"), List.of("a:1", "b:2"), ref -> false);
        assertEquals("A (x) needs the images a:1, b:2, which this engine does not have, and they cannot be pulled here"
                + " (the registry refused them or has no such images). Load them with docker load, or compare where a registry"
                + " is reachable.", sentence);
    }
}
