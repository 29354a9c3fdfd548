package dev.rounds.feasibility;

import java.time.Duration;
import java.util.Locale;

/** Durations as a commander reads them: "47 min", "29.5 min", "3.8 min", "6.4 h". */
final class Minutes {
    private Minutes() {
    }

    static String format(Duration duration) {
        double minutes = duration.toMillis() / 60_000.0;
        boolean whole = Math.abs(minutes - Math.rint(minutes)) < 0.05;
        return String.format(Locale.ROOT, whole && minutes >= 10 ? "%.0f min" : "%.1f min", minutes);
    }

    static String hours(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 3_600_000.0);
    }
}
