package dev.rounds.coverage;

import static dev.rounds.coverage.CheckpointWatchTest.A;
import static dev.rounds.coverage.CheckpointWatchTest.B;
import static dev.rounds.coverage.CheckpointWatchTest.C;
import static dev.rounds.coverage.CheckpointWatchTest.at;
import static dev.rounds.coverage.CheckpointWatchTest.scan;
import static dev.rounds.coverage.CoverageLedgerTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rounds.coverage.CheckpointDue.DueStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One shift of ana on beat 0 of {@link CoverageLedgerTest}'s area, 08:00-12:00 UTC, driven minute
 * by minute with a fixed clock: she walks the beat's streets and scans its three checkpoints
 * (windows of 60 min, grace 10, start grace 15) as scripted below, and the watch is evaluated every
 * minute.
 *
 * <pre>
 *   round 1  08:00-09:00  walks from 08:02; North gate 08:10, Stairwell 08:25, Back door 08:40
 *   round 2  09:00-10:00  walks from 09:02; North gate 09:10, Stairwell 09:25, Back door 10:04 (late)
 *   round 3  10:00-11:00  walks from 10:08; North gate 10:20, Stairwell 10:30, Back door never
 *   round 4  11:00-12:00  nothing until 11:17; North gate 11:20, Stairwell 11:30, Back door 11:40
 * </pre>
 */
class ScriptedShiftTest {
    private static final int LAST_MINUTE = 4 * 60 + 60 + 10 + 15;

    private static final Map<Integer, Checkpoint> SCANS = new TreeMap<>(Map.ofEntries(
            Map.entry(10, A), Map.entry(25, B), Map.entry(40, C),
            Map.entry(70, A), Map.entry(85, B), Map.entry(124, C),
            Map.entry(140, A), Map.entry(150, B),
            Map.entry(200, A), Map.entry(210, B), Map.entry(220, C)));

    /** Minutes at which she leaves a street of the beat (each walked in 2 min). */
    private static boolean walking(int minute) {
        return minute % 4 == 2 && (minute >= 2 && minute <= 50 || minute >= 62 && minute <= 110
                || minute >= 128 && minute <= 170 || minute >= 197 && minute <= 230);
    }

    /** The state of one run: the watch and the alerts with the minute each came out. */
    private record Run(CheckpointWatch watch, List<Alert> alerts, List<Integer> minutes) {
    }

    private static Run run(boolean scansHeldBack) {
        CoverageLedger ledger = new CoverageLedger(CoverageLedgerTest.area(), CoverageConfig.DEFAULTS);
        ledger.addShift(new Shift("s1", "ana", 0, T0, T0.plus(Duration.ofHours(4))));
        CheckpointWatch watch = new CheckpointWatch(ledger, CheckpointWatchTest.tours(false));
        Run run = new Run(watch, new ArrayList<>(), new ArrayList<>());
        for (int minute = 0; minute <= LAST_MINUTE; minute++) {
            if (walking(minute)) {
                ledger.record(new StreetVisit("ana", (minute / 4) % 4, at(minute - 2), at(minute), 1));
            }
            Checkpoint scanned = SCANS.get(minute);
            if (scanned != null && !scansHeldBack) {
                collect(run, minute, watch.onScan(scan(scanned, minute)).alerts());
            }
            collect(run, minute, watch.evaluate(at(minute)));
        }
        return run;
    }

    private static void collect(Run run, int minute, List<Alert> alerts) {
        for (Alert alert : alerts) {
            run.alerts().add(alert);
            run.minutes().add(minute);
        }
    }

    @Test
    void theScriptRaisesExactlyTheLateTheMissedAndTheNotStarted() {
        Run run = run(false);
        assertThat(run.alerts()).extracting(Alert::kind, Alert::key, Alert::raisedAt, Alert::reason).containsExactly(
                tuple(AlertKind.CHECKPOINT_LATE, "cp-late:s1:1:c", at(124),
                        "checkpoint \"Back door\" visited 4 min late in round 2 (due by 10:00, visited 10:04)"),
                tuple(AlertKind.CHECKPOINT_MISSED, "cp-missed:s1:2:c", at(190),
                        "checkpoint \"Back door\" missed in round 3 (due by 11:00, grace 10 min)"),
                tuple(AlertKind.ROUND_NOT_STARTED, "round-not-started:s1:3", at(195),
                        "round 4 of beat 0 not started by 11:15: no checkpoint scanned and no street of the beat"
                                + " walked since 11:00"));
        assertThat(run.minutes()).as("each came out the minute it was due").containsExactly(124, 190, 195);
        assertThat(run.watch().visits("s1")).extracting(CheckpointVisit::status).containsExactly(
                CheckpointWatch.Status.ON_TIME, CheckpointWatch.Status.ON_TIME, CheckpointWatch.Status.ON_TIME,
                CheckpointWatch.Status.ON_TIME, CheckpointWatch.Status.ON_TIME, CheckpointWatch.Status.LATE,
                CheckpointWatch.Status.ON_TIME, CheckpointWatch.Status.ON_TIME,
                CheckpointWatch.Status.ON_TIME, CheckpointWatch.Status.ON_TIME, CheckpointWatch.Status.ON_TIME);
        assertThat(run.watch().due("s1", at(121))).extracting(CheckpointDue::checkpoint, CheckpointDue::window,
                CheckpointDue::status).containsExactly(tuple(C, 1, DueStatus.LATE),
                tuple(A, 2, DueStatus.DUE), tuple(B, 2, DueStatus.DUE), tuple(C, 2, DueStatus.DUE));
        assertThat(run.watch().due("s1", at(185))).extracting(CheckpointDue::checkpoint, CheckpointDue::window,
                CheckpointDue::status).containsExactly(tuple(C, 2, DueStatus.LATE),
                tuple(A, 3, DueStatus.DUE), tuple(B, 3, DueStatus.DUE), tuple(C, 3, DueStatus.DUE));
        assertThat(run.watch().due("s1", at(LAST_MINUTE))).extracting(CheckpointDue::window, CheckpointDue::dueBy,
                CheckpointDue::status).containsOnly(tuple(3, at(240), DueStatus.DONE));
    }

    @Test
    void scansDeliveredShuffledAtTheEndGiveTheSameStates() {
        Run inTime = run(false);
        Run queued = run(true);
        List<Integer> minutes = new ArrayList<>(SCANS.keySet());
        Collections.shuffle(minutes, new Random(7));
        for (int minute : minutes) {
            queued.watch().onScan(scan(SCANS.get(minute), minute));
        }
        assertThat(queued.watch().visits("s1")).isEqualTo(inTime.watch().visits("s1"));
        for (int minute = 0; minute <= LAST_MINUTE; minute++) {
            assertThat(queued.watch().due("s1", at(minute))).as("minute %d", minute)
                    .isEqualTo(inTime.watch().due("s1", at(minute)));
        }
    }
}
