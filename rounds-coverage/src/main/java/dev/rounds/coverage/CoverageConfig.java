package dev.rounds.coverage;

import java.time.Duration;

/**
 * Thresholds for round completion and alerts.
 *
 * @param roundCompleteShare    share of a beat's street length that completes a round (default 0.95)
 * @param unvisitedFactor       a street alerts when unvisited longer than its revisit interval times this (1.5)
 * @param standingStill         how long a patroller may stay within {@code standingRadiusMeters} (10 min)
 * @param standingRadiusMeters  radius that counts as not moving (25 m)
 * @param offBeat               how long a patroller may walk outside their beat (10 min)
 * @param noPositions           silence during a shift that alerts (10 min)
 * @param roundOverdueFactor    a round alerts when it takes longer than its planned time times this (1.25)
 */
public record CoverageConfig(
        double roundCompleteShare,
        double unvisitedFactor,
        Duration standingStill,
        double standingRadiusMeters,
        Duration offBeat,
        Duration noPositions,
        double roundOverdueFactor) {

    public static final CoverageConfig DEFAULTS = new CoverageConfig(0.95, 1.5, Duration.ofMinutes(10), 25,
            Duration.ofMinutes(10), Duration.ofMinutes(10), 1.25);

    public CoverageConfig {
        if (!(roundCompleteShare > 0 && roundCompleteShare <= 1)) {
            throw new IllegalArgumentException("roundCompleteShare must be within (0, 1], got " + roundCompleteShare);
        }
        if (!(unvisitedFactor >= 1) || !(roundOverdueFactor >= 1)) {
            throw new IllegalArgumentException("alert factors must be at least 1, got unvisited " + unvisitedFactor
                    + " and round overdue " + roundOverdueFactor);
        }
        if (!(standingRadiusMeters > 0)) {
            throw new IllegalArgumentException("standingRadiusMeters must be positive, got " + standingRadiusMeters);
        }
        for (Duration d : new Duration[] {standingStill, offBeat, noPositions}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("alert durations must be positive, got " + d);
            }
        }
    }
}
