package dev.rounds.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How report values are written: raw for CSV and GeoJSON, readable for HTML and PDF. */
final class ReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ReportText() {
    }

    /** Raw value: metres to 0.1, minutes to 0.1, shares to 0.0001, degrees to 0.000001, empty for none. */
    static String raw(Object value, Table.Kind kind) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT, COUNT, ID -> value.toString();
            case METERS -> String.format(Locale.ROOT, "%.1f", (Double) value);
            case MINUTES -> String.format(Locale.ROOT, "%.1f", minutes((Duration) value));
            case SHARE -> String.format(Locale.ROOT, "%.4f", (Double) value);
            case DEGREES -> String.format(Locale.ROOT, "%.6f", (Double) value);
        };
    }

    /** Readable value: "12.4 km", "45 min", "1 h 05" (an hour and five minutes), "97 %", a dash for none. */
    static String readable(Object value, Table.Kind kind) {
        if (value == null) {
            return "-";
        }
        return switch (kind) {
            case TEXT, COUNT, ID -> value.toString();
            case METERS -> distance((Double) value);
            case MINUTES -> duration((Duration) value);
            case SHARE -> percent((Double) value);
            case DEGREES -> String.format(Locale.ROOT, "%.5f", (Double) value);
        };
    }

    static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }

    static String distance(double meters) {
        return meters >= 1000 ? String.format(Locale.ROOT, "%.1f km", meters / 1000)
                : String.format(Locale.ROOT, "%.0f m", meters);
    }

    static String duration(Duration duration) {
        long minutes = Math.round(minutes(duration));
        return minutes >= 60 ? String.format(Locale.ROOT, "%d h %02d", minutes / 60, minutes % 60)
                : minutes + " min";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** The period and filters in one line. */
    static String scope(PatrolReport report) {
        return time(report.from(), report.zone()) + " to " + time(report.to(), report.zone()) + " ("
                + report.zone().getId() + ")" + (report.beat() == null ? ", all beats" : ", beat " + report.beat())
                + (report.patrollerId() == null ? ", all patrollers"
                        : ", patroller " + report.patrollerName(report.patrollerId()));
    }

    /** The headline figures, one per line, for the top of HTML and PDF reports. */
    static java.util.List<String> summary(PatrolReport report) {
        ActivityFigures t = report.total();
        return java.util.List.of(
                "Shifts: " + t.shifts() + " (" + duration(t.shiftTime()) + ")",
                "Rounds completed: " + t.roundsCompleted() + " of " + t.roundsPlanned() + " planned",
                "Distance walked: " + distance(t.distanceMeters()),
                "Beat streets covered per shift: " + percent(t.coveredShare()),
                "Time on beat: " + duration(t.onBeat()) + ", off beat: " + duration(t.offBeat()) + ", standing: "
                        + duration(t.standing()),
                "Longest time a street went unvisited: " + duration(t.longestGap())
                        + (t.longestGapEdge() < 0 ? "" : " (street " + t.longestGapEdge() + ")"),
                "Revisit interval: median " + duration(t.revisits().p50()) + ", 90 % within "
                        + duration(t.revisits().p90()) + " (" + t.revisits().count() + " revisits)",
                "Streets never visited: " + report.neverVisited().size(),
                "Alerts: " + t.alerts().raised() + ", acknowledged " + t.alerts().acknowledged()
                        + (t.alerts().acknowledged() == 0 ? "" : ", median after "
                        + duration(t.alerts().medianToAcknowledge())),
                checkpoints(report.checkpointTotal()),
                observations(report));
    }

    /** "Checkpoint visits: 7 (5 on time, 1 late, 1 out of order)". */
    static String checkpoints(CheckpointTally tally) {
        return "Checkpoint visits: " + tally.total() + " (" + tally.onTime() + " on time, " + tally.late() + " late, "
                + tally.outOfOrder() + " out of order)";
    }

    /** "Observations: 3 (hazard 2, light out 1)". */
    static String observations(PatrolReport report) {
        java.util.StringJoiner categories = new java.util.StringJoiner(", ", " (", ")").setEmptyValue("");
        report.observationsByCategory().forEach((category, count) -> categories.add(category + " " + count));
        return "Observations: " + report.observations().size() + categories;
    }
}
