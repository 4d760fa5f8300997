package dev.stagecraft.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HistoryTimesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

    @Test
    void aBuildOfTodayShowsItsTimeToTheSecond() {
        assertEquals("today 09:05:07", HistoryTimes.when(Instant.parse("2026-11-27T08:05:07Z"), NOW, PARIS));
    }

    @Test
    void todayIsTheDayInTheUsersZone() {
        // 23:30 UTC on the 26th is already the 27th in Paris.
        assertEquals("today 00:30:00", HistoryTimes.when(Instant.parse("2026-11-26T23:30:00Z"), NOW, PARIS));
        assertEquals("Nov 26, 23:30", HistoryTimes.when(Instant.parse("2026-11-26T23:30:00Z"), NOW, ZoneId.of("UTC")));
    }

    @Test
    void aBuildOfThisYearShowsDayAndMinute() {
        assertEquals("Mar 4, 14:03", HistoryTimes.when(Instant.parse("2026-03-04T13:03:59Z"), NOW, PARIS));
    }

    @Test
    void aBuildOfAnEarlierYearNamesItsYear() {
        assertEquals("Dec 31 2025, 00:59", HistoryTimes.when(Instant.parse("2025-12-30T23:59:00Z"), NOW, PARIS));
    }

    @Test
    void theFullTimeHasYearAndSeconds() {
        assertEquals("Mar 4 2026, 14:03:59", HistoryTimes.full(Instant.parse("2026-03-04T13:03:59Z"), PARIS));
    }
}
