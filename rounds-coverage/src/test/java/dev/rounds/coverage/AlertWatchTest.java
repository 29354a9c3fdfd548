package dev.rounds.coverage;

import static dev.rounds.coverage.CoverageLedgerTest.T0;
import static dev.rounds.coverage.CoverageLedgerTest.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alert rules with fixed times on the tiny area of {@link CoverageLedgerTest}. */
class AlertWatchTest {

    private final CoverageLedger ledger = CoverageLedgerTest.ledgerWithShift();
    private final AlertWatch watch = new AlertWatch(ledger);

    private static Instant at(int minute) {
        return T0.plusSeconds(minute * 60L);
    }

    private static PositionFix fix(int minute, double metersNorth, boolean sos) {
        return new PositionFix("ana", at(minute), 47.0 + metersNorth / 111_195.0, 8.0, sos);
    }

    private static List<AlertKind> kinds(List<Alert> alerts) {
        return alerts.stream().map(Alert::kind).toList();
    }

    @Test
    void sosIsRaisedAtOnceWithThePlace() {
        List<Alert> alerts = watch.onFix(fix(3, 0, true));
        assertThat(alerts).hasSize(1);
        Alert sos = alerts.get(0);
        assertThat(sos.kind()).isEqualTo(AlertKind.SOS);
        assertThat(sos.kind().priority()).isZero();
        assertThat(sos.shiftId()).isEqualTo("s1");
        assertThat(sos.lat()).isEqualTo(47.0);
        assertThat(sos.raisedAt()).isEqualTo(at(3));
        assertThat(watch.onFix(fix(3, 0, true))).as("the same press delivered twice").isEmpty();
        assertThat(watch.onFix(fix(4, 0, true))).as("a second press").hasSize(1);
    }

    @Test
    void silenceDuringAShiftIsRaisedOnceAfterTheThreshold() {
        watch.onFix(fix(1, 0, false));
        assertThat(kinds(watch.evaluate(at(11)))).doesNotContain(AlertKind.NO_POSITIONS);
        assertThat(kinds(watch.evaluate(at(12)))).contains(AlertKind.NO_POSITIONS);
        assertThat(kinds(watch.evaluate(at(13)))).doesNotContain(AlertKind.NO_POSITIONS);
        watch.onFix(fix(14, 500, false));
        assertThat(kinds(watch.evaluate(at(25)))).as("a new silence is a new alert").contains(AlertKind.NO_POSITIONS);
    }

    @Test
    void aPhoneUploadingOldPositionsIsNotSilent() {
        // At minute 40 the phone uploads what it buffered from minute 1 to 5: the fixes are old, the phone is not silent.
        for (int minute = 1; minute <= 5; minute++) {
            watch.onFix(fix(minute, minute * 60, false));
            watch.heard("ana", at(40));
        }
        assertThat(kinds(watch.evaluate(at(41)))).doesNotContain(AlertKind.NO_POSITIONS);
        assertThat(kinds(watch.evaluate(at(50)))).doesNotContain(AlertKind.NO_POSITIONS);
        assertThat(kinds(watch.evaluate(at(51)))).containsOnlyOnce(AlertKind.NO_POSITIONS);
    }

    @Test
    void reasonsNameThePatroller() {
        AlertWatch named = new AlertWatch(ledger, id -> id.equals("ana") ? "Ana Lima" : "?");
        named.onFix(fix(1, 0, false));
        assertThat(named.onFix(fix(2, 0, true))).singleElement()
                .satisfies(a -> assertThat(a.reason()).isEqualTo("SOS from Ana Lima"));
        assertThat(named.evaluate(at(13))).filteredOn(a -> a.kind() == AlertKind.NO_POSITIONS).singleElement()
                .satisfies(a -> assertThat(a.reason()).startsWith("no positions from Ana Lima for 11 min"));
    }

    @Test
    void standingStillIsRaisedAfterTenMinutesWithinTheRadius() {
        for (int minute = 1; minute <= 10; minute++) {
            watch.onFix(fix(minute, minute % 2 == 0 ? 10 : 0, false));
        }
        assertThat(kinds(watch.evaluate(at(10)))).doesNotContain(AlertKind.STANDING_STILL);
        watch.onFix(fix(11, 5, false));
        assertThat(kinds(watch.evaluate(at(11)))).contains(AlertKind.STANDING_STILL);
    }

