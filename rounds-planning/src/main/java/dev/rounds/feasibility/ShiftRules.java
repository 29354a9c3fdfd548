package dev.rounds.feasibility;

import java.time.Duration;

/**
 * How much patrol time a shift offers and how fast a patroller walks.
 *
 * @param shift          shift length
 * @param availableShare share of the shift spent patrolling (briefings, breaks and calls take the rest), in (0, 1]
 * @param speedKmh       patrol speed in km/h, positive
 */
public record ShiftRules(Duration shift, double availableShare, double speedKmh) {
    /** 8 h shifts, 80 % available, 4 km/h on foot. */
    public static final ShiftRules DEFAULT = new ShiftRules(Duration.ofHours(8), 0.8, 4);

    public ShiftRules {
        if (shift == null || shift.isNegative() || shift.isZero()) {
            throw new IllegalArgumentException("the shift must be longer than zero, got " + shift);
        }
        if (!(availableShare > 0 && availableShare <= 1)) {
            throw new IllegalArgumentException("the available share must be in (0, 1], got " + availableShare);
        }
        if (!(speedKmh > 0 && speedKmh < 200)) {
            throw new IllegalArgumentException("the speed must be between 0 and 200 km/h, got " + speedKmh);
        }
    }

    /** Patrol time per shift: shift × available share. */
    public Duration availableTime() {
        return Duration.ofMillis(Math.round(shift.toMillis() * availableShare));
    }

    public double speedMetersPerSecond() {
        return speedKmh / 3.6;
    }

    /** Time to walk a round of this length. */
    public Duration roundTime(double lengthMeters) {
        return Duration.ofMillis(Math.round(lengthMeters / speedMetersPerSecond() * 1000));
    }

    /** Whole rounds of this length that fit in the available time. */
    public int roundsPerShift(double lengthMeters) {
        long roundMillis = roundTime(lengthMeters).toMillis();
        return roundMillis == 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE,
                availableTime().toMillis() / roundMillis);
    }

    /** The longest round, in metres, that takes at most {@code time}. */
    public double lengthMetersWithin(Duration time) {
        return time.toMillis() / 1000.0 * speedMetersPerSecond();
    }
}
