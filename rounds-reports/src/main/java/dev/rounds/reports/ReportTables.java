package dev.rounds.reports;

import static dev.rounds.reports.Table.Kind.COUNT;
import static dev.rounds.reports.Table.Kind.DEGREES;
import static dev.rounds.reports.Table.Kind.ID;
import static dev.rounds.reports.Table.Kind.METERS;
import static dev.rounds.reports.Table.Kind.MINUTES;
import static dev.rounds.reports.Table.Kind.SHARE;
import static dev.rounds.reports.Table.Kind.TEXT;

import dev.rounds.reports.Table.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The tables of a report, the same for every format: patrollers, beats, checkpoint visits, days,
 * hours, alerts, observations by category, observations and streets.
 */
public final class ReportTables {
    private static final List<Column> ACTIVITY = List.of(
            new Column("shifts", "Shifts", COUNT),
            new Column("rounds_completed", "Rounds", COUNT),
            new Column("rounds_planned", "Planned", COUNT),
            new Column("distance_m", "Distance", METERS),
            new Column("on_beat_min", "On beat", MINUTES),
            new Column("off_beat_min", "Off beat", MINUTES),
            new Column("standing_min", "Standing", MINUTES),
            new Column("covered_share", "Covered", SHARE),
            new Column("longest_gap_min", "Max gap", MINUTES),
            new Column("longest_gap_street", "Gap street", COUNT),
            new Column("revisits", "Revisits", COUNT),
            new Column("revisit_p10_min", "Rev. p10", MINUTES),
            new Column("revisit_p50_min", "Rev. p50", MINUTES),
            new Column("revisit_p90_min", "Rev. p90", MINUTES),
            new Column("alerts", "Alerts", COUNT),
            new Column("alerts_acknowledged", "Ack'd", COUNT),
            new Column("acknowledge_median_min", "To ack.", MINUTES));

    private ReportTables() {
    }

    /** All tables in the order the writers show them. */
    public static List<Table> all(PatrolReport report) {
        return List.of(patrollers(report), beats(report), checkpointVisits(report), days(report), hours(report),
                alerts(report), observationCategories(report), observations(report, report.observations()),
                streets(report, report.streets()));
    }

    /** Checkpoint visits by status, one row per beat of the checkpoints and patroller. */
    public static Table checkpointVisits(PatrolReport report) {
        List<Column> columns = List.of(new Column("beat", "Beat", COUNT), new Column("patroller", "Patroller", TEXT),
                new Column("patroller_id", "Patroller id", ID), new Column("on_time", "On time", COUNT), new Column("late", "Late", COUNT),
                new Column("out_of_order", "Out of order", COUNT), new Column("visits", "Visits", COUNT));
        List<List<Object>> rows = new ArrayList<>();
        for (CheckpointFigures c : report.checkpointVisits()) {
            CheckpointTally t = c.visits();
            rows.add(Arrays.asList(c.beat(), report.patrollerName(c.patrollerId()), c.patrollerId(), t.onTime(),
                    t.late(), t.outOfOrder(), t.total()));
        }
        return new Table("checkpoint_visits", "Checkpoint visits by status", columns, rows);
    }

    /** How many observations of each category, the most frequent first. */
    public static Table observationCategories(PatrolReport report) {
        List<Column> columns = List.of(new Column("category", "Category", TEXT),
                new Column("observations", "Observations", COUNT));
        List<List<Object>> rows = new ArrayList<>();
        report.observationsByCategory().forEach((category, count) -> rows.add(Arrays.asList(category, count)));
        return new Table("observations_by_category", "Observations by category", columns, rows);
    }

    /** The given observations, one row each. */
    public static Table observations(PatrolReport report, List<ShiftObservation> observations) {
        List<Column> columns = List.of(new Column("time", "Time", TEXT), new Column("patroller", "Patroller", TEXT),
                new Column("patroller_id", "Patroller id", ID), new Column("beat", "Beat", COUNT), new Column("category", "Category", TEXT),
                new Column("note", "Note", TEXT), new Column("photo", "Photo", TEXT),
                new Column("lat", "Lat", DEGREES), new Column("lon", "Lon", DEGREES));
        List<List<Object>> rows = new ArrayList<>();
        for (ShiftObservation o : observations) {
            ReportObservation observation = o.observation();
            rows.add(Arrays.asList(ReportText.time(observation.time(), report.zone()),
                    report.patrollerName(o.patrollerId()), o.patrollerId(), o.beat(),
                    observation.category(), observation.note(), observation.hasPhoto() ? "yes" : "no",
                    observation.hasPosition() ? observation.lat() : null,
                    observation.hasPosition() ? observation.lon() : null));
        }
        return new Table("observations", "Observations", columns, rows);
    }

