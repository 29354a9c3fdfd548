package dev.rounds.matching;

import dev.rounds.network.LocalProjection;

/**
 * The cluster being grown while pings stay near its running centre: the walker stands still, or
 * moves less than the GPS error can resolve. Its anchor is the centre, so a turn-back point is found
 * to within the still radius ({@code stillRadiusSigmas} sigmas) and no closer.
 */
final class PingCluster {
    private final double sigmaMeters;
    private final double radiusMeters;
    private final long firstMillis;
    private long lastMillis;
    private double sumX;
    private double sumY;
    private int count;

    PingCluster(double x, double y, long millis, double sigmaMeters, double radiusMeters) {
        this.sigmaMeters = sigmaMeters;
        this.radiusMeters = radiusMeters;
        this.firstMillis = millis;
        add(x, y, millis);
    }

    /** True when a ping at (x, y) is close enough to the centre to count as standing still. */
    boolean holds(double x, double y) {
        return Math.hypot(x - sumX / count, y - sumY / count) <= radiusMeters;
    }

    void add(double x, double y, long millis) {
        sumX += x;
        sumY += y;
        count++;
        lastMillis = millis;
    }

    long lastMillis() {
        return lastMillis;
    }

    Anchor toAnchor(LocalProjection projection) {
        double x = sumX / count;
        double y = sumY / count;
        return new Anchor(x, y, projection.lat(y), projection.lon(x), sigmaMeters, firstMillis, lastMillis, count);
    }
}
