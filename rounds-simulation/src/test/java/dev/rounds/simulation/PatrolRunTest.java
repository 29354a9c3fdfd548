package dev.rounds.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pings go out when the clock reaches their delivery time, in delivery order; the clock runs faster. */
class PatrolRunTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void pingsAreSentWhenDueAndBufferedOnesTogether() {
        Instant t0 = PatrolSimulatorTest.START;
        PhoneModel flaky = new PhoneModel(Duration.ofSeconds(10), 0, 0, Duration.ofMinutes(1), 0, 0, 6,
                Duration.ofMinutes(5), 0);
        SimulatedPatrol patrol = new PatrolSimulator(PatrolSimulatorTest.block(), WalkerBehaviour.EXACT, flaky, 3)
                .simulate("p", PatrolSimulatorTest.blockRound(), 0, t0, t0.plus(Duration.ofHours(1)));
        HandClock clock = new HandClock(t0);
        List<SimulatedPing> received = new ArrayList<>();
        PatrolRun run = new PatrolRun(List.of(patrol), clock, ping -> received.add(ping));
        run.deliverDue();
        assertThat(received).isEmpty();
        clock.now = t0.plus(Duration.ofMinutes(30));
        run.deliverDue();
        long due = patrol.pings().stream().filter(p -> !p.deliverAt().isAfter(clock.now)).count();
        assertThat(received).hasSize((int) due);
        assertThat(received).allMatch(p -> !p.deliverAt().isAfter(clock.now));
        clock.now = t0.plus(Duration.ofHours(2));
        run.deliverDue();
        assertThat(received).containsExactlyElementsOf(patrol.pings());
        assertThat(run.sent()).isEqualTo(patrol.pings().size());
        assertThat(run.accepted()).isEqualTo(run.sent());
        assertThat(run.remaining()).isZero();
        run.close();
    }

    @Test
    void simulationClockRunsFasterByItsSpeed() {
        HandClock wall = new HandClock(Instant.parse("2026-11-29T10:00:00Z"));
        SimulationClock simulated = new SimulationClock(wall, Instant.parse("2026-11-29T08:00:00Z"), 60);
        assertThat(simulated.instant()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        wall.now = wall.now.plusSeconds(30);
        assertThat(simulated.instant()).isEqualTo(Instant.parse("2026-11-29T08:30:00Z"));
        assertThat(simulated.realTimeFor(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
        simulated.changeSpeed(2);
        wall.now = wall.now.plusSeconds(30);
        assertThat(simulated.instant()).isEqualTo(Instant.parse("2026-11-29T08:31:00Z"));
    }
}
