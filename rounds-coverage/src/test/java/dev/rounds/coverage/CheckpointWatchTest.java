package dev.rounds.coverage;

import static dev.rounds.coverage.CoverageLedgerTest.T0;
import static dev.rounds.coverage.CoverageLedgerTest.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.rounds.coverage.CheckpointDue.DueStatus;
import dev.rounds.coverage.CheckpointWatch.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint rules with fixed times on the tiny area of {@link CoverageLedgerTest}: shift s1 of ana
 * on beat 0 from 08:00 to 16:00 UTC, windows of 60 min (round 1 is 08:00-09:00), grace 10 min,
 * start grace 15 min.
 *
 * <pre>
 *   beat 0: a "North gate" (1), b "Stairwell" (2), c "Back door" (3)
 *   beat 1: d "Depot" (1)
 * </pre>
 */
class CheckpointWatchTest {
    static final Checkpoint A = new Checkpoint("a", "North gate", 0, 1, 47.0, 8.0);
    static final Checkpoint B = new Checkpoint("b", "Stairwell", 0, 2, 47.001, 8.0);
    static final Checkpoint C = new Checkpoint("c", "Back door", 0, 3, 47.002, 8.0);
    static final Checkpoint D = new Checkpoint("d", "Depot", 1, 1, 47.01, 8.0);

    private final CoverageLedger ledger = CoverageLedgerTest.ledgerWithShift();

    static Instant at(int minute) {
        return T0.plusSeconds(minute * 60L);
    }

    static CheckpointScan scan(Checkpoint checkpoint, int minute) {
        return scan(checkpoint, at(minute));
    }

    static CheckpointScan scan(Checkpoint checkpoint, Instant time) {
        return new CheckpointScan(checkpoint.id(), "s1", "ana", time, checkpoint.lat(), checkpoint.lon());
    }

    static List<CheckpointTour> tours(boolean inOrder) {
        CheckpointTour beat0 = CheckpointTour.defaults(0, List.of(C, A, B));
        return List.of(new CheckpointTour(0, beat0.checkpoints(), inOrder, beat0.window(), beat0.grace(),
                beat0.startGrace()), CheckpointTour.defaults(1, List.of(D)));
    }

    private CheckpointWatch watch(boolean inOrder) {
        return new CheckpointWatch(ledger, tours(inOrder));
    }

    private static List<Alert> ofKind(List<Alert> alerts, AlertKind kind) {
        return alerts.stream().filter(a -> a.kind() == kind).toList();
    }

