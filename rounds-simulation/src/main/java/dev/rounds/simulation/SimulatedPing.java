package dev.rounds.simulation;

import java.time.Instant;

/**
 * A position as the phone reports it: when it was taken ({@code fixTime}) and when it reaches the
 * server ({@code deliverAt}, later after a signal loss).
 */
public record SimulatedPing(
        String deviceId,
        Instant fixTime,
        Instant deliverAt,
        double lat,
        double lon,
        double accuracyMeters,
        double speedMps,
        double bearingDegrees,
        int batteryPercent,
        boolean sos) {
}
