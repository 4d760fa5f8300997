package dev.stagecraft.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreTest {

    @Test
    void commentsAndBlankLinesAreSkipped_pathsAreCleaned() {
        DockerIgnore ignore = DockerIgnore.parse("# a comment\n\n  \n/secret.txt\n./build/\n  tmp  \n");
        assertEquals(3, ignore.rules().size());
        assertEquals("secret.txt", ignore.rules().get(0).pattern());
        assertEquals("build", ignore.rules().get(1).pattern());
        assertTrue(ignore.excludes("secret.txt"));
        assertTrue(ignore.excludes("build/out.js"), "a directory excluded excludes its content");
        assertTrue(ignore.excludes("tmp"));
        assertFalse(ignore.excludes("# a comment"));
    }

    @Test
    void starStaysInOneDirectory_questionMarkAndClasses() {
        DockerIgnore ignore = DockerIgnore.parse("*.log\nfile?.txt\nimg[0-9].png\n");
        assertTrue(ignore.excludes("app.log"));
        assertFalse(ignore.excludes("logs/app.log"), "* does not cross a '/'");
        assertTrue(ignore.excludes("file1.txt"));
        assertFalse(ignore.excludes("file12.txt"));
        assertTrue(ignore.excludes("img7.png"));
        assertFalse(ignore.excludes("imgx.png"));
    }

    @Test
    void doubleStarSpansAnyNumberOfDirectories() {
        DockerIgnore ignore = DockerIgnore.parse("**/*.log\ndocs/**/draft.md\n");
        assertTrue(ignore.excludes("app.log"), "**/ matches no directory too");
        assertTrue(ignore.excludes("a/b/c/app.log"));
        assertTrue(ignore.excludes("docs/draft.md"));
        assertTrue(ignore.excludes("docs/x/y/draft.md"));
        assertFalse(ignore.excludes("other/draft.md"));
    }

    @Test
    void lastMatchingPatternWins_exceptionReincludesInsideExcludedDirectory() {
        DockerIgnore ignore = DockerIgnore.parse("node_modules\n!node_modules/keep/**\n*.md\n!README.md\n");
        assertTrue(ignore.excludes("node_modules/left/index.js"));
        assertFalse(ignore.excludes("node_modules/keep/index.js"));
        assertTrue(ignore.excludes("CHANGES.md"));
        assertFalse(ignore.excludes("README.md"));
        assertTrue(ignore.mayReincludeUnder("node_modules"));
        assertFalse(ignore.mayReincludeUnder("node_modules/left"), "no exception can reach inside: the walk may skip it");

        DockerIgnore reversed = DockerIgnore.parse("!README.md\n*.md\n");
        assertTrue(reversed.excludes("README.md"), "an exception before the exclusion loses to it");
    }

    @Test
    void dockerfileSpecificIgnoreFileTakesPrecedence(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".dockerignore"), "*.txt\n");
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        assertTrue(DockerIgnore.load(dir, dockerfile).excludes("a.txt"));
        Files.writeString(dir.resolve("Dockerfile.dockerignore"), "*.md\n");
        DockerIgnore specific = DockerIgnore.load(dir, dockerfile);
        assertFalse(specific.excludes("a.txt"));
        assertTrue(specific.excludes("a.md"));
    }

    @Test
    void malformedPatternMatchesNothingAndDoesNotThrow() {
        DockerIgnore ignore = DockerIgnore.parse("[abc\n!\nok\n");
        assertFalse(ignore.excludes("[abc"));
        assertTrue(ignore.excludes("ok"));
    }
}
