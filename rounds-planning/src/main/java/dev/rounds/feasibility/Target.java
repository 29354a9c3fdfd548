package dev.rounds.feasibility;

import java.time.Duration;
import java.util.Locale;

/**
 * What the commander asks for: at least N rounds of every beat per shift, or every street visited
 * again within M minutes. Either way it sets the longest round time a beat may have.
 */
public final class Target {
    private final int roundsPerShift;
    private final Duration maxRevisit;

    private Target(int roundsPerShift, Duration maxRevisit) {
        this.roundsPerShift = roundsPerShift;
        this.maxRevisit = maxRevisit;
    }

    /** At least {@code rounds} (≥ 1) whole rounds of every beat per shift. */
    public static Target roundsPerShift(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("the target must be at least 1 round a shift, got " + rounds);
        }
        return new Target(rounds, null);
    }

    /** Every street visited again within {@code interval} (positive): the round time. */
    public static Target maxRevisit(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the revisit interval must be positive, got " + interval);
        }
        return new Target(0, interval);
    }

    public boolean isRoundsPerShift() {
        return maxRevisit == null;
    }

    /** The rounds target, or 0 for a revisit target. */
    public int roundsPerShift() {
        return roundsPerShift;
    }

    /** The revisit target, or null for a rounds target. */
    public Duration maxRevisit() {
        return maxRevisit;
    }

    /** The longest round time that meets the target under these rules. */
    public Duration maxRoundTime(ShiftRules rules) {
        return isRoundsPerShift() ? rules.availableTime().dividedBy(roundsPerShift) : maxRevisit;
    }

    /** Whether a plan whose longest round takes {@code longest} meets the target. */
    public boolean isMetBy(Duration longest, ShiftRules rules) {
        return isRoundsPerShift() ? rules.availableTime().toMillis() / Math.max(1, longest.toMillis()) >= roundsPerShift
                : longest.compareTo(maxRevisit) <= 0;
    }

    /** "100 rounds a shift" or "a revisit every 20 min". */
    public String describe() {
        return isRoundsPerShift() ? roundsPerShift + (roundsPerShift == 1 ? " round a shift" : " rounds a shift")
                : String.format(Locale.ROOT, "a revisit every %s", Minutes.format(maxRevisit));
    }

    @Override
    public String toString() {
        return describe();
    }
}
