package dev.stagecraft.stage;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"alpine", "alpine:3.20", "library/node:20-alpine", "gcr.io/distroless/static-debian12:nonroot",
        "localhost:5000/team/app", "MyRegistry/app", "[::1]:5000/app:v1",
        "alpine@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
        "my-org/my__app.x:1.0_rc-1"})
    void valid(String ref) {
        assertNull(ImageReference.problem(ref), ref);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyImage", "myorg/MyApp", "alpine:bad!tag", "alpine:", "-alpine", "alpine@sha256:xyz",
        "a//b", "alpine:" + "t123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
            + "1234567890123456789012345678901234567890"})
    void invalid(String ref) {
        assertNotNull(ImageReference.problem(ref), ref);
    }
}
