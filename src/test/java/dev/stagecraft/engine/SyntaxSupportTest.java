package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.syntax.Diagnostic;
import dev.stagecraft.syntax.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each builder on each engine cannot build, found before the build. The rows for Docker
 * 20.10.24 were verified against that engine (docs/decisions/0010 and the recorded answers under
 * src/test/resources/engine/syntax/rows); the other versions follow the release notes.
 */
class SyntaxSupportTest {

    private static final String HERE = "20.10.24";
    private static final String BASE = "FROM stagecraft-test/busybox:1\n";
    private static final Path ROWS = Path.of("src/test/resources/engine/syntax/rows");

    private static List<SyntaxProblem> check(String text, BuilderKind builder, String engine) {
        return SyntaxSupport.check(DockerfileAnalyzer.analyze(text), builder, engine);
    }

    private static SyntaxProblem only(String text, BuilderKind builder, String engine) {
        List<SyntaxProblem> problems = check(text, builder, engine);
        assertEquals(1, problems.size(), () -> problems.stream().map(SyntaxProblem::format).collect(Collectors.joining("\n")));
        return problems.get(0);
    }

    private static void assertProblem(SyntaxProblem p, SyntaxFeature feature, Severity severity, int line, String range) {
        assertEquals(feature, p.feature(), p::format);
        assertEquals(severity, p.severity(), p::format);
        assertEquals(line, p.line(), p::format);
        assertEquals(range, p.range().toString(), p::format);
    }

    // BuildKit on Docker 20.10.24 (built-in frontend 1.2): verified rows.