    public static Table patrollers(PatrolReport report) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("patroller", "Patroller", TEXT));
        columns.add(new Column("patroller_id", "Patroller id", ID));
        columns.addAll(ACTIVITY);
        List<List<Object>> rows = new ArrayList<>();
        for (PatrollerFigures p : report.patrollers()) {
            List<Object> row = new ArrayList<>();
            row.add(report.patrollerName(p.patrollerId()));
            row.add(p.patrollerId());
            row.addAll(activity(p.figures()));
            rows.add(row);
        }
        return new Table("patrollers", "Patrollers", columns, rows);
    }

    public static Table beats(PatrolReport report) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("beat", "Beat", COUNT));
        columns.add(new Column("street_length_m", "Streets", METERS));
        columns.add(new Column("round_min", "Round", MINUTES));
        columns.addAll(ACTIVITY);
        List<List<Object>> rows = new ArrayList<>();
        for (BeatFigures b : report.beats()) {
            List<Object> row = new ArrayList<>();
            row.add(b.beat());
            row.add(b.streetLengthMeters());
            row.add(b.roundDuration());
            row.addAll(activity(b.figures()));
            rows.add(row);
        }
        return new Table("beats", "Beats", columns, rows);
    }

    private static List<Object> activity(ActivityFigures f) {
        return Arrays.asList(f.shifts(), f.roundsCompleted(), f.roundsPlanned(), f.distanceMeters(), f.onBeat(),
                f.offBeat(), f.standing(), f.coveredShare(), f.longestGap(),
                f.longestGapEdge() < 0 ? null : f.longestGapEdge(), f.revisits().count(),
                f.revisits().count() == 0 ? null : f.revisits().p10(),
                f.revisits().count() == 0 ? null : f.revisits().p50(),
                f.revisits().count() == 0 ? null : f.revisits().p90(), f.alerts().raised(), f.alerts().acknowledged(),
                f.alerts().acknowledged() == 0 ? null : f.alerts().medianToAcknowledge());
    }

    /** Street effort for the given streets. */
    public static Table streets(PatrolReport report, List<StreetFigures> streets) {
        List<Column> columns = List.of(new Column("street_id", "Id", COUNT), new Column("name", "Street", TEXT),
                new Column("beat", "Beat", COUNT), new Column("length_m", "Length", METERS),
                new Column("visits", "Visits", COUNT), new Column("minutes_spent", "Time spent", MINUTES),
                new Column("meters_walked", "Walked", METERS), new Column("longest_gap_min", "Max gap", MINUTES),
                new Column("never_visited", "Never visited", TEXT), new Column("in_scope", "In scope", TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (StreetFigures s : streets) {
            rows.add(Arrays.asList(s.edge(), s.name(), s.beat(), s.lengthMeters(), s.visits(), s.timeSpent(),
                    s.metersWalked(), s.longestGap(), s.neverVisited() ? "yes" : "no", s.inScope() ? "yes" : "no"));
        }
        return new Table("streets", "Patrol effort per street", columns, rows);
    }

    /** The streets with the most time spent on them, for the printed report. */
    public static List<StreetFigures> busiest(PatrolReport report, int count) {
        return report.streets().stream().filter(s -> s.visits() > 0)
                .sorted(Comparator.comparing(StreetFigures::timeSpent).reversed()
                        .thenComparingInt(StreetFigures::edge))
                .limit(count).toList();
    }

    public static Table days(PatrolReport report) {
        List<Column> columns = List.of(new Column("date", "Day", TEXT), new Column("shifts", "Shifts", COUNT),
                new Column("rounds_completed", "Rounds", COUNT), new Column("rounds_planned", "Planned", COUNT),
                new Column("covered_share", "Covered", SHARE), new Column("distance_m", "Distance", METERS));
        List<List<Object>> rows = new ArrayList<>();
        for (DayFigures d : report.days()) {
            rows.add(Arrays.asList(d.date().toString(), d.shifts(), d.roundsCompleted(), d.roundsPlanned(),
                    d.coveredShare(), d.distanceMeters()));
        }
        return new Table("days", "Day by day", columns, rows);
    }

    public static Table hours(PatrolReport report) {
        List<Column> columns = List.of(new Column("hour_of_shift", "Hour of shift", COUNT),
                new Column("shifts", "Shifts", COUNT), new Column("covered_share", "Covered", SHARE));
        List<List<Object>> rows = new ArrayList<>();
        for (HourCoverage h : report.coverageByHour()) {
            rows.add(Arrays.asList(h.hourOfShift() + 1, h.shifts(), h.coveredShare()));
        }
        return new Table("hours_of_shift", "Coverage per hour of shift", columns, rows);
    }

    public static Table alerts(PatrolReport report) {
        List<Column> columns = List.of(new Column("raised_at", "Raised", TEXT), new Column("kind", "Kind", TEXT),
                new Column("patroller", "Patroller", TEXT), new Column("patroller_id", "Patroller id", ID),
                new Column("beat", "Beat", COUNT), new Column("street_id", "Street", COUNT), new Column("reason", "Reason", TEXT),
                new Column("acknowledged_at", "Acknowledged", TEXT),
                new Column("minutes_to_acknowledge", "After", MINUTES), new Column("comment", "Comment", TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (ReportAlert a : report.alerts()) {
            rows.add(Arrays.asList(ReportText.time(a.alert().raisedAt(), report.zone()), a.alert().kind().name(),
                    report.patrollerName(a.alert().patrollerId()), a.alert().patrollerId(),
                    a.alert().beat() < 0 ? null : a.alert().beat(),
                    a.alert().edge() < 0 ? null : a.alert().edge(), a.alert().reason(),
                    a.acknowledged() ? ReportText.time(a.acknowledgedAt(), report.zone()) : null,
                    a.timeToAcknowledge().orElse(null), a.comment()));
        }
        return new Table("alerts", "Alerts and how they were acknowledged", columns, rows);
    }
}
