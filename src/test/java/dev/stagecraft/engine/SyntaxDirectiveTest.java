package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.DockerfileAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code # syntax=} directive offline: the notice before the build, and the engine's failure to
 * pull the frontend recognised and said in words. The engine texts under
 * src/test/resources/engine/syntax/pull were recorded from Docker 20.10.24 with no registry
 * reachable; the newer wordings are quoted from issue reports against later BuildKit releases.
 */
class SyntaxDirectiveTest {

    private static final Path PULL = Path.of("src/test/resources/engine/syntax/pull");

    private static String recorded(String row, BuilderKind builder) throws IOException {
        String answer = Files.readString(PULL.resolve(row).resolve(builder.id() + ".txt")).strip();
        return answer.startsWith("error: ") ? answer.substring("error: ".length()) : answer;
    }

    private static Analysis analysis(String row) throws IOException {
        return DockerfileAnalyzer.analyze(Files.readString(PULL.resolve(row).resolve("Dockerfile")));
    }

    // The notice before the build.

    @Test
    void noDirective_noNotice() {
        assertEquals(Optional.empty(), SyntaxDirectiveNotice.of(DockerfileAnalyzer.analyze("FROM scratch\n"), BuilderKind.BUILDKIT,
                "20.10.24"));
    }

    @Test
    void onBuildKit_theNoticeSaysThePullNeedsTheRegistry_andOffersTheBuiltInFrontend() throws IOException {
        SyntaxDirectiveNotice n = SyntaxDirectiveNotice.of(analysis("syntax"), BuilderKind.BUILDKIT, "20.10.24").orElseThrow();
        assertEquals(1, n.line());
        assertEquals("docker/dockerfile:1", n.frontendImage());
        assertTrue(n.needsRegistry());
        assertEquals(List.of(), n.builtInProblems());
        assertEquals("Line 1 asks BuildKit to build with the Dockerfile frontend docker/dockerfile:1 (# syntax=): it pulls that "
                + "image from its registry before the first step, and the build fails when the registry cannot be reached. "
                + "Offline, build with the engine's built-in frontend: Stagecraft then sends the file without line 1, and "
                + "every other line keeps its number.", n.message());
    }

    @Test
    void onBuildKit_theNoticeNamesWhatTheBuiltInFrontendWouldRefuse() {
        String text = "# escape=\\\n# syntax=docker/dockerfile:1.4\nFROM stagecraft-test/busybox:1\nRUN <<EOF\necho\nEOF\n"
                + "COPY --link a /a\nCOPY --chmod=u+x b /b\n";
        SyntaxDirectiveNotice n = SyntaxDirectiveNotice.of(DockerfileAnalyzer.analyze(text), BuilderKind.BUILDKIT, "20.10.24")
                .orElseThrow();
        assertEquals(2, n.line());
        assertEquals(2, n.builtInProblems().size(), "errors only: the ignored symbolic mode is a warning");
        assertTrue(n.message().endsWith(" The built-in frontend of this engine cannot build a here-document in RUN (<<EOF) "
                + "(line 4) and --link (line 7)."), n.message());
        assertEquals(0, SyntaxDirectiveNotice.of(DockerfileAnalyzer.analyze(text), BuilderKind.BUILDKIT, "23.0.0").orElseThrow()
                .builtInProblems().size());
    }

    @Test
    void onTheClassicBuilder_theDirectiveIsIgnored_asVerified() throws IOException {
        assertEquals("ok", recorded("syntax", BuilderKind.CLASSIC), "the classic builder built the file with the directive");
        SyntaxDirectiveNotice n = SyntaxDirectiveNotice.of(analysis("syntax"), BuilderKind.CLASSIC, "20.10.24").orElseThrow();
        assertFalse(n.needsRegistry());
        assertEquals("Line 1 names the Dockerfile frontend docker/dockerfile:1 (# syntax=); the classic builder ignores it and "
                + "reads the file itself.", n.message());
    }

    @Test
    void theTextToSendWithoutTheDirective_keepsEveryLine() throws IOException {
        String text = Files.readString(PULL.resolve("syntax").resolve("Dockerfile"));
        String sent = SyntaxDirectiveNotice.textWithoutDirective(text, DockerfileAnalyzer.analyze(text));
        assertEquals(text.lines().count(), sent.lines().count());
        assertEquals(Optional.empty(), SyntaxDirectiveNotice.of(DockerfileAnalyzer.analyze(sent), BuilderKind.BUILDKIT, "20.10.24"));
        assertEquals(text.lines().skip(1).toList(), sent.lines().skip(1).toList());
    }

    // The engine's failure, recognised.

