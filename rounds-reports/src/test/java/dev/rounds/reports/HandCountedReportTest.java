package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rounds.network.Earth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures of the hand-walked {@link TinyBlock} shift, counted by hand from its sketch. */
class HandCountedReportTest {
    final TinyBlock block = new TinyBlock();
    final PatrolReport report = block.report();

    @Test
    void roundsAndTimeOnAndOffBeat() {
        ActivityFigures p1 = report.patrollers().get(0).figures();
        assertThat(report.patrollers().get(0).patrollerId()).isEqualTo("p1");
        assertThat(p1.roundsCompleted()).isEqualTo(1);
        assertThat(p1.roundsPlanned()).isEqualTo(2);
        assertThat(p1.onBeat()).isEqualTo(Duration.ofMinutes(12));
        assertThat(p1.offBeat()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p1.standing()).isEqualTo(Duration.ofMinutes(8));
        assertThat(p1.coveredShare()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void distanceIsTheStepsBetweenFixes() {
        double expected = Earth.distanceMeters(47.0, 8.0, 47.0, 8.0013)
                + Earth.distanceMeters(47.0, 8.0013, 47.0009, 8.0013);
        assertThat(report.total().distanceMeters()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void distanceLeavesOutJitterAndJumps() {
        Instant t = TinyBlock.START;
        double north = 1 / 111_195.0;
        List<dev.rounds.coverage.PositionFix> fixes = List.of(
                new dev.rounds.coverage.PositionFix("p1", t, 47.0, 8.0, false),
                new dev.rounds.coverage.PositionFix("p1", t.plusSeconds(10), 47.0 + 4 * north, 8.0, false),
                new dev.rounds.coverage.PositionFix("p1", t.plusSeconds(20), 47.0 + 300 * north, 8.0, false),
                new dev.rounds.coverage.PositionFix("p1", t.plusSeconds(30), 47.0 + 20 * north, 8.0, false),
                new dev.rounds.coverage.PositionFix("p1", t.plusSeconds(40), 47.0 + 40 * north, 8.0, false));
        // 4 m of jitter is not a step, the 300 m jump in 20 s is passed over, then 20 m and 20 m.
        assertThat(ShiftAnalysis.distanceMeters(fixes, 15, 3)).isCloseTo(40, within(0.1));
        assertThat(ShiftAnalysis.distanceMeters(fixes, 0, Double.POSITIVE_INFINITY)).isCloseTo(4 + 296 + 280 + 20,
                within(0.2));
    }

    @Test
    void longestGapAndRevisits() {
        ActivityFigures total = report.total();
        assertThat(total.longestGap()).isEqualTo(Duration.ofMinutes(52));
        assertThat(total.longestGapEdge()).isEqualTo(3);
        assertThat(total.revisits().count()).isEqualTo(2);
        assertThat(total.revisits().p10()).isEqualTo(Duration.ofMinutes(10));
        assertThat(total.revisits().p50()).isEqualTo(Duration.ofMinutes(10));
        assertThat(total.revisits().p90()).isEqualTo(Duration.ofMinutes(16));
        assertThat(total.revisits().max()).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void streetEffortAndNeverVisited() {
        StreetFigures deadEnd = report.streets().get(1);
        assertThat(deadEnd.visits()).isEqualTo(2);
        assertThat(deadEnd.timeSpent()).isEqualTo(Duration.ofMinutes(2));
        assertThat(deadEnd.metersWalked()).isCloseTo(2 * block.network.edgeLengthMeters(1), within(1e-9));
        assertThat(deadEnd.longestGap()).as("no shift on beat 1").isNull();
        assertThat(report.streets().get(3).longestGap()).isEqualTo(Duration.ofMinutes(52));
        assertThat(report.streets().get(0).longestGap()).isEqualTo(Duration.ofMinutes(48));
        assertThat(report.neverVisited()).isEmpty();
        assertThat(report.coverageByHour()).hasSize(1);
        assertThat(report.coverageByHour().get(0).coveredShare()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void alertsAndTheirAcknowledgement() {
        AlertTally alerts = report.total().alerts();
        assertThat(alerts.raised()).isEqualTo(2);
        assertThat(alerts.acknowledged()).isEqualTo(1);
        assertThat(alerts.open()).isEqualTo(1);
        assertThat(alerts.medianToAcknowledge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(report.alerts()).extracting(ReportAlert::comment)
                .containsExactly("radio: road blocked, detour", "");
    }

    @Test
    void aShiftThatStartsOutsideThePeriodIsLeftOut() {
        PatrolReport later = new ReportBuilder().build(block.input(TinyBlock.at(1), TinyBlock.at(600)));
        assertThat(later.hasData()).isFalse();
        assertThat(later.neverVisited()).hasSize(block.network.edgeCount());
    }

    @Test
    void wrongInputIsRefusedWithAMessage() {
        Instant start = TinyBlock.START;
        assertThatThrownBy(() -> block.input(start, start)).hasMessageContaining("must end after it starts");
        assertThatThrownBy(() -> block.input(start, start.plusSeconds(60)).forBeat(7))
                .hasMessageContaining("no beat 7");
        assertThatThrownBy(() -> new ShiftData(block.shift, List.of(), List.of(new dev.rounds.coverage.PositionFix(
                "someone-else", start, 47, 8, false)), List.of())).hasMessageContaining("group fixes by patroller");
        assertThatThrownBy(() -> ReportFormat.named("docx")).hasMessageContaining("choose one of: csv, geojson");
        assertThat(Map.of("pdf", ReportFormat.named("PDF"))).containsValue(ReportFormat.PDF);
    }
}
