package dev.rounds.ingest.stages;

import java.time.Duration;

/**
 * What the plausibility check accepts.
 *
 * @param maxFutureSkew how far ahead of the server's clock a fix time may be (phones' clocks drift)
 * @param maxAccuracyMeters the worst accuracy radius kept
 * @param maxSpeedMetersPerSecond the highest reported speed kept
 */
public record PlausibilityLimits(Duration maxFutureSkew, double maxAccuracyMeters, double maxSpeedMetersPerSecond) {
    /** Checks the limits are usable. */
    public PlausibilityLimits {
        if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must be zero or positive");
        }
        if (!(maxAccuracyMeters > 0) || !(maxSpeedMetersPerSecond > 0)) {
            throw new IllegalArgumentException("maxAccuracyMeters and maxSpeedMetersPerSecond must be positive");
        }
    }

    /** Five minutes of clock skew, 200 m accuracy, 70 m/s (a car on a motorway, not a plane). */
    public static PlausibilityLimits defaults() {
        return new PlausibilityLimits(Duration.ofMinutes(5), 200.0, 70.0);
    }
}
