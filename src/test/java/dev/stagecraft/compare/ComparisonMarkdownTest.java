package dev.stagecraft.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.engine.BuilderKind;
import dev.stagecraft.engine.build.BuildReport;
import dev.stagecraft.engine.measure.LandedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pull-request report of the hand-made pair, against its golden file (src/test/resources/compare/pair.md). */
class ComparisonMarkdownTest {

    /** The expected text, or (with {@code -Dgolden.update=true}) writes it and fails so the change is looked at. */
    static void assertGolden(String name, String actual) throws IOException {
        Path golden = Path.of("src/test/resources/compare", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden file " + golden);
    }

    @Test
    void singleAgainstMultiStage_matchesTheGoldenReport() throws IOException {
        assertGolden("pair.md", ComparisonMarkdown.of(ComparisonPair.comparison()));
    }

    @Test
    void aStageOnlyBHas_isANewStage_inTheReportAndInTheTerminal_notAGrowth() {
        String md = ComparisonMarkdown.of(ComparisonPair.comparison());
        String text = ComparisonText.of(ComparisonPair.comparison());

        assertTrue(md.contains("| - | build | - | 12 MB | new stage | - | 5.0 MB | - |\n"), md);
        assertTrue(text.lines().anyMatch(l -> l.contains("build") && l.endsWith("new stage")), text);
        assertTrue(!text.contains("+12 MB"), text);
    }

    @Test
    void summaryLine_givesBothSizesAndThePercentage() {
        String md = ComparisonMarkdown.of(ComparisonPair.comparison());

        assertTrue(md.startsWith("### Final image: A: 12 MB -> B: 7.5 MB (-40.1%)\n"), md);
    }

    @Test
    void leftBehind_listsTheTop20_andCountsTheRest() {
        List<LandedFile> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(ComparisonPair.file(String.format("/junk/%02d", i), 1000 + i));
        }
        BuildReport a = new BuildReport(BuilderKind.BUILDKIT, 0, "sha256:a", 30_000, 0, List.of(), List.of(), many, null,
                Duration.ZERO);
        BuildReport b = new BuildReport(BuilderKind.BUILDKIT, 0, "sha256:b", 0, 0, List.of(), List.of(), List.of(), null,
                Duration.ZERO);
        String md = ComparisonMarkdown.of(BuildComparison.of(new ComparedBuild("a", "", a), new ComparedBuild("b", "", b)));

        assertTrue(md.contains("| `/junk/24` | 1.0 KB |\n"), md);
        assertTrue(md.contains("| `/junk/05` | 1005 B |\n"), md);
        assertTrue(!md.contains("`/junk/04`"), md);
        assertTrue(md.contains("\nAnd 5 more files, 4.9 KB.\n"), md);
        assertTrue(md.contains("(-100.0%)"), md);
    }
}
