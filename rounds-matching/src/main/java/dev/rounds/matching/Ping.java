package dev.rounds.matching;

import java.time.Instant;
import java.util.Objects;

/**
 * One GPS position report of a device: where, when, and how accurate the phone believes it is.
 *
 * @param lat            latitude in degrees (WGS84)
 * @param lon            longitude in degrees (WGS84)
 * @param time           when the position was taken
 * @param accuracyMeters the phone's horizontal accuracy (one standard deviation) in metres, or
 *                       {@link Double#NaN} when the device did not report one
 */
public record Ping(double lat, double lon, Instant time, double accuracyMeters) {
    public Ping {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a position: " + lat + "," + lon
                    + " (latitude must be within -90..90 and longitude within -180..180)");
        }
        Objects.requireNonNull(time, "a ping needs a time");
        if (!Double.isNaN(accuracyMeters) && !(accuracyMeters > 0 && accuracyMeters < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("accuracy must be a positive number of metres, got " + accuracyMeters);
        }
    }

    /** A ping without a reported accuracy. */
    public static Ping of(double lat, double lon, Instant time) {
        return new Ping(lat, lon, time, Double.NaN);
    }

    public boolean hasAccuracy() {
        return !Double.isNaN(accuracyMeters);
    }
}