    @Test
    void heredocInRun_onBuildKit2010_isReportedAtItsMarker_withWhatToDoInstead() {
        SyntaxProblem p = only(BASE + "RUN <<EOF\necho hi\nEOF\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.RUN_HEREDOC, Severity.ERROR, 2, "2:5-2:10");
        assertEquals("A here-document in RUN (<<EOF) needs BuildKit's Dockerfile frontend 1.4+, which Docker Engine 23.0+ "
                + "has built in; this engine is 20.10.24 (built-in frontend 1.2). Instead, write the commands on the RUN "
                + "line itself, joined with && and continued with \\, or build on a newer engine.", p.message());
    }

    @Test
    void heredocAfterACommand_onBuildKit2010_isReportedAtItsMarker() {
        SyntaxProblem p = only(BASE + "RUN cat <<EOF > /x\nhello\nEOF\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.RUN_HEREDOC, Severity.ERROR, 2, "2:9-2:14");
    }

    @Test
    void heredocInCopyAndAdd_onBuildKit2010_areReported_oncePerInstruction() {
        List<SyntaxProblem> problems = check(BASE + "COPY <<EOF /x\nhello\nEOF\nADD <<A <<B /d/\na\nA\nb\nB\n",
                BuilderKind.BUILDKIT, HERE);
        assertEquals(2, problems.size());
        assertProblem(problems.get(0), SyntaxFeature.FILE_HEREDOC, Severity.ERROR, 2, "2:6-2:11");
        assertProblem(problems.get(1), SyntaxFeature.FILE_HEREDOC, Severity.ERROR, 5, "5:5-5:8");
        assertTrue(problems.get(0).message().startsWith("A here-document in COPY or ADD (<<EOF) needs BuildKit's Dockerfile "
                + "frontend 1.4+, which Docker Engine 23.0+ has built in; this engine is 20.10.24"), problems.get(0).message());
        assertTrue(problems.get(0).message().contains("put the content in a file in the build context"), problems.get(0).message());
    }

    @Test
    void runMountsOfCacheBindAndTmpfs_onBuildKit2010_areFine() {
        String text = BASE + "RUN --mount=type=cache,target=/c echo hi\nRUN --mount=type=bind,source=a.txt,target=/a cat /a\n"
                + "RUN --mount=type=tmpfs,target=/t echo hi\n";
        assertEquals(List.of(), check(text, BuilderKind.BUILDKIT, HERE));
    }

    @Test
    void secretAndSshMounts_onBuildKit_needASessionTheApiBuildHasNot_onEveryEngine() {
        String text = BASE + "RUN --mount=type=secret,id=s,required=false ls /run/secrets\nRUN --mount=type=ssh echo hi\n";
        for (String engine : List.of(HERE, "29.1.0", "dev")) {
            List<SyntaxProblem> problems = check(text, BuilderKind.BUILDKIT, engine);
            assertEquals(2, problems.size(), engine);
            assertProblem(problems.get(0), SyntaxFeature.RUN_MOUNT_SECRET, Severity.ERROR, 2, "2:5-2:44");
            assertProblem(problems.get(1), SyntaxFeature.RUN_MOUNT_SSH, Severity.ERROR, 3, "3:5-3:21");
        }
        SyntaxProblem secret = check(text, BuilderKind.BUILDKIT, HERE).get(0);
        assertEquals("RUN --mount=type=secret needs a client session to hand over the secret, and Stagecraft builds through "
                + "the engine API without one: the engine stops with \"no active sessions\". Instead, build this file with "
                + "docker buildx build --secret id=..., which opens the session.", secret.message());
    }

    @Test
    void runNetwork_onBuildKit2010_needsFrontend13() {
        SyntaxProblem p = only(BASE + "RUN --network=none echo hi\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.RUN_NETWORK, Severity.ERROR, 2, "2:5-2:19");
        assertTrue(p.message().startsWith("RUN --network needs BuildKit's Dockerfile frontend 1.3+, which Docker Engine 23.0+ "
                + "has built in; this engine is 20.10.24"), p.message());
    }

    @Test
    void runSecurity_onBuildKit2010_needsFrontend120() {
        SyntaxProblem p = only(BASE + "RUN --security=insecure echo hi\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.RUN_SECURITY, Severity.ERROR, 2, "2:5-2:24");
        assertTrue(p.message().contains("frontend 1.20+, which Docker Engine 29.1+ has built in"), p.message());
    }

    @Test
    void linkOnCopyAndAdd_onBuildKit2010_needsFrontend14() {
        List<SyntaxProblem> problems = check(BASE + "COPY --link a.txt /a\nADD --link a.txt /b\n", BuilderKind.BUILDKIT, HERE);
        assertEquals(2, problems.size());
        assertProblem(problems.get(0), SyntaxFeature.LINK, Severity.ERROR, 2, "2:6-2:12");
        assertProblem(problems.get(1), SyntaxFeature.LINK, Severity.ERROR, 3, "3:5-3:11");
        assertTrue(problems.get(0).message().startsWith("--link needs BuildKit's Dockerfile frontend 1.4+"), problems.get(0).message());
    }

    @Test
    void octalChmodOnCopyAndAdd_onBuildKit2010_isFine() {
        assertEquals(List.of(), check(BASE + "COPY --chmod=755 a.txt /a\nADD --chmod=600 a.txt /b\n", BuilderKind.BUILDKIT, HERE));
    }

    @Test
    void symbolicChmod_onBuildKit2010_isSilentlyIgnored_soItIsAWarning() {
        SyntaxProblem p = only(BASE + "COPY --chmod=u+x a.txt /a\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.CHMOD_SYMBOLIC, Severity.WARNING, 2, "2:6-2:17");
        assertEquals("A non-octal --chmod needs BuildKit's Dockerfile frontend 1.14+, which Docker Engine 28.0+ has built in; "
                + "this engine is 20.10.24 (built-in frontend 1.2) and silently ignores the mode: the file keeps the mode it "
                + "had. Instead, write the mode in octal, for example --chmod=755, or build on a newer engine.", p.message());
    }

    @Test
    void copyParents_onBuildKit2010_needsFrontend120() {
        SyntaxProblem p = only(BASE + "COPY --parents a.txt /out/\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.PARENTS, Severity.ERROR, 2, "2:6-2:15");
    }

    @Test
    void copyExclude_onBuildKit2010_needsFrontend119_reportedOnce() {
        SyntaxProblem p = only(BASE + "COPY --exclude=*.md --exclude=*.txt . /out/\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.EXCLUDE, Severity.ERROR, 2, "2:6-2:20");
        assertTrue(p.message().contains("frontend 1.19+, which Docker Engine 29.0+ has built in"), p.message());
    }

    @Test
    void addChecksumAndKeepGitDir_onBuildKit2010_needFrontend16() {
        String text = BASE + "ADD --checksum=sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03 "
                + "http://example.invalid/a.txt /a\nADD --keep-git-dir=true https://github.com/moby/buildkit.git /src\n";
        List<SyntaxProblem> problems = check(text, BuilderKind.BUILDKIT, HERE);
        assertEquals(2, problems.size());
        assertProblem(problems.get(0), SyntaxFeature.CHECKSUM, Severity.ERROR, 2, "2:5-2:87");
        assertProblem(problems.get(1), SyntaxFeature.KEEP_GIT_DIR, Severity.ERROR, 3, "3:5-3:24");
        assertTrue(problems.get(1).message().contains("frontend 1.6+, which Docker Engine 25.0+ has built in"));
    }

    @Test
    void checkDirective_onBuildKit2010_isANote_thatTheChecksDoNotRun() {
        SyntaxProblem p = only("# check=skip=all\n" + BASE + "RUN echo hi\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.CHECK_DIRECTIVE, Severity.INFO, 1, "1:1-1:17");
        assertTrue(p.message().endsWith("ignores the directive: the build runs without the checks it asks for."), p.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"buildkit", "classic"})
    void chownFromPlatformArgInFromAndEscape_areFineOnBothBuilders(String builder) {
        String text = "# escape=`\nARG BASE=stagecraft-test/busybox:1\nFROM --platform=linux/amd64 $BASE AS one\n"
                + "RUN echo a `\n    b\nFROM $BASE\nCOPY --chown=1:1 a.txt /a\nCOPY --from=one --chown=1:1 /x /x\n";
        assertEquals(List.of(), check(text, BuilderKind.fromId(builder), HERE));
    }

    // The classic builder: the same on every engine.

    @Test
    void classic_refusesHeredocs_andSaysToUseBuildKit() {
        SyntaxProblem p = only(BASE + "RUN <<EOF\necho hi\nEOF\n", BuilderKind.CLASSIC, HERE);
        assertProblem(p, SyntaxFeature.RUN_HEREDOC, Severity.ERROR, 2, "2:5-2:10");
        assertEquals("A here-document in RUN (<<EOF) needs BuildKit; the classic builder cannot build it. Build with BuildKit, "
                + "or write the commands on the RUN line itself, joined with && and continued with \\.", p.message());
        assertEquals(SyntaxFeature.FILE_HEREDOC, only(BASE + "COPY <<EOF /x\nhello\nEOF\n", BuilderKind.CLASSIC, "29.1.0").feature());
    }

    @Test
    void classic_refusesEveryRunMount_secretsAlike() {
        String text = BASE + "RUN --mount=type=cache,target=/c --mount=type=secret,id=s echo hi\n";
        List<SyntaxProblem> problems = check(text, BuilderKind.CLASSIC, "29.1.0");
        assertEquals(2, problems.size());
        assertProblem(problems.get(0), SyntaxFeature.RUN_MOUNT, Severity.ERROR, 2, "2:5-2:33");
        assertProblem(problems.get(1), SyntaxFeature.RUN_MOUNT, Severity.ERROR, 2, "2:34-2:58");
        assertTrue(problems.get(0).message().startsWith("RUN --mount needs BuildKit; the classic builder cannot build it."));
    }

    @Test
    void classic_refusesChmod_octalOrNot() {
        List<SyntaxProblem> problems = check(BASE + "COPY --chmod=755 a.txt /a\nADD --chmod=u+x a.txt /b\n", BuilderKind.CLASSIC, HERE);
        assertEquals(2, problems.size());
        assertProblem(problems.get(0), SyntaxFeature.CHMOD, Severity.ERROR, 2, "2:6-2:17");
        assertProblem(problems.get(1), SyntaxFeature.CHMOD, Severity.ERROR, 3, "3:5-3:16");
        assertEquals("--chmod needs BuildKit; the classic builder cannot build it. Build with BuildKit, or set the mode with "
                + "RUN chmod after the copy.", problems.get(0).message());
    }

    @Test
    void classic_refusesTheBuildKitOnlyFlags_onEveryEngine() {
        String text = BASE + "RUN --network=none --security=sandbox echo hi\nCOPY --link --parents --exclude=*.md a.txt /a/\n"
                + "ADD --checksum=sha256:00 --keep-git-dir=true https://github.com/moby/buildkit.git /src\n";
        List<SyntaxFeature> features = List.of(SyntaxFeature.RUN_NETWORK, SyntaxFeature.RUN_SECURITY, SyntaxFeature.LINK,
                SyntaxFeature.PARENTS, SyntaxFeature.EXCLUDE, SyntaxFeature.CHECKSUM, SyntaxFeature.KEEP_GIT_DIR);
        for (String engine : List.of(HERE, "29.1.0", "")) {
            assertEquals(features, check(text, BuilderKind.CLASSIC, engine).stream().map(SyntaxProblem::feature).toList(), engine);
        }
    }

    @Test
    void classic_ignoresTheCheckDirective_asANote() {
        SyntaxProblem p = only("# check=error=true\n" + BASE, BuilderKind.CLASSIC, "29.1.0");
        assertProblem(p, SyntaxFeature.CHECK_DIRECTIVE, Severity.INFO, 1, "1:1-1:19");
    }

    // Where the words are.

    @Test
    void aFlagOnAContinuationLine_isUnderlinedWhereItIs_andNamesTheInstructionsLine() {
        SyntaxProblem p = only(BASE + "COPY \\\n    --link \\\n    a.txt /a\n", BuilderKind.BUILDKIT, HERE);
        assertProblem(p, SyntaxFeature.LINK, Severity.ERROR, 2, "3:5-3:11");
    }

    @Test
    void problems_areSortedByPosition_andBecomeDiagnosticsWithStableIds() {
        String text = "# check=skip=all\n" + BASE + "COPY --link a.txt /a\nRUN <<EOF\necho\nEOF\n";
        List<SyntaxProblem> problems = check(text, BuilderKind.BUILDKIT, HERE);
        assertEquals(List.of(1, 3, 4), problems.stream().map(SyntaxProblem::line).toList());
        Diagnostic d = problems.get(2).toDiagnostic();
        assertEquals("unsupported-run-heredoc", d.id());
        assertEquals("4:5", d.position());
        assertEquals(Severity.ERROR, d.severity());
        assertTrue(problems.get(2).format().startsWith("4:5 error: A here-document in RUN"), problems.get(2).format());
    }

    // Engine versions newer than the one verified here: from the release notes.

    @Test
    void engine23_hasHeredocsLinkAndNetwork_butNotChecksum() {
        String text = BASE + "RUN --network=none <<EOF\necho\nEOF\nCOPY --link a.txt /a\nADD --checksum=sha256:00 http://x/y /y\n";
        SyntaxProblem p = only(text, BuilderKind.BUILDKIT, "23.0.6");
        assertEquals(SyntaxFeature.CHECKSUM, p.feature());
        assertTrue(p.message().contains("this engine is 23.0.6 (built-in frontend 1.4)"), p.message());
    }

    @Test
    void engine25_hasChecksumAndKeepGitDir_butNotExclude_andItsSymbolicChmodIsIgnored() {
        String text = BASE + "ADD --checksum=sha256:00 --keep-git-dir=true https://github.com/moby/buildkit.git /src\n"
                + "COPY --exclude=*.md --chmod=a+r . /out/\n";
        assertEquals(List.of(SyntaxFeature.CHMOD_SYMBOLIC, SyntaxFeature.EXCLUDE),
                check(text, BuilderKind.BUILDKIT, "25.0.3").stream().map(SyntaxProblem::feature).sorted().toList());
        assertEquals(List.of(SyntaxFeature.EXCLUDE),
                check(text, BuilderKind.BUILDKIT, "28.0.0").stream().map(SyntaxProblem::feature).toList());
    }

    @Test
    void engine27_runsTheChecks() {
        assertEquals(1, check("# check=skip=all\n" + BASE, BuilderKind.BUILDKIT, "26.1.4").size());
        assertEquals(List.of(), check("# check=skip=all\n" + BASE, BuilderKind.BUILDKIT, "27.0.1"));
    }

    @Test
    void engine29_0_hasExclude_butNotParentsNorSecurity_and29_1HasAll() {
        String text = BASE + "RUN --security=sandbox echo\nCOPY --parents --exclude=*.md a/ /out/\n";
        assertEquals(List.of(SyntaxFeature.RUN_SECURITY, SyntaxFeature.PARENTS),
                check(text, BuilderKind.BUILDKIT, "29.0.4").stream().map(SyntaxProblem::feature).toList());
        assertEquals(List.of(), check(text, BuilderKind.BUILDKIT, "29.1.0"));
        assertEquals(List.of(), check(text, BuilderKind.BUILDKIT, "31.2.0"));
    }

    @Test
    void engineOlderThan2010_lacksEvenRunMount_andNamesNoBuiltInFrontend() {
        SyntaxProblem p = only(BASE + "RUN --mount=type=cache,target=/c echo\n", BuilderKind.BUILDKIT, "19.03.15");
        assertEquals(SyntaxFeature.RUN_MOUNT, p.feature());
        assertTrue(p.message().contains("frontend 1.2+, which Docker Engine 20.10+ has built in; this engine is 19.03.15. "),
                p.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "", "  ", "master-abc", "?.1"})
    void anUnreadableEngineVersion_isPermissive_butWhatFailsEverywhereIsStillSaid(String version) {
        String text = BASE + "RUN --network=none <<EOF\necho\nEOF\nCOPY --parents --link a /b/\nRUN --mount=type=secret,id=s cat\n";
        assertEquals(List.of(SyntaxFeature.RUN_MOUNT_SECRET),
                check(text, BuilderKind.BUILDKIT, version).stream().map(SyntaxProblem::feature).toList());
        assertEquals(List.of(SyntaxFeature.RUN_MOUNT_SECRET),
                check(text, BuilderKind.BUILDKIT, null).stream().map(SyntaxProblem::feature).toList());
    }

    // The recorded answers of Docker 20.10.24: a builder failed exactly where an error is reported.

    static Stream<Path> recordedRows() throws IOException {
        try (Stream<Path> dirs = Files.list(ROWS)) {
            return dirs.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("recordedRows")
    void anErrorIsReported_exactlyWhenTheEngineRefusedTheFile(Path row) throws IOException {
        String text = Files.readString(row.resolve("Dockerfile"));
        for (BuilderKind builder : BuilderKind.values()) {
            String answer = Files.readString(row.resolve(builder.id() + ".txt")).strip();
            assertTrue(answer.equals("ok") || answer.startsWith("error: "), answer);
            List<SyntaxProblem> problems = check(text, builder, "20.10.24+dfsg1");
            boolean reported = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
            assertEquals(answer.startsWith("error: "), reported, row.getFileName() + " " + builder + ": engine said " + answer
                    + ", Stagecraft said " + problems.stream().map(SyntaxProblem::format).toList());
        }
    }
}
