package dev.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine versions as engines report them, and the frontend each release line has built in. */
class EngineVersionTest {

    @ParameterizedTest
    @CsvSource({"20.10.24,20.10.24", "20.10.24+dfsg1,20.10.24", "v23.0.1,23.0.1", "28.0.0-rc.1,28.0.0", "29,29.0.0",
        "27.3,27.3.0", "' 25.0.3 ',25.0.3", "19.03.15-ce,19.3.15"})
    void versionsAsEnginesReportThem_areRead(String text, String expected) {
        assertEquals(expected, EngineVersion.parse(text).orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dev", "master", "unknown", "v", ".1", "+dfsg"})
    void textWithoutALeadingNumber_isNoVersion(String text) {
        assertEquals(Optional.empty(), EngineVersion.parse(text));
    }

    @Test
    void nullIsNoVersion_andHugeNumbersDoNotOverflow() {
        assertEquals(Optional.empty(), EngineVersion.parse(null));
        assertTrue(EngineVersion.parse("99999999999999999999.1").isPresent());
    }

    @Test
    void calVerAndSemVerReleases_orderAsNumbers() {
        EngineVersion here = EngineVersion.parse("20.10.24").orElseThrow();
        assertTrue(EngineVersion.of(23, 0).isAtLeast(here));
        assertFalse(here.isAtLeast(EngineVersion.of(23, 0)));
        assertTrue(here.isAtLeast(EngineVersion.of(20, 10)));
        assertTrue(EngineVersion.parse("20.10.9").orElseThrow().compareTo(here) < 0);
        assertEquals("20.10", here.majorMinor());
    }

    @Test
    void builtInFrontend_followsTheReleaseLines_andOnlyTheVerifiedOneSaysSo() {
        assertEquals(Optional.empty(), BuiltInFrontend.of(EngineVersion.of(19, 3)));
        BuiltInFrontend here = BuiltInFrontend.of(EngineVersion.parse("20.10.24").orElseThrow()).orElseThrow();
        assertEquals("1.2", here.frontend());
        assertTrue(here.verifiedHere());
        assertEquals("1.4", BuiltInFrontend.of(EngineVersion.of(23, 0)).orElseThrow().frontend());
        assertFalse(BuiltInFrontend.of(EngineVersion.of(23, 0)).orElseThrow().verifiedHere());
        assertEquals("1.6", BuiltInFrontend.of(EngineVersion.parse("26.1.4").orElseThrow()).orElseThrow().frontend(),
                "an engine between two listed lines has at least the older one's frontend");
        assertEquals("1.20", BuiltInFrontend.of(EngineVersion.of(35, 0)).orElseThrow().frontend());
    }

    @Test
    void firstEngineWithAFrontend_isTheOldestLineThatHasIt() {
        assertEquals("20.10", BuiltInFrontend.firstWith(2).orElseThrow().firstEngine().majorMinor());
        assertEquals("23.0", BuiltInFrontend.firstWith(3).orElseThrow().firstEngine().majorMinor());
        assertEquals("28.0", BuiltInFrontend.firstWith(9).orElseThrow().firstEngine().majorMinor());
        assertEquals("29.1", BuiltInFrontend.firstWith(20).orElseThrow().firstEngine().majorMinor());
        assertEquals(Optional.empty(), BuiltInFrontend.firstWith(21));
    }
}
