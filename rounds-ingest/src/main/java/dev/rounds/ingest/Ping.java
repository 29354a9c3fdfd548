package dev.rounds.ingest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One position fix reported by a device. Optional measurements are {@code null} when the device
 * did not send them; attribute values are {@link String}, {@link Boolean}, {@link Long} or
 * {@link Double}.
 *
 * @param deviceId the device's identifier as the device sends it, never blank
 * @param fixTime when the position was measured (not when it arrived)
 * @param latitude WGS84 degrees
 * @param longitude WGS84 degrees
 * @param accuracyMeters horizontal accuracy radius, or {@code null}
 * @param speedMetersPerSecond ground speed, or {@code null}
 * @param bearingDegrees course over ground clockwise from north, or {@code null}
 * @param altitudeMeters altitude, or {@code null}
 * @param batteryPercent battery level 0 to 100, or {@code null}
 * @param alarm the alarm raised with this fix
 * @param attributes further fields the device sent, kept as they came
 */
public record Ping(
        String deviceId,
        Instant fixTime,
        double latitude,
        double longitude,
        Double accuracyMeters,
        Double speedMetersPerSecond,
        Double bearingDegrees,
        Double altitudeMeters,
        Double batteryPercent,
        Alarm alarm,
        Map<String, Object> attributes) {

    /** Checks the required fields and freezes the attributes. */
    public Ping {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("a ping needs a device id");
        }
        Objects.requireNonNull(fixTime, "fixTime");
        alarm = alarm == null ? Alarm.NONE : alarm;
        attributes = attributes == null || attributes.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The same ping, attributed to another device (e.g. the one that authenticated). */
    public Ping withDeviceId(String otherDeviceId) {
        return new Ping(otherDeviceId, fixTime, latitude, longitude, accuracyMeters,
                speedMetersPerSecond, bearingDegrees, altitudeMeters, batteryPercent, alarm, attributes);
    }

    /** A builder for decoders, which learn the fields one at a time. */
    public static Builder builder(String deviceId, Instant fixTime, double latitude, double longitude) {
        return new Builder(deviceId, fixTime, latitude, longitude);
    }

    /** Collects the optional fields of a {@link Ping}. */
    public static final class Builder {
        private final String deviceId;
        private final Instant fixTime;
        private final double latitude;
        private final double longitude;
        private Double accuracyMeters;
        private Double speedMetersPerSecond;
        private Double bearingDegrees;
        private Double altitudeMeters;
        private Double batteryPercent;
        private Alarm alarm = Alarm.NONE;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(String deviceId, Instant fixTime, double latitude, double longitude) {
            this.deviceId = deviceId;
            this.fixTime = fixTime;
            this.latitude = latitude;
            this.longitude = longitude;
        }

        /** Horizontal accuracy radius in metres, {@code null} if unknown. */
        public Builder accuracyMeters(Double value) {
            this.accuracyMeters = value;
            return this;
        }

        /** Ground speed in metres per second, {@code null} if unknown. */
        public Builder speedMetersPerSecond(Double value) {
            this.speedMetersPerSecond = value;
            return this;
        }

        /** Course in degrees from north, {@code null} if unknown. */
        public Builder bearingDegrees(Double value) {
            this.bearingDegrees = value;
            return this;
        }

        /** Altitude in metres, {@code null} if unknown. */
        public Builder altitudeMeters(Double value) {
            this.altitudeMeters = value;
            return this;
        }

        /** Battery level 0 to 100, {@code null} if unknown. */
        public Builder batteryPercent(Double value) {
            this.batteryPercent = value;
            return this;
        }

        /** The alarm raised with the fix. */
        public Builder alarm(Alarm value) {
            this.alarm = value;
            return this;
        }

        /** Keeps a further field; {@code null} values are left out. */
        public Builder attribute(String key, Object value) {
            if (value != null) {
                attributes.put(key, value);
            }
            return this;
        }

        /** The finished ping. */
        public Ping build() {
            return new Ping(deviceId, fixTime, latitude, longitude, accuracyMeters, speedMetersPerSecond,
                    bearingDegrees, altitudeMeters, batteryPercent, alarm, attributes);
        }
    }
}
