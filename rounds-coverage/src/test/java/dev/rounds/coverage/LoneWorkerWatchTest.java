package dev.rounds.coverage;

import static dev.rounds.coverage.CoverageLedgerTest.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lone-worker check with fixed times: ask after 20 min within 25 m, answer within 5 min. */
class LoneWorkerWatchTest {
    private static final Shift ANA = new Shift("s1", "ana", 0, T0, T0.plus(Duration.ofHours(8)));
    private static final Shift BEN_EARLY = new Shift("s0", "ben", 1, T0.minus(Duration.ofHours(8)), T0);

    private final LoneWorkerWatch watch = new LoneWorkerWatch(Duration.ofMinutes(20), Duration.ofMinutes(5), 25);

    private static Instant at(int minute) {
        return T0.plusSeconds(minute * 60L);
    }

    private static PositionFix fix(String who, int minute, double metersNorth) {
        return new PositionFix(who, at(minute), 47.0 + metersNorth / 111_195.0, 8.0, false);
    }

    /** Fixes every minute from {@code from} to {@code to}, within a few meters of {@code metersNorth}. */
    private void stand(String who, int from, int to, double metersNorth) {
        for (int minute = from; minute <= to; minute++) {
            watch.onFix(fix(who, minute, metersNorth + (minute % 2) * 10));
        }
    }

    @Test
    void askedAfterExactlyTheStandingTimeNotBefore() {
        stand("ana", 0, 19, 0);
        assertThat(watch.evaluate(at(19), List.of(ANA))).isEmpty();
        assertThat(watch.evaluate(at(20), List.of(ANA))).as("the last fix is the evidence, and it is 19 min")
                .isEmpty();
        stand("ana", 20, 20, 0);
        assertThat(watch.evaluate(at(20), List.of(ANA)))
                .containsExactly(new WellbeingCheck("ana", at(20), at(25)));
        assertThat(watch.pending("ana")).contains(new WellbeingCheck("ana", at(20), at(25)));
        stand("ana", 21, 24, 0);
        assertThat(watch.evaluate(at(24), List.of(ANA))).as("one open check at a time").isEmpty();
    }

    @Test
    void movingResetsTheStandingTime() {
        stand("ana", 0, 15, 0);
        stand("ana", 16, 35, 100);
        assertThat(watch.evaluate(at(35), List.of(ANA))).isEmpty();
        stand("ana", 36, 36, 100);
        assertThat(watch.evaluate(at(36), List.of(ANA))).hasSize(1);
    }

    @Test
    void aLateFixOlderThanTheNewestDoesNotMoveTheAnchorBack() {
        stand("ana", 0, 10, 0);
        watch.onFix(fix("ana", 5, 500));
        stand("ana", 11, 20, 0);
        assertThat(watch.evaluate(at(20), List.of(ANA))).hasSize(1);
    }

    @Test
    void movingBeforeTheAnswerIsDueClearsTheCheck() {
        stand("ana", 0, 20, 0);
        watch.evaluate(at(20), List.of(ANA));
        watch.onFix(fix("ana", 22, 200));
        assertThat(watch.pending("ana")).isEmpty();
        assertThat(watch.unanswered(at(30))).isEmpty();
    }

    @Test
    void anAnswerClearsTheCheckAndRestartsTheTimer() {
        stand("ana", 0, 20, 0);
        watch.evaluate(at(20), List.of(ANA));
        assertThat(watch.answer("ana", at(22))).isTrue();
        assertThat(watch.answer("ana", at(22))).as("nothing open any more").isFalse();
        assertThat(watch.pending("ana")).isEmpty();
        stand("ana", 21, 41, 0);
        assertThat(watch.evaluate(at(41), List.of(ANA))).isEmpty();
        stand("ana", 42, 42, 0);
        assertThat(watch.evaluate(at(42), List.of(ANA))).containsExactly(new WellbeingCheck("ana", at(42), at(47)));
        assertThat(watch.unanswered(at(30))).isEmpty();
    }

    @Test
    void noAnswerRaisesOneTopPriorityAlertAtTheDeadline() {
        stand("ana", 0, 20, 0);
        watch.evaluate(at(20), List.of(ANA));
        assertThat(watch.unanswered(at(25).minusMillis(1))).isEmpty();
        List<Alert> alerts = watch.unanswered(at(26));
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.NO_ANSWER);
            assertThat(alert.kind().priority()).isZero();
            assertThat(alert.key()).isEqualTo("no-answer:ana:" + at(20));
            assertThat(alert.raisedAt()).isEqualTo(at(25));
            assertThat(alert).extracting(Alert::shiftId, Alert::patrollerId, Alert::beat, Alert::edge, Alert::lat,
                    Alert::lon).containsExactly("s1", "ana", 0, -1, 47.0, 8.0);
            assertThat(alert.reason()).isEqualTo("ana has not answered the lone-worker check asked at 08:20 (answer"
                    + " due by 08:25; within 25 m since 08:00)");
        });
        assertThat(watch.unanswered(at(40))).isEmpty();
        watch.onFix(fix("ana", 41, 300));
        assertThat(watch.pending("ana")).as("open until answered once the deadline passed").isPresent();
        assertThat(watch.answer("ana", at(42))).isTrue();
    }

    @Test
    void patrollersNotOnShiftAreNeverAsked() {
        stand("ben", 0, 60, 0);
        stand("ana", 0, 60, 0);
        assertThat(watch.evaluate(at(60), List.of(ANA))).extracting(WellbeingCheck::patrollerId)
                .containsExactly("ana");
        assertThat(watch.evaluate(at(60), List.of(BEN_EARLY))).as("ben's shift ended at 08:00").isEmpty();
        assertThat(watch.pending("ben")).isEmpty();
        assertThat(watch.answer("ben", at(61))).isFalse();
    }

    @Test
    void standingBeforeTheShiftDoesNotCount() {
        Shift late = new Shift("s2", "ana", 0, at(30), at(120));
        stand("ana", 0, 49, 0);
        assertThat(watch.evaluate(at(49), List.of(late))).isEmpty();
        stand("ana", 50, 50, 0);
        assertThat(watch.evaluate(at(50), List.of(late))).hasSize(1);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new LoneWorkerWatch(Duration.ZERO, Duration.ofMinutes(5), 25))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new LoneWorkerWatch(Duration.ofMinutes(20), Duration.ofMinutes(5), 0))
                .hasMessageContaining("positive number of meters");
    }
}
