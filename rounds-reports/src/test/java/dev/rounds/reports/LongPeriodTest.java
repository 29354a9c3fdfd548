package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rounds.network.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report over two weeks streamed from a source that simulates each shift when asked (as a
 * database cursor would read it): every shift is reported once, progress is told per shift, the
 * per-day comparison has one row per day, and the days add up to the total.
 */
class LongPeriodTest {
    static final int DAYS = 14;

    @Test
    void twoWeeksStreamShiftByShiftAndTheDaysAddUp() {
        SimulatedPatrols town = SimulatedPatrols.twoDays();
        int[] handedOut = {0};
        List<Long> progress = new ArrayList<>();
        ProgressListener listener = (stage, done, total) -> progress.add(done);
        ReportInput input = new ReportInput(town.network, town.area, SimulatedPatrols.DAY_ONE,
                SimulatedPatrols.DAY_ONE.plus(Duration.ofDays(DAYS)), null, null,
                town.lazySource(5, DAYS, handedOut));
        long started = System.nanoTime();
        PatrolReport report = new ReportBuilder(ReportSettings.DEFAULTS, listener).build(input);
        System.out.printf("LongPeriodTest: %d shifts simulated and reported in %d ms%n", handedOut[0],
                (System.nanoTime() - started) / 1_000_000);
        assertThat(handedOut[0]).isEqualTo(DAYS * SimulatedPatrols.PATROLLERS);
        assertThat(progress).hasSize(handedOut[0]).last().isEqualTo((long) handedOut[0]);
        assertThat(report.days()).as("every calendar day of the period, from 06:00 to 06:00").hasSize(DAYS + 1);
        assertThat(report.days()).filteredOn(d -> d.shifts() > 0).hasSize(DAYS);
        assertThat(report.days().stream().mapToInt(DayFigures::roundsCompleted).sum())
                .isEqualTo(report.total().roundsCompleted());
        assertThat(report.days().stream().mapToDouble(DayFigures::distanceMeters).sum())
                .isCloseTo(report.total().distanceMeters(), within(1e-3));
        assertThat(report.days().stream().mapToDouble(DayFigures::coveredMeters).sum())
                .isCloseTo(report.total().coveredMeters(), within(1e-3));
        assertThat(report.patrollers()).allSatisfy(p -> assertThat(p.figures().shifts()).isEqualTo(DAYS));
    }
}
