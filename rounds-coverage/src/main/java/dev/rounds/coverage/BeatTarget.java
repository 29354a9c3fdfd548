package dev.rounds.coverage;

import java.time.Duration;

/**
 * What the plan asks of one beat: how long its round takes (also the planned revisit interval of
 * each of its streets) and how many rounds a shift should complete.
 */
public record BeatTarget(Duration roundDuration, int roundsPerShift) {
    public BeatTarget {
        if (roundDuration == null || roundDuration.isNegative() || roundDuration.isZero()) {
            throw new IllegalArgumentException("a beat's round duration must be positive, got " + roundDuration);
        }
        if (roundsPerShift < 0) {
            throw new IllegalArgumentException("rounds per shift cannot be negative, got " + roundsPerShift);
        }
    }
}
