package dev.rounds.simulation;

import java.time.Duration;

/**
 * What the patroller's phone does: how often it takes a fix, how wrong the fixes are (a slowly
 * drifting error plus independent noise and rare jumps), how often the signal drops (fixes are then
 * buffered and uploaded together when it returns) and how often an SOS is pressed.
 *
 * @param interval            time between fixes
 * @param noiseSigmaMeters    independent error per fix, per axis
 * @param driftSigmaMeters    slowly varying error, per axis
 * @param driftCorrelation    how long the drift takes to change (first-order Gauss-Markov time constant)
 * @param outlierChance       chance that a fix jumps away
 * @param outlierMeters       how far a jump goes
 * @param dropoutsPerHour     mean number of signal losses per hour
 * @param meanDropout         mean length of a signal loss
 * @param sosPerHour          mean SOS presses per hour (0 for none)
 */
public record PhoneModel(
        Duration interval,
        double noiseSigmaMeters,
        double driftSigmaMeters,
        Duration driftCorrelation,
        double outlierChance,
        double outlierMeters,
        double dropoutsPerHour,
        Duration meanDropout,
        double sosPerHour) {

    /** A typical phone in town: a fix every 10 s, about 8 m error, a signal loss every two hours. */
    public static final PhoneModel TYPICAL = new PhoneModel(Duration.ofSeconds(10), 4, 5, Duration.ofMinutes(2), 0.01,
            80, 0.5, Duration.ofMinutes(4), 0.02);

    /** A perfect phone: exact fixes, never a lost signal, no SOS. */
    public static final PhoneModel PERFECT = new PhoneModel(Duration.ofSeconds(10), 0, 0, Duration.ofMinutes(2), 0, 0,
            0, Duration.ofMinutes(1), 0);

    public PhoneModel {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("fix interval must be positive, got " + interval);
        }
        if (noiseSigmaMeters < 0 || driftSigmaMeters < 0 || outlierMeters < 0) {
            throw new IllegalArgumentException("GPS errors cannot be negative");
        }
        if (!(outlierChance >= 0 && outlierChance <= 1) || dropoutsPerHour < 0 || sosPerHour < 0) {
            throw new IllegalArgumentException("chances and rates cannot be negative (chance at most 1)");
        }
    }

    /** The same phone with another fix interval. */
    public PhoneModel withInterval(Duration newInterval) {
        return new PhoneModel(newInterval, noiseSigmaMeters, driftSigmaMeters, driftCorrelation, outlierChance,
                outlierMeters, dropoutsPerHour, meanDropout, sosPerHour);
    }
}
