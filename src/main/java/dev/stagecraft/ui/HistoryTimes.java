package dev.stagecraft.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * When a build started, as the History tab's "When" column shows it: only what tells builds apart at a
 * glance ("today 14:03:12", "Mar 4, 14:03", "Mar 4 2025, 14:03"), short enough to be shown whole;
 * the full time is in the row's tooltip and in a past build's window title.
 */
final class HistoryTimes {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("MMM d yyyy, HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("'today' HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ROOT);
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MMM d yyyy, HH:mm", Locale.ROOT);
    /** The widest text {@link #when} gives: a two-digit day in an earlier year. */
    private static final String WIDEST = "May 30 2099, 00:00";
    /** A cell's padding on both sides, with room to spare for a wider digit. */
    private static final double CELL_PADDING = 24;

    private HistoryTimes() {
    }

    /** {@code at} in {@code zone}, as short as {@code now} allows. */
    static String when(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime time = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (time.toLocalDate().equals(today)) {
            return TODAY.format(time);
        }
        return (time.getYear() == today.getYear() ? THIS_YEAR : EARLIER).format(time);
    }

    /** {@code at} in {@code zone} to the second, with its year. */
    static String full(Instant at, ZoneId zone) {
        return FULL.format(at.atZone(zone));
    }

    /** The width the "When" column needs for any text of {@link #when} in {@code font}, padding included. */
    static double columnWidth(Font font) {
        Text text = new Text(WIDEST);
        text.setFont(font);
        return Math.ceil(text.getLayoutBounds().getWidth() + CELL_PADDING);
    }
}