    @Test
    void walkingPatrollerIsNotStandingStill() {
        for (int minute = 1; minute <= 30; minute++) {
            watch.onFix(fix(minute, minute * 60, false));
        }
        assertThat(kinds(watch.evaluate(at(30)))).doesNotContain(AlertKind.STANDING_STILL, AlertKind.NO_POSITIONS);
    }

    @Test
    void offBeatIsRaisedAfterTenMinutesOutsideTheBeatAndClearedByReturning() {
        StreetVisit away = visit("ana", 4, 5, 1);
        ledger.record(away);
        watch.onVisit(away);
        watch.onFix(fix(15, 0, false));
        assertThat(kinds(watch.evaluate(at(14)))).doesNotContain(AlertKind.OFF_BEAT);
        assertThat(kinds(watch.evaluate(at(15)))).contains(AlertKind.OFF_BEAT);
        StreetVisit back = visit("ana", 0, 16, 1);
        ledger.record(back);
        watch.onVisit(back);
        assertThat(kinds(watch.evaluate(at(40)))).doesNotContain(AlertKind.OFF_BEAT);
    }

    @Test
    void roundOverdueAfterItsPlannedTimeTimesTheFactor() {
        watch.onFix(fix(24, 0, false));
        assertThat(kinds(watch.evaluate(at(25)))).doesNotContain(AlertKind.ROUND_OVERDUE);
        List<Alert> alerts = watch.evaluate(at(26));
        assertThat(kinds(alerts)).contains(AlertKind.ROUND_OVERDUE);
        assertThat(alerts.stream().filter(a -> a.kind() == AlertKind.ROUND_OVERDUE).findFirst().orElseThrow().reason())
                .isEqualTo("round 1 of beat 0 has run 26 min, planned 20 min; 0% covered");
    }

    @Test
    void streetsUnvisitedLongerThanOneAndAHalfRevisitIntervals() {
        ledger.record(visit("ana", 0, 20, 1));
        ledger.record(visit("ana", 1, 29, 1));
        watch.onFix(fix(30, 0, false));
        List<Alert> alerts = watch.evaluate(at(31));
        assertThat(alerts.stream().filter(a -> a.kind() == AlertKind.STREET_UNVISITED).map(Alert::edge))
                .containsExactlyInAnyOrder(2, 3);
        List<Alert> later = watch.evaluate(at(51));
        assertThat(later.stream().filter(a -> a.kind() == AlertKind.STREET_UNVISITED).map(Alert::edge))
                .containsExactly(0);
    }

    @Test
    void statusFollowsSignalMovementAndBeat() {
        assertThat(watch.status("ana", at(1))).isEqualTo(AlertWatch.PatrollerStatus.NO_SIGNAL);
        watch.onFix(fix(1, 0, false));
        watch.onFix(fix(2, 100, false));
        assertThat(watch.status("ana", at(2))).isEqualTo(AlertWatch.PatrollerStatus.ON_ROUND);
        watch.onFix(fix(8, 105, false));
        assertThat(watch.status("ana", at(8))).isEqualTo(AlertWatch.PatrollerStatus.STANDING);
        StreetVisit away = visit("ana", 4, 9, 1);
        watch.onVisit(away);
        assertThat(watch.status("ana", at(9))).isEqualTo(AlertWatch.PatrollerStatus.OFF_BEAT);
        assertThat(watch.status("ana", at(30))).isEqualTo(AlertWatch.PatrollerStatus.NO_SIGNAL);
    }

    @Test
    void conditionsRaisedBeforeARestartAreNotRaisedAgain() {
        watch.alreadyRaised(List.of("silent:s1:" + T0));
        assertThat(kinds(watch.evaluate(at(12)))).doesNotContain(AlertKind.NO_POSITIONS);
    }

    @Test
    void noAlertsOutsideShifts() {
        assertThat(watch.evaluate(T0.minus(Duration.ofHours(2)))).isEmpty();
        assertThat(watch.evaluate(T0.plus(Duration.ofHours(9)))).isEmpty();
    }
}
