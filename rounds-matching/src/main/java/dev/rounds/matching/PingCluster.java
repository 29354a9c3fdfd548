package dev.rounds.matching;

import dev.rounds.network.LocalProjection;

/**
 * The cluster being grown while pings stay near its running centre: the walker stands still, or
 * moves less than the GPS error can resolve. Its anchor is the centre, so a turn-back point is found
 * to within the still radius ({@code stillRadiusSigmas} sigmas) and no closer. Pings that follow the
 * first within {@code sigma / typicalSpeed} are averaged in as well (unless farther than 3 sigma):
 * with dense pings and a large error, averaging removes noise that would otherwise read as movement.
 */
final class PingCluster {
    private final double sigmaMeters;
    private final double radiusMeters;
    private final long firstMillis;
    private long lastMillis;
    private double sumX;
    private double sumY;
    private int count;

    /** Pings this soon after the first are averaged in even beyond the radius (within 3 sigma). */
    private final long windowMillis;

    PingCluster(double x, double y, long millis, double sigmaMeters, double radiusMeters, long windowMillis) {
        this.sigmaMeters = sigmaMeters;
        this.radiusMeters = radiusMeters;
        this.windowMillis = windowMillis;
        this.firstMillis = millis;
        add(x, y, millis);
    }

    /**
     * True when a ping at (x, y) is close enough to the centre to count as standing still, or comes
     * so soon after the cluster started that its difference is mostly GPS noise.
     */
    boolean holds(double x, double y, long millis) {
        double distance = Math.hypot(x - sumX / count, y - sumY / count);
        return distance <= radiusMeters
                || (millis - firstMillis < windowMillis && distance <= OUTLIER_SIGMAS * sigmaMeters);
    }

    private static final double OUTLIER_SIGMAS = 3;

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