    @Test
    void tourDefaultsAndOrder() {
        CheckpointTour tour = CheckpointTour.defaults(0, List.of(C, A, B));
        assertThat(tour.checkpoints()).containsExactly(A, B, C);
        assertThat(tour.inOrder()).isFalse();
        assertThat(tour.window()).isEqualTo(Duration.ofMinutes(60));
        assertThat(tour.grace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(tour.startGrace()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void scanWithinItsWindowIsOnTime() {
        CheckpointWatch watch = watch(false);
        CheckpointWatch.ScanResult result = watch.onScan(scan(A, 5));
        assertThat(result.status()).isEqualTo(Status.ON_TIME);
        assertThat(result.alerts()).isEmpty();
        assertThat(watch.onScan(scan(A, 59)).status()).as("twice in a window").isEqualTo(Status.ON_TIME);
        assertThat(watch.visits("s1")).extracting(CheckpointVisit::window).containsExactly(0, 0);
    }

    @Test
    void scanWithinTheGraceIsLateForTheWindowItMissed() {
        CheckpointWatch watch = watch(false);
        CheckpointWatch.ScanResult result = watch.onScan(scan(A, 64));
        assertThat(result.status()).isEqualTo(Status.LATE);
        assertThat(result.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CHECKPOINT_LATE);
            assertThat(alert.key()).isEqualTo("cp-late:s1:0:a");
            assertThat(alert.raisedAt()).isEqualTo(at(64));
            assertThat(alert.reason()).isEqualTo("checkpoint \"North gate\" visited 4 min late in round 1"
                    + " (due by 09:00, visited 09:04)");
            assertThat(alert).extracting(Alert::shiftId, Alert::patrollerId, Alert::beat, Alert::edge, Alert::lat,
                    Alert::lon).containsExactly("s1", "ana", 0, -1, 47.0, 8.0);
        });
        assertThat(watch.onScan(scan(A, 66)).status()).as("window 0 is done, so this counts for window 1")
                .isEqualTo(Status.ON_TIME);
        assertThat(watch.visits("s1")).extracting(CheckpointVisit::window, CheckpointVisit::status)
                .containsExactly(tuple(0, Status.LATE), tuple(1, Status.ON_TIME));
        assertThat(ofKind(watch.evaluate(at(70)), AlertKind.CHECKPOINT_MISSED)).extracting(Alert::key)
                .containsExactly("cp-missed:s1:0:b", "cp-missed:s1:0:c");
    }

    @Test
    void lessThanAMinuteLateReadsAsOneMinute() {
        CheckpointWatch watch = watch(false);
        assertThat(watch.onScan(scan(A, at(60))).alerts().get(0).reason()).contains("visited 1 min late");
    }

    @Test
    void missedExactlyWhenTheGraceRunsOut() {
        CheckpointWatch watch = watch(false);
        watch.onScan(scan(A, 5));
        watch.onScan(scan(B, 6));
        assertThat(ofKind(watch.evaluate(at(70).minusMillis(1)), AlertKind.CHECKPOINT_MISSED)).isEmpty();
        assertThat(watch.onScan(scan(C, at(70))).status()).as("at the end of the grace it is window 1's")
                .isEqualTo(Status.ON_TIME);
        List<Alert> missed = ofKind(watch.evaluate(at(70)), AlertKind.CHECKPOINT_MISSED);
        assertThat(missed).singleElement().satisfies(alert -> {
            assertThat(alert.key()).isEqualTo("cp-missed:s1:0:c");
            assertThat(alert.raisedAt()).isEqualTo(at(70));
            assertThat(alert.reason()).isEqualTo("checkpoint \"Back door\" missed in round 1 (due by 09:00, grace 10 min)");
            assertThat(alert).extracting(Alert::lat, Alert::lon, Alert::edge).containsExactly(47.002, 8.0, -1);
            assertThat(alert.kind().priority()).isEqualTo(1);
        });
    }

    @Test
    void roundNotStartedWhenNothingHappenedInTheStartGrace() {
        CheckpointWatch watch = watch(false);
        assertThat(watch.evaluate(at(15).minusMillis(1))).isEmpty();
        List<Alert> alerts = watch.evaluate(at(15));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.ROUND_NOT_STARTED);
            assertThat(alert.key()).isEqualTo("round-not-started:s1:0");
            assertThat(alert.raisedAt()).isEqualTo(at(15));
            assertThat(alert.reason()).isEqualTo("round 1 of beat 0 not started by 08:15: no checkpoint scanned"
                    + " and no street of the beat walked since 08:00");
            assertThat(alert.lat()).isNaN();
        });
    }

    @Test
    void aScanOrAStreetOfTheBeatStartsTheRound() {
        CheckpointWatch watch = watch(false);
        watch.onScan(scan(B, 14));
        assertThat(ofKind(watch.evaluate(at(20)), AlertKind.ROUND_NOT_STARTED)).isEmpty();
        ledger.record(visit("ana", 2, 62, 1));
        assertThat(ofKind(watch.evaluate(at(80)), AlertKind.ROUND_NOT_STARTED)).as("street walked 09:01-09:02")
                .isEmpty();
        ledger.record(new StreetVisit("ana", 1, at(115), at(140), 1));
        assertThat(ofKind(watch.evaluate(at(140)), AlertKind.ROUND_NOT_STARTED)).as("a street walked across 10:00")
                .isEmpty();
    }

    @Test
    void otherBeatsAndOtherPatrollersDoNotStartTheRound() {
        CheckpointWatch watch = watch(false);
        ledger.record(visit("ana", 4, 5, 1));
        ledger.record(visit("ben", 0, 6, 1));
        ledger.record(visit("ana", 0, 16, 1));
        assertThat(ofKind(watch.evaluate(at(15)), AlertKind.ROUND_NOT_STARTED)).hasSize(1);
    }

    @Test
    void zeroStartGraceTurnsTheNotStartedRuleOff() {
        CheckpointTour tour = new CheckpointTour(0, List.of(A), false, Duration.ofMinutes(60), Duration.ZERO,
                Duration.ZERO);
        CheckpointWatch watch = new CheckpointWatch(ledger, List.of(tour));
        assertThat(ofKind(watch.evaluate(at(59)), AlertKind.ROUND_NOT_STARTED)).isEmpty();
        assertThat(watch.onScan(scan(A, 60)).status()).as("no grace, no late").isEqualTo(Status.ON_TIME);
    }

    @Test
    void inOrderTourFlagsAScanBeforeItsPredecessorAndStillCountsIt() {
        CheckpointWatch watch = watch(true);
        assertThat(watch.onScan(scan(A, 5)).status()).isEqualTo(Status.ON_TIME);
        CheckpointWatch.ScanResult skipped = watch.onScan(scan(C, 10));
        assertThat(skipped.status()).isEqualTo(Status.OUT_OF_ORDER);
        assertThat(skipped.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.CHECKPOINT_OUT_OF_ORDER);
            assertThat(alert.key()).isEqualTo("cp-order:s1:0:c");
            assertThat(alert.raisedAt()).isEqualTo(at(10));
            assertThat(alert.reason()).isEqualTo("checkpoint \"Back door\" visited before \"Stairwell\" in round 1"
                    + " (the tour of beat 0 is walked in order)");
        });
        assertThat(watch.onScan(scan(B, 12)).status()).isEqualTo(Status.ON_TIME);
        assertThat(watch.due("s1", at(13))).extracting(CheckpointDue::status).containsOnly(DueStatus.DONE);
        assertThat(watch.onScan(scan(B, 61)).status()).as("each window starts the order again")
                .isEqualTo(Status.OUT_OF_ORDER);
    }

    @Test
    void anyOrderTourTakesTheSameScansAsOnTime() {
        CheckpointWatch watch = watch(false);
        for (CheckpointScan scan : List.of(scan(A, 5), scan(C, 10), scan(B, 12))) {
            CheckpointWatch.ScanResult result = watch.onScan(scan);
            assertThat(result.status()).isEqualTo(Status.ON_TIME);
            assertThat(result.alerts()).isEmpty();
        }
    }

    @Test
    void checkpointsOfTheSameSequenceMayComeInAnyOrderAmongThemselves() {
        Checkpoint b2 = new Checkpoint("b2", "Lift", 0, 2, 47.001, 8.001);
        CheckpointTour tour = new CheckpointTour(0, List.of(A, B, b2, C), true, Duration.ofMinutes(60),
                Duration.ofMinutes(10), Duration.ofMinutes(15));
        CheckpointWatch watch = new CheckpointWatch(ledger, List.of(tour));
        watch.onScan(scan(A, 1));
        assertThat(watch.onScan(scan(b2, 2)).status()).isEqualTo(Status.ON_TIME);
        assertThat(watch.onScan(scan(C, 3)).alerts()).singleElement().extracting(Alert::reason).asString()
                .contains("visited before \"Stairwell\" in round 1");
    }

    @Test
    void eachConditionIsRaisedOnceAcrossEvaluations() {
        CheckpointWatch watch = watch(false);
        Set<String> keys = new HashSet<>();
        int alerts = 0;
        for (int minute = 0; minute <= 8 * 60 + 90; minute++) {
            for (Alert alert : watch.evaluate(at(minute))) {
                assertThat(keys.add(alert.key())).as("raised again: %s", alert.key()).isTrue();
                alerts++;
            }
        }
        assertThat(alerts).as("8 rounds, each not started and with 3 checkpoints missed").isEqualTo(8 * 4);
        assertThat(watch.evaluate(at(8 * 60 + 30))).isEmpty();
    }

    @Test
    void conditionsRaisedBeforeARestartAreNotRaisedAgain() {
        CheckpointWatch watch = watch(false);
        watch.alreadyRaised(List.of("round-not-started:s1:0", "cp-missed:s1:0:a", "cp-late:s1:0:b"));
        assertThat(watch.evaluate(at(75))).extracting(Alert::key)
                .containsExactlyInAnyOrder("cp-missed:s1:0:b", "cp-missed:s1:0:c", "round-not-started:s1:1");
        assertThat(watch.onScan(scan(B, 65)).alerts()).isEmpty();
    }

    @Test
    void theLastWindowIsCutAtTheShiftEndAndReportedAfterIt() {
        ledger.addShift(new Shift("s2", "ben", 0, T0, at(150)));
        CheckpointWatch watch = watch(false);
        watch.onScan(new CheckpointScan("a", "s2", "ben", at(135), 47, 8));
        assertThat(watch.due("s2", at(130))).extracting(CheckpointDue::window, CheckpointDue::dueBy)
                .containsOnly(tuple(2, at(150)));
        watch.evaluate(at(159));
        List<Alert> last = watch.evaluate(at(160)).stream().filter(a -> a.shiftId().equals("s2")).toList();
        assertThat(last).extracting(Alert::key, Alert::raisedAt)
                .containsExactly(tuple("cp-missed:s2:2:b", at(160)), tuple("cp-missed:s2:2:c", at(160)));
        assertThat(last.get(0).reason()).isEqualTo("checkpoint \"Stairwell\" missed in round 3 (due by 10:30, grace 10 min)");
        assertThat(watch.due("s2", at(200))).extracting(CheckpointDue::checkpoint, CheckpointDue::status)
                .containsExactly(tuple(A, DueStatus.DONE), tuple(B, DueStatus.MISSED), tuple(C, DueStatus.MISSED));
    }

    @Test
    void shiftsThatEndedLongAgoAreNotEvaluated() {
        ledger.addShift(new Shift("s2", "ben", 0, T0, at(150)));
        CheckpointWatch watch = watch(false);
        assertThat(watch.evaluate(at(150 + 60 + 10 + 15))).extracting(Alert::shiftId).doesNotContain("s2");
        assertThat(watch.evaluate(at(150 + 60 + 10 + 15).minusMillis(1))).extracting(Alert::shiftId).contains("s2");
    }

    @Test
    void scansOutsideAnyWindowAreNotDue() {
        CheckpointWatch watch = watch(false);
        CheckpointWatch.ScanResult before = watch.onScan(scan(A, -5));
        assertThat(before.status()).isEqualTo(Status.NOT_DUE);
        assertThat(before.alerts()).isEmpty();
        assertThat(watch.onScan(scan(A, 8 * 60 + 10)).status()).as("after the last grace").isEqualTo(Status.NOT_DUE);
        assertThat(watch.onScan(scan(B, 8 * 60 + 9)).status()).as("within the last grace").isEqualTo(Status.LATE);
        assertThat(watch.visits("s1")).extracting(CheckpointVisit::window).containsExactly(-1, 7, -1);
    }

    @Test
    void dueShowsTheCurrentWindowAndLateOnesOfThePreviousWithinTheGrace() {
        CheckpointWatch watch = watch(false);
        assertThat(watch.due("s1", at(-30))).extracting(CheckpointDue::window, CheckpointDue::status)
                .containsOnly(tuple(0, DueStatus.DUE));
        watch.onScan(scan(A, 5));
        assertThat(watch.due("s1", at(4))).extracting(CheckpointDue::status).as("only scans up to now count")
                .containsOnly(DueStatus.DUE);
        assertThat(watch.due("s1", at(6))).extracting(CheckpointDue::checkpoint, CheckpointDue::window,
                CheckpointDue::dueBy, CheckpointDue::status).containsExactly(
                tuple(A, 0, at(60), DueStatus.DONE), tuple(B, 0, at(60), DueStatus.DUE),
                tuple(C, 0, at(60), DueStatus.DUE));
        watch.onScan(scan(B, 62));
        assertThat(watch.due("s1", at(63))).extracting(CheckpointDue::checkpoint, CheckpointDue::window,
                CheckpointDue::status).containsExactly(
                tuple(C, 0, DueStatus.LATE),
                tuple(A, 1, DueStatus.DUE), tuple(B, 1, DueStatus.DUE), tuple(C, 1, DueStatus.DUE));
        assertThat(watch.due("s1", at(70))).extracting(CheckpointDue::window).containsOnly(1);
        assertThat(watch.due("s1", at(8 * 60 + 5))).extracting(CheckpointDue::window, CheckpointDue::status)
                .containsOnly(tuple(7, DueStatus.LATE));
        assertThat(watch.due("s1", at(8 * 60 + 10))).extracting(CheckpointDue::window, CheckpointDue::status)
                .containsOnly(tuple(7, DueStatus.MISSED));
    }

    @Test
    void aBeatWithoutATourOrWithAnEmptyOneRaisesNothing() {
        ledger.addShift(new Shift("s3", "cem", 1, T0, at(120)));
        CheckpointWatch noTours = new CheckpointWatch(ledger, List.of());
        assertThat(noTours.evaluate(at(100))).isEmpty();
        assertThat(noTours.due("s1", at(10))).isEmpty();
        assertThat(noTours.visits("s1")).isEmpty();
        CheckpointWatch empty = new CheckpointWatch(ledger, List.of(CheckpointTour.defaults(0, List.of()),
                CheckpointTour.defaults(1, List.of(D))));
        assertThat(empty.evaluate(at(100))).extracting(Alert::shiftId).containsOnly("s3");
        assertThat(empty.due("s1", at(10))).isEmpty();
    }

    @Test
    void scansThatCannotCountAreRefusedWithAReason() {
        CheckpointWatch watch = watch(false);
        assertThatThrownBy(() -> watch.onScan(new CheckpointScan("zz", "s1", "ana", at(5), Double.NaN, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown checkpoint 'zz'; those of beat 0 are a, b, c");
        assertThatThrownBy(() -> watch.onScan(scan(D, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("checkpoint 'd' (Depot) is on beat 1 but shift s1 patrols beat 0; scan a checkpoint of"
                        + " beat 0");
        assertThatThrownBy(() -> watch.onScan(new CheckpointScan("a", "s9", "ana", at(5), 47, 8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown shift 's9'");
        assertThatThrownBy(() -> watch.onScan(new CheckpointScan("a", "s1", "ben", at(5), 47, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scan by patroller 'ben' for shift s1 of patroller 'ana'");
        assertThatThrownBy(() -> watch.due("s9", at(5))).hasMessageContaining("unknown shift 's9'");
        assertThat(watch.visits("s1")).as("nothing refused was recorded").isEmpty();
    }

    @Test
    void badToursAreRefusedWithAReason() {
        assertThatThrownBy(() -> CheckpointTour.defaults(0, List.of(A, D)))
                .hasMessage("checkpoint 'd' (Depot) is on beat 1 but this tour is for beat 0; put it in the tour of"
                        + " beat 1");
        assertThatThrownBy(() -> CheckpointTour.defaults(0, List.of(A, A))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new CheckpointTour(0, List.of(A), false, Duration.ZERO, Duration.ZERO,
                Duration.ZERO)).hasMessageContaining("positive window");
        assertThatThrownBy(() -> new CheckpointTour(0, List.of(A), false, Duration.ofMinutes(1),
                Duration.ofMinutes(-1), Duration.ZERO)).hasMessageContaining("zero or more");
        assertThatThrownBy(() -> new CheckpointWatch(ledger, List.of(CheckpointTour.defaults(0, List.of(A)),
                CheckpointTour.defaults(0, List.of(B))))).hasMessageContaining("two tours for beat 0");
        assertThatThrownBy(() -> new Checkpoint("x", "X", 0, 1, Double.NaN, 8)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new CheckpointScan("a", "s1", "ana", T0, Double.POSITIVE_INFINITY, 8))
                .hasMessageContaining("send NaN");
    }

    @Test
    void aLateScanArrivingFirstIsRecountedWhenTheEarlierOneArrives() {
        CheckpointWatch watch = watch(false);
        assertThat(watch.onScan(scan(A, 65)).status()).isEqualTo(Status.LATE);
        assertThat(watch.onScan(scan(A, 30)).status()).isEqualTo(Status.ON_TIME);
        assertThat(watch.visits("s1")).extracting(CheckpointVisit::window, CheckpointVisit::status)
                .containsExactly(tuple(0, Status.ON_TIME), tuple(1, Status.ON_TIME));
        assertThat(watch.onScan(scan(A, 30)).alerts()).as("the same scan delivered twice").isEmpty();
        assertThat(watch.visits("s1")).hasSize(2);
    }

    /** Shuffled and duplicated arrivals end in the same visits and due lists as in-order arrival. */
    @Test
    void arrivalOrderDoesNotChangeTheOutcome() {
        List<Checkpoint> tour = List.of(A, B, C);
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            boolean inOrder = random.nextBoolean();
            List<CheckpointScan> scans = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                scans.add(scan(tour.get(random.nextInt(3)), at(-10).plusSeconds(random.nextInt(500 * 60))));
            }
            CheckpointWatch sorted = new CheckpointWatch(CoverageLedgerTest.ledgerWithShift(), tours(inOrder));
            Set<String> sortedKeys = new HashSet<>();
            scans.stream().sorted(java.util.Comparator.comparing(CheckpointScan::time))
                    .forEach(s -> sorted.onScan(s).alerts().forEach(a -> sortedKeys.add(a.key())));
            List<CheckpointScan> arrivals = new ArrayList<>(scans);
            arrivals.addAll(scans.subList(0, 5));
            Collections.shuffle(arrivals, random);
            CheckpointWatch shuffled = new CheckpointWatch(CoverageLedgerTest.ledgerWithShift(), tours(inOrder));
            Set<String> shuffledKeys = new HashSet<>();
            arrivals.forEach(s -> shuffled.onScan(s).alerts().forEach(a -> shuffledKeys.add(a.key())));
            assertThat(shuffled.visits("s1")).as("seed %d", seed).isEqualTo(sorted.visits("s1"));
            assertThat(shuffledKeys).as("seed %d: alerts raised stay raised", seed).containsAll(sortedKeys);
            for (int minute = -10; minute <= 500; minute += 7) {
                assertThat(shuffled.due("s1", at(minute))).as("seed %d minute %d", seed, minute)
                        .isEqualTo(sorted.due("s1", at(minute)));
            }
        }
    }
}