    @Test
    void recordedPullFailure_of20_10_isRecognised_asAnUnreachableRegistry() throws IOException {
        String error = recorded("syntax", BuilderKind.BUILDKIT);
        FrontendPullFailure f = FrontendPullFailure.classify(error, analysis("syntax")).orElseThrow();
        assertEquals(FrontendPullFailure.Cause.REGISTRY_UNREACHABLE, f.cause());
        assertEquals("registry-1.docker.io", f.registry());
        assertEquals(1, f.directiveLine());
        assertEquals(error, f.engineMessage());
        assertEquals("The build stopped before its first step: BuildKit could not use the Dockerfile frontend docker/dockerfile:1 "
                + "(# syntax= on line 1), because registry-1.docker.io could not be reached (no network, or a proxy the engine "
                + "does not use). Build with the engine's built-in frontend instead: Stagecraft sends the file without line 1, "
                + "and every other line keeps its number.", f.explanation());
    }

    @Test
    void recordedPullFailure_isRecognisedWithoutKnowingTheImage_by20_10sWording() throws IOException {
        FrontendPullFailure f = FrontendPullFailure.classify(recorded("syntax-labs", BuilderKind.BUILDKIT), null, null).orElseThrow();
        assertEquals(FrontendPullFailure.Cause.REGISTRY_UNREACHABLE, f.cause());
        assertTrue(f.explanation().startsWith("The build stopped before its first step: BuildKit could not use the Dockerfile "
                + "frontend named by # syntax=, because registry-1.docker.io could not be reached"), f.explanation());
        assertTrue(f.explanation().contains("without the # syntax= line"), f.explanation());
    }

    @Test
    void aLocalImageThatIsNoFrontend_isSaidSo() throws IOException {
        FrontendPullFailure f = FrontendPullFailure.classify(recorded("syntax-local", BuilderKind.BUILDKIT), analysis("syntax-local"))
                .orElseThrow();
        assertEquals(FrontendPullFailure.Cause.NOT_A_FRONTEND, f.cause());
        assertEquals("stagecraft-test/busybox:1", f.frontendImage());
        assertTrue(f.explanation().contains("ran but is not a working Dockerfile frontend"), f.explanation());
    }

    @Test
    void baseImageAndUrlFailures_areNotFrontendFailures_evenWhenTheFileHasADirective() throws IOException {
        for (BuilderKind builder : BuilderKind.values()) {
            for (String row : new String[] {"from-missing", "add-url"}) {
                String error = recorded(row, builder);
                assertEquals(Optional.empty(), FrontendPullFailure.classify(error, "docker/dockerfile:1", 1), row + " " + builder);
                assertEquals(Optional.empty(), FrontendPullFailure.classify(error, null, null), row + " " + builder);
            }
        }
        assertEquals(Optional.empty(), FrontendPullFailure.classify("", "docker/dockerfile:1", 1));
        assertEquals(Optional.empty(), FrontendPullFailure.classify(null, "docker/dockerfile:1", 1));
    }

    @Test
    void newerBuildKitWordings_areRecognisedThroughTheDirectivesImage() {
        String timeout = "failed to do request: Head \"https://registry-1.docker.io/v2/docker/dockerfile/manifests/1\": "
                + "dial tcp 192.0.2.32:443: i/o timeout";
        assertEquals(FrontendPullFailure.Cause.REGISTRY_UNREACHABLE,
                FrontendPullFailure.classify(timeout, "docker/dockerfile:1", 1).orElseThrow().cause());
        assertEquals(Optional.empty(), FrontendPullFailure.classify(timeout, null, null),
                "without the image, a registry timeout could be a FROM image's");

        String notFound = "failed to solve: failed to resolve source metadata for docker.io/docker/dockerfile:1.4: "
                + "docker.io/docker/dockerfile:1.4: not found";
        assertEquals(FrontendPullFailure.Cause.IMAGE_NOT_FOUND,
                FrontendPullFailure.classify(notFound, "docker/dockerfile:1.4", 1).orElseThrow().cause());
        assertEquals(Optional.empty(), FrontendPullFailure.classify(notFound, "example/frontend:1", 1),
                "another image's failure is not this directive's");

        String denied = "failed to solve: failed to authorize: failed to fetch anonymous token: Get \"https://auth.docker.io/token?"
                + "scope=repository%3Adocker%2Fdockerfile%3Apull&service=registry.docker.io\": Forbidden";
        FrontendPullFailure f = FrontendPullFailure.classify(denied, "docker.io/docker/dockerfile:1.4", 1).orElseThrow();
        assertEquals(FrontendPullFailure.Cause.ACCESS_DENIED, f.cause());
        assertEquals("auth.docker.io", f.registry());
        assertTrue(f.explanation().contains("auth.docker.io refused to hand it out (not authorized)"), f.explanation());
    }

    @Test
    void repositoryPaths_dropRegistryTagAndDigest_andAddLibrary() {
        assertEquals("docker/dockerfile", FrontendPullFailure.repositoryPath("docker/dockerfile:1"));
        assertEquals("docker/dockerfile", FrontendPullFailure.repositoryPath("docker.io/docker/dockerfile:1.4-labs"));
        assertEquals("library/busybox", FrontendPullFailure.repositoryPath("busybox"));
        assertEquals("team/frontend", FrontendPullFailure.repositoryPath("registry.local:5000/team/frontend@sha256:abc"));
    }
}
