package dev.rounds.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link MapMatcher} weighs and breaks a trace. Use {@link #defaults()} and the {@code with...}
 * methods; every value is checked when the record is made.
 *
 * @param sigmaMeters              GPS error (one standard deviation) assumed for pings without an accuracy
 * @param betaMeters               scale of the exponential transition model: how much longer than the
 *                                 straight line a route may plausibly be (Newson &amp; Krumm's beta)
 * @param searchRadiusSigmas       candidates are looked for within this many sigmas of a ping
 * @param minSearchRadiusMeters    ... but never within less than this
 * @param maxCandidates            nearest candidate edges kept per ping
 * @param stillRadiusSigmas        pings within this many sigmas of the current cluster's centre are treated
 *                                 as standing still and merged into it
 * @param maxGap                   a longer time without pings breaks the trace into parts
 * @param maxSpeedMetersPerSecond  top speed: longer routes between pings are not considered, and faster
 *                                 straight-line movement (beyond {@code jumpSlackMeters}) is a jump
 * @param jumpSlackMeters          distance always allowed between consecutive pings, whatever the time
 * @param routeSlackMeters         routes are searched up to twice the straight-line distance plus this
 * @param typicalSpeedMetersPerSecond pings less than {@code sigma / typicalSpeed} after the start of the
 *                                 current cluster (and within 3 sigma of it) are averaged into it: where
 *                                 the walker moves less than the GPS error between pings, single pings
 *                                 carry noise rather than movement
 */
public record MatchSettings(double sigmaMeters, double betaMeters, double searchRadiusSigmas,
        double minSearchRadiusMeters, int maxCandidates, double stillRadiusSigmas, Duration maxGap,
        double maxSpeedMetersPerSecond, double jumpSlackMeters, double routeSlackMeters,
        double typicalSpeedMetersPerSecond) {

    public MatchSettings {
        positive("sigmaMeters", sigmaMeters);
        positive("betaMeters", betaMeters);
        positive("searchRadiusSigmas", searchRadiusSigmas);
        positive("minSearchRadiusMeters", minSearchRadiusMeters);
        positive("maxSpeedMetersPerSecond", maxSpeedMetersPerSecond);
        positive("jumpSlackMeters", jumpSlackMeters);
        positive("routeSlackMeters", routeSlackMeters);
        positive("typicalSpeedMetersPerSecond", typicalSpeedMetersPerSecond);
        if (!(stillRadiusSigmas >= 0)) {
            throw new IllegalArgumentException("stillRadiusSigmas must be 0 or more, got " + stillRadiusSigmas);
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1, got " + maxCandidates);
        }
        Objects.requireNonNull(maxGap, "maxGap");
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maxGap must be positive, got " + maxGap);
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    /** Settings for walkers (chosen on simulated walks, see BENCHMARKS.md): sigma 10 m, beta 10 m, still radius 1 sigma, 5-minute gaps, 3 m/s top speed. */
    public static MatchSettings defaults() {
        return new MatchSettings(10, 10, 3, 25, 8, 1, Duration.ofMinutes(5), 3, 300, 150, 1.4);
    }

    public MatchSettings withSigmaMeters(double sigma) {
        return new MatchSettings(sigma, betaMeters, searchRadiusSigmas, minSearchRadiusMeters, maxCandidates,
                stillRadiusSigmas, maxGap, maxSpeedMetersPerSecond, jumpSlackMeters, routeSlackMeters,
                typicalSpeedMetersPerSecond);
    }

    public MatchSettings withBetaMeters(double beta) {
        return new MatchSettings(sigmaMeters, beta, searchRadiusSigmas, minSearchRadiusMeters, maxCandidates,
                stillRadiusSigmas, maxGap, maxSpeedMetersPerSecond, jumpSlackMeters, routeSlackMeters,
                typicalSpeedMetersPerSecond);
    }

    public MatchSettings withStillRadiusSigmas(double sigmas) {
        return new MatchSettings(sigmaMeters, betaMeters, searchRadiusSigmas, minSearchRadiusMeters, maxCandidates,
                sigmas, maxGap, maxSpeedMetersPerSecond, jumpSlackMeters, routeSlackMeters,
                typicalSpeedMetersPerSecond);
    }

    public MatchSettings withSearchRadiusSigmas(double sigmas) {
        return new MatchSettings(sigmaMeters, betaMeters, sigmas, minSearchRadiusMeters, maxCandidates,
                stillRadiusSigmas, maxGap, maxSpeedMetersPerSecond, jumpSlackMeters, routeSlackMeters,
                typicalSpeedMetersPerSecond);
    }

    public MatchSettings withMaxGap(Duration gap) {
        return new MatchSettings(sigmaMeters, betaMeters, searchRadiusSigmas, minSearchRadiusMeters, maxCandidates,
                stillRadiusSigmas, gap, maxSpeedMetersPerSecond, jumpSlackMeters, routeSlackMeters,
                typicalSpeedMetersPerSecond);
    }

    public MatchSettings withMaxSpeedMetersPerSecond(double speed) {
        return new MatchSettings(sigmaMeters, betaMeters, searchRadiusSigmas, minSearchRadiusMeters, maxCandidates,
                stillRadiusSigmas, maxGap, speed, jumpSlackMeters, routeSlackMeters,
                typicalSpeedMetersPerSecond);
    }

    public MatchSettings withMaxCandidates(int candidates) {
        return new MatchSettings(sigmaMeters, betaMeters, searchRadiusSigmas, minSearchRadiusMeters, candidates,
                stillRadiusSigmas, maxGap, maxSpeedMetersPerSecond, jumpSlackMeters, routeSlackMeters,
                typicalSpeedMetersPerSecond);
    }

    public MatchSettings withTypicalSpeedMetersPerSecond(double speed) {
        return new MatchSettings(sigmaMeters, betaMeters, searchRadiusSigmas, minSearchRadiusMeters, maxCandidates,
                stillRadiusSigmas, maxGap, maxSpeedMetersPerSecond, jumpSlackMeters, routeSlackMeters, speed);
    }

    /** The sigma to use for a ping: its own accuracy when it has one, else {@link #sigmaMeters}. */
    double sigmaFor(Ping ping) {
        return ping.hasAccuracy() ? ping.accuracyMeters() : sigmaMeters;
    }
}
