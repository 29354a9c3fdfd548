package dev.rounds.simulation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Formats a ping as the Traccar Client app sends it in the OsmAnd protocol: a query string with
 * {@code id}, {@code timestamp} (epoch seconds), {@code lat}, {@code lon}, {@code speed} (knots),
 * {@code bearing}, {@code altitude}, {@code accuracy}, {@code batt} and, for an alarm,
 * {@code alarm=sos}; plus {@code key} when the server asks for a device key.
 */
public final class OsmAndRequest {
    private static final double KNOTS_PER_MPS = 1.943844;

    private OsmAndRequest() {
    }

    public static String query(SimulatedPing ping, String deviceKey) {
        StringBuilder q = new StringBuilder();
        q.append("id=").append(URLEncoder.encode(ping.deviceId(), StandardCharsets.UTF_8));
        q.append("&timestamp=").append(ping.fixTime().getEpochSecond());
        q.append(String.format(Locale.ROOT, "&lat=%.7f&lon=%.7f", ping.lat(), ping.lon()));
        q.append(String.format(Locale.ROOT, "&speed=%.2f", ping.speedMps() * KNOTS_PER_MPS));
        q.append(String.format(Locale.ROOT, "&bearing=%.0f&altitude=0&accuracy=%.0f", ping.bearingDegrees(),
                ping.accuracyMeters()));
        q.append("&batt=").append(ping.batteryPercent());
        if (ping.sos()) {
            q.append("&alarm=sos");
        }
        if (deviceKey != null) {
            q.append("&key=").append(URLEncoder.encode(deviceKey, StandardCharsets.UTF_8));
        }
        return q.toString();
    }
}
