package dev.rounds.simulation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code speed} times faster than a base clock from a start instant, so that a
 * whole shift plays out in minutes; the server and the simulator share it for a demo run.
 */
public final class SimulationClock extends Clock {
    private final Clock base;
    private Instant baseStart;
    private Instant simulatedStart;
    private double speed;

    public SimulationClock(Clock base, Instant simulatedStart, double speed) {
        checkSpeed(speed);
        this.base = base;
        this.baseStart = base.instant();
        this.simulatedStart = simulatedStart;
        this.speed = speed;
    }

    private static void checkSpeed(double speed) {
        if (!(speed >= 1 && speed <= 10_000)) {
            throw new IllegalArgumentException("the speed-up must be between 1 and 10000, got " + speed);
        }
    }

    /** Runs on from the current simulated instant at another speed. */
    public synchronized void changeSpeed(double newSpeed) {
        checkSpeed(newSpeed);
        Instant now = instant();
        baseStart = base.instant();
        simulatedStart = now;
        speed = newSpeed;
    }

    /** Starts now and runs {@code speed} times faster than the system clock. */
    public static SimulationClock startingNow(double speed) {
        Clock system = Clock.systemUTC();
        return new SimulationClock(system, system.instant(), speed);
    }

    public synchronized double speed() {
        return speed;
    }

    /** Real time that passes while simulated time advances by {@code simulated}. */
    public synchronized Duration realTimeFor(Duration simulated) {
        return Duration.ofNanos((long) (simulated.toNanos() / speed));
    }

    @Override
    public synchronized Instant instant() {
        long realNanos = Duration.between(baseStart, base.instant()).toNanos();
        return simulatedStart.plusNanos((long) (realNanos * speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the simulation clock runs in UTC");
        }
        return this;
    }
}
