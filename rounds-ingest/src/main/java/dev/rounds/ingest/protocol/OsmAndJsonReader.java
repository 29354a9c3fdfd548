package dev.rounds.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.ingest.DecodedMessage;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import dev.rounds.ingest.Ping;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON variant of OsmAnd, as sent by apps built on the background-geolocation library:
 * {@code {"device_id": ..., "location": {...} or [...]}} with {@code coords} in SI units.
 */
final class OsmAndJsonReader {

    DecodedMessage read(byte[] body) {
        JsonNode root = JsonValues.parse(body);
        String deviceId = JsonValues.text(root, "device_id");
        if (deviceId == null) {
            throw new MessageRefusedException(DropReason.MISSING_DEVICE, "no device: send 'device_id'");
        }
        JsonNode location = root.get("location");
        if (location == null || !(location.isObject() || location.isArray())) {
            throw new MessageRefusedException(DropReason.MISSING_FIELD, "field 'location' (object or array) is required");
        }
        List<Ping> pings = new ArrayList<>();
        if (location.isArray()) {
            location.forEach(item -> pings.add(ping(deviceId, item)));
        } else {
            pings.add(ping(deviceId, location));
        }
        return new DecodedMessage(deviceId, pings);
    }

    private static Ping ping(String deviceId, JsonNode location) {
        JsonNode coords = location.path("coords");
        String time = JsonValues.text(location, "timestamp");
        if (time == null) {
            throw new MessageRefusedException(DropReason.MISSING_FIELD, "field 'location.timestamp' is required");
        }
        Ping.Builder ping = Ping.builder(deviceId, FixTimes.parse("location.timestamp", time),
                JsonValues.requiredNumber(coords, "latitude"), JsonValues.requiredNumber(coords, "longitude"))
                .accuracyMeters(OsmAndDecoder.nonNegative(JsonValues.number(coords, "accuracy")))
                .speedMetersPerSecond(OsmAndDecoder.nonNegative(JsonValues.number(coords, "speed")))
                .bearingDegrees(OsmAndDecoder.nonNegative(JsonValues.number(coords, "heading")))
                .altitudeMeters(JsonValues.number(coords, "altitude"))
                .batteryPercent(batteryPercent(location.path("battery")));
        ping.attribute("is_moving", scalarOrNull(location.get("is_moving")));
        ping.attribute("event", JsonValues.text(location, "event"));
        ping.attribute("odometer", scalarOrNull(location.get("odometer")));
        ping.attribute("activity", JsonValues.text(location.path("activity"), "type"));
        location.path("extras").fields().forEachRemaining(e -> ping.attribute(e.getKey(), JsonValues.scalar(e.getValue())));
        return ping.build();
    }

    /** The library sends a level 0 to 1, and -1 when unknown. */
    private static Double batteryPercent(JsonNode battery) {
        Double level = JsonValues.number(battery, "level");
        return level == null || level < 0 ? null : level * 100.0;
    }

    private static Object scalarOrNull(JsonNode node) {
        return node == null ? null : JsonValues.scalar(node);
    }
}
