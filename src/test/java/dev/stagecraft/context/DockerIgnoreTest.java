package dev.stagecraft.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.Glob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Provide
    Arbitrary<String> patterns() {
        // "[^]" is left out: the regular expression reads it as the start of a longer class; Glob calls it malformed.
        return Arbitraries.strings().withChars("ab*?/[]^-\\").ofMaxLength(9).filter(p -> !p.contains("[^]"));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars("ab/-]^").ofMaxLength(8);
    }

    @Property(tries = 4000)
    void patternsMatchWithoutBacktrackingAsTheirRegularExpressionDoes(@ForAll("patterns") String pattern,
            @ForAll("paths") String path) {
        java.util.regex.Pattern regex = DockerIgnore.regex(pattern);
        Glob glob = Glob.ofIgnorePattern(pattern);
        assertEquals(regex == null, glob == null, "malformed alike: " + pattern);
        if (regex != null) {
            assertEquals(regex.matcher(path).matches(), glob.matches(path), pattern + " against " + path);
        }
    }

    @Test
    void aPatternOfManyStars_failsOnALongNameAtOnce() {
        DockerIgnore ignore = DockerIgnore.parse("*a".repeat(12) + "*b\n");
        String name = "a".repeat(40);
        // As a regular expression this backtracked through 40^12 ways: the scan of the context never ended.
        assertFalse(ignore.excludes(name));
        assertFalse(ignore.excludes("dir/" + name));
        assertTrue(ignore.excludes(name + "b"));
        DockerIgnore exception = DockerIgnore.parse("*\n!" + "*a".repeat(12) + "*b/keep\n");
        assertFalse(exception.mayReincludeUnder(name), "an exception's directory test is the same matcher");
        assertTrue(exception.mayReincludeUnder(name + "b"));
    }

    @Test
    void malformedPatternMatchesNothingAndDoesNotThrow() {
        DockerIgnore ignore = DockerIgnore.parse("[abc\n!\nok\n");
        assertFalse(ignore.excludes("[abc"));
        assertTrue(ignore.excludes("ok"));
    }
}
