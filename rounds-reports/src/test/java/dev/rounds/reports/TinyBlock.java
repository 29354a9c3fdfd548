package dev.rounds.reports;

import dev.rounds.coverage.Alert;
import dev.rounds.coverage.AlertKind;
import dev.rounds.coverage.BeatTarget;
import dev.rounds.coverage.PatrolArea;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A block with a dead end, about 100 m a side, as OSM data (so it carries the attribution), and one
 * hour-long shift walked by hand.
 * <pre>
 *   4 ----e3---- 3
 *   |            |
 *   e4           e2  (Baker's Lane, "Old")
 *   |            |
 *   1 ----e0---- 2 ---e1--- 5 (dead end, beat 1)
 *     (Улица Ленина)
 * </pre>
 * Beat 0 is e0, e2, e3, e4; beat 1 is e1. Patroller p1's shift 08:00-09:00 on beat 0: e0 08:00-02,
 * e1 out and back 08:02-04 (off beat), e2 08:04-06, e3 08:06-08, e4 08:08-10 (round 1 complete),
 * e0 08:10-12, stands at node 2 08:12-20, e2 08:20-22, then nothing until 09:00.
 *
 * <p>p1 reports a hazard at 08:05 (with a photo), a light out at 08:15 and a hazard at 08:30 (a
 * damage at 09:30 is after the shift); scans Gate on time at 08:03, Stairwell on time at 08:09, Gate
 * late at 08:25 and Boiler room of beat 1 out of order at 08:40 (a scan at 07:50 is before the shift).
 */
final class TinyBlock {
    static final Instant START = Instant.parse("2026-11-29T08:00:00Z");
    final StreetNetwork network;
    final PatrolArea area;
    final Shift shift = new Shift("s1", "p1", 0, START, START.plus(Duration.ofHours(1)));
    final List<StreetVisit> visits;
    final List<PositionFix> fixes;
    final List<ReportAlert> alerts;
    final List<ReportObservation> observations = List.of(
            new ReportObservation(at(5), "hazard", "loose paving slab", 47.0, 8.0013, true),
            new ReportObservation(at(15), "light out", "lamp at the corner, Улица Ленина", 47.0, 8.0005, false),
            new ReportObservation(at(30), "hazard", "broken glass, \"Old\" lane", 47.0005, 8.0013, false),
            new ReportObservation(at(90), "damage", "after the shift", 47.0, 8.0, false));
    final List<ReportCheckpointVisit> checkpointVisits = List.of(
            new ReportCheckpointVisit(at(-10), "Gate", 0, ReportCheckpointVisit.ON_TIME),
            new ReportCheckpointVisit(at(3), "Gate", 0, ReportCheckpointVisit.ON_TIME),
            new ReportCheckpointVisit(at(9), "Stairwell", 0, ReportCheckpointVisit.ON_TIME),
            new ReportCheckpointVisit(at(25), "Gate", 0, ReportCheckpointVisit.LATE),
            new ReportCheckpointVisit(at(40), "Boiler room", 1, ReportCheckpointVisit.OUT_OF_ORDER));

    TinyBlock() {
        StreetNetworkBuilder b = new StreetNetworkBuilder(Profiles.FOOT, StreetMaps.OSM_ATTRIBUTION);
        b.node(1, 47.0, 8.0);
        b.node(2, 47.0, 8.0013);
        b.node(3, 47.0009, 8.0013);
        b.node(4, 47.0009, 8.0);
        b.node(5, 47.0, 8.0020);
        b.way(10, new long[] {1, 2}, Map.of("highway", "residential", "name", "Улица Ленина"));
        b.way(11, new long[] {2, 5}, Map.of("highway", "residential", "name", "Dead End"));
        b.way(12, new long[] {2, 3}, Map.of("highway", "residential", "name", "Baker's Lane, \"Old\""));
        b.way(13, new long[] {3, 4}, Map.of("highway", "residential", "name", "North Row"));
        b.way(14, new long[] {4, 1}, Map.of("highway", "residential", "name", "West Row"));
        network = b.build().network();
        double[] lengths = new double[network.edgeCount()];
        for (int e = 0; e < lengths.length; e++) {
            lengths[e] = network.edgeLengthMeters(e);
        }
        area = new PatrolArea(lengths, new int[] {0, 1, 0, 0, 0}, List.of(
                new BeatTarget(Duration.ofMinutes(10), 2), new BeatTarget(Duration.ofMinutes(5), 4)));
        visits = List.of(visit(0, 0, 2), visit(1, 2, 3), visit(1, 3, 4), visit(2, 4, 6), visit(3, 6, 8),
                visit(4, 8, 10), visit(0, 10, 12), visit(2, 20, 22));
        fixes = List.of(fix(0, 1), fix(12, 2), fix(13, 2), fix(14, 2), fix(15, 2), fix(16, 2), fix(17, 2),
                fix(18, 2), fix(19, 2), fix(20, 2), fix(22, 3));
        Alert overdue = new Alert(AlertKind.ROUND_OVERDUE, "overdue:s1", at(40), "s1", "p1", 0, -1, 47.0, 8.0013,
                "round 2 of beat 0 has run 30 min, planned 10 min");
        Alert still = new Alert(AlertKind.STANDING_STILL, "still:s1", at(50), "s1", "p1", 0, -1, 47.0, 8.0013,
                "p1 has not moved more than 25 m for 10 min");
        alerts = List.of(new ReportAlert(overdue, at(45), "radio: road blocked, detour"), ReportAlert.open(still));
    }

    private StreetVisit visit(int edge, int entryMinute, int exitMinute) {
        return new StreetVisit("p1", edge, at(entryMinute), at(exitMinute), 1);
    }

    private PositionFix fix(int minute, long node) {
        double[][] where = {{}, {47.0, 8.0}, {47.0, 8.0013}, {47.0009, 8.0013}};
        return new PositionFix("p1", at(minute), where[(int) node][0], where[(int) node][1], false);
    }

    static Instant at(int minute) {
        return START.plus(Duration.ofMinutes(minute));
    }

    ReportInput input(Instant from, Instant to) {
        return new ReportInput(network, area, from, to, null, null, ReportInput.listSource(List.of(shift), visits,
                Map.of("p1", fixes), alerts, Map.of("p1", observations), Map.of("p1", checkpointVisits)));
    }

    PatrolReport report() {
        return new ReportBuilder().build(input(START.minus(Duration.ofHours(1)), START.plus(Duration.ofHours(2))));
    }
}
