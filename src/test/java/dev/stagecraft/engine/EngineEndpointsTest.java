package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine is found as the docker CLI finds it: DOCKER_HOST, then the current context, then the default socket. */
class EngineEndpointsTest {
    @TempDir
    Path home;

    private EngineEndpoint found(Map<String, String> env) {
        EngineEndpoints.Resolution r = EngineEndpoints.resolve(env, home, false);
        assertNull(r.problem(), () -> "unexpected problem: " + r.problem());
        return r.endpoint();
    }

    private void context(String name, String meta) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(EngineEndpoints.sha256(name)));
        Files.writeString(dir.resolve("meta.json"), meta);
    }

    private void config(String json) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), json);
    }

    @Test
    void nothingSet_isTheDefaultSocket() {
        EngineEndpoint e = found(Map.of());
        assertEquals("unix:///var/run/docker.sock", e.host());
        assertEquals("the default socket", e.source());
        assertEquals(EngineEndpoints.DEFAULT_WINDOWS_HOST, EngineEndpoints.resolve(Map.of(), home, true).endpoint().host());
    }

    @Test
    void dockerHost_winsOverAContext_withItsTlsSettings() throws IOException {
        context("remote", "{\"Name\":\"remote\",\"Endpoints\":{\"docker\":{\"Host\":\"tcp://10.0.0.9:2376\"}}}");
        EngineEndpoint e = found(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_CONTEXT", "remote",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/certs"));
        assertEquals("tcp://127.0.0.1:2376", e.host());
        assertTrue(e.tlsVerify());
        assertEquals(Path.of("/certs"), e.certPath());
        assertEquals("DOCKER_HOST", e.source());
    }

    @Test
    void dockerContext_readsTheContextsEndpoint() throws IOException {
        context("remote", "{\"Name\":\"remote\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"ssh://me@box\","
                + "\"SkipTLSVerify\":false}}}");
        EngineEndpoint e = found(Map.of("DOCKER_CONTEXT", "remote"));
        assertEquals("ssh://me@box", e.host());
        assertFalse(e.tlsVerify(), "no TLS material stored for this context");
        assertEquals("context 'remote' from DOCKER_CONTEXT", e.source());
    }

    @Test
    void currentContextInConfig_isUsedWhenNoVariableIsSet_withItsTlsFolder() throws IOException {
        config("{\"auths\":{},\"currentContext\":\"colima\"}");
        context("colima", "{\"Name\":\"colima\",\"Endpoints\":{\"docker\":{\"Host\":\"unix:///home/me/.colima/docker.sock\"}}}");
        Path tls = Files.createDirectories(home.resolve(".docker/contexts/tls").resolve(EngineEndpoints.sha256("colima"))
                .resolve("docker"));
        EngineEndpoint e = found(Map.of());
        assertEquals("unix:///home/me/.colima/docker.sock", e.host());
        assertEquals("context 'colima' from ~/.docker/config.json", e.source());
        assertTrue(e.tlsVerify());
        assertEquals(tls, e.certPath());
    }

    @Test
    void theDefaultContextByName_isTheDefaultSocket() throws IOException {
        config("{\"currentContext\":\"default\"}");
        assertEquals("unix:///var/run/docker.sock", found(Map.of()).host());
    }

    @Test
    void dockerConfig_movesTheConfigFolder() throws IOException {
        Path other = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(other.resolve("config.json"), "{\"currentContext\":\"x\"}");
        Path meta = Files.createDirectories(other.resolve("contexts/meta").resolve(EngineEndpoints.sha256("x")));
        Files.writeString(meta.resolve("meta.json"), "{\"Endpoints\":{\"docker\":{\"Host\":\"tcp://x:2375\"}}}");
        assertEquals("tcp://x:2375", found(Map.of("DOCKER_CONFIG", other.toString())).host());
    }

    @Test
    void aMissingContext_isAProblemThatSaysWhatToDo() {
        EngineEndpoints.Resolution r = EngineEndpoints.resolve(Map.of("DOCKER_CONTEXT", "gone"), home, false);
        assertNull(r.endpoint());
        assertTrue(r.problem().contains("docker context 'gone'"), r.problem());
        assertTrue(r.problem().contains("docker context ls") && r.problem().contains("DOCKER_HOST"), r.problem());
    }

    @Test
    void aBrokenConfigOrContextFile_isAProblemNotAnException() throws IOException {
        config("{\"currentContext\": ");
        String why = EngineEndpoints.resolve(Map.of(), home, false).problem();
        assertTrue(why.startsWith("cannot read ~/.docker/config.json"), why);

        context("half", "{\"Endpoints\":{}}");
        String noEndpoint = EngineEndpoints.resolve(Map.of("DOCKER_CONTEXT", "half"), home, false).problem();
        assertTrue(noEndpoint.contains("has no docker endpoint"), noEndpoint);
    }

    @Test
    void contextFolder_isTheSha256OfTheName_asTheCliNamesIt() {
        // The digest of "default" as docker CLI stores it (any SHA-256 tool gives the same).
        assertEquals("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f", EngineEndpoints.sha256("default"));
    }

    @Test
    void jsonReader_readsWhatTheConfigFilesHold_andRejectsJunk() {
        Object v = JsonReader.parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\\u00e9\\n\"], \"b\": {}} ");
        assertEquals(List.of(new java.math.BigDecimal("1"), new java.math.BigDecimal("-2.5e3"), true, false),
                ((List<?>) JsonReader.member(v, "a")).subList(0, 4));
        assertNull(((List<?>) JsonReader.member(v, "a")).get(4));
        assertEquals("x\u00e9\n", ((List<?>) JsonReader.member(v, "a")).get(5));
        assertEquals(Map.of(), JsonReader.member(v, "b"));
        for (String junk : new String[] {"", "{", "{\"a\" 1}", "[1,]", "\"open", "{\"a\":1} x", "tru", "[\"\\q\"]", "-"}) {
            assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(junk), junk);
        }
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[".repeat(500)));
    }
}
