package dev.rounds.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.ingest.Alarm;
import dev.rounds.ingest.DecodedMessage;
import dev.rounds.ingest.DeviceRequest;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Rounds' own JSON batch, for phones that upload hours of buffered positions at once:
 * {@code {"deviceId": "...", "pings": [{"time": ISO or epoch, "lat", "lon", "accuracyMeters",
 * "speedMetersPerSecond", "bearingDegrees", "altitudeMeters", "batteryPercent", "alarm",
 * "attributes": {...}}]}}.
 */
public final class BatchDecoder implements PingDecoder {
    private final int maxPings;

    /** A decoder refusing batches of more than {@code maxPings} pings. */
    public BatchDecoder(int maxPings) {
        if (maxPings < 1) {
            throw new IllegalArgumentException("maxPings must be at least 1, got " + maxPings);
        }
        this.maxPings = maxPings;
    }

    @Override
    public String protocol() {
        return "batch";
    }

    @Override
    public DecodedMessage decode(DeviceRequest request) {
        JsonNode root = JsonValues.parse(request.body());
        String deviceId = JsonValues.text(root, "deviceId");
        if (deviceId == null) {
            throw new MessageRefusedException(DropReason.MISSING_DEVICE, "no device: send 'deviceId'");
        }
        JsonNode items = root.get("pings");
        if (items == null || !items.isArray()) {
            throw new MessageRefusedException(DropReason.MISSING_FIELD, "field 'pings' (an array) is required");
        }
        if (items.size() > maxPings) {
            throw new MessageRefusedException(DropReason.MALFORMED_BODY,
                    "too many pings in one batch: " + items.size() + ", send at most " + maxPings);
        }
        List<Ping> pings = new ArrayList<>(items.size());
        items.forEach(item -> pings.add(ping(deviceId, item)));
        return new DecodedMessage(deviceId, pings);
    }

    private static Ping ping(String deviceId, JsonNode item) {
        JsonNode time = item.get("time");
        if (time == null || time.isNull()) {
            throw new MessageRefusedException(DropReason.MISSING_FIELD, "every ping needs a 'time'");
        }
        Ping.Builder ping = Ping.builder(deviceId,
                time.isNumber() ? FixTimes.fromEpoch("time", time.doubleValue()) : FixTimes.parse("time", time.asText()),
                JsonValues.requiredNumber(item, "lat"), JsonValues.requiredNumber(item, "lon"))
                .accuracyMeters(JsonValues.number(item, "accuracyMeters"))
                .speedMetersPerSecond(JsonValues.number(item, "speedMetersPerSecond"))
                .bearingDegrees(JsonValues.number(item, "bearingDegrees"))
                .altitudeMeters(JsonValues.number(item, "altitudeMeters"))
                .batteryPercent(JsonValues.number(item, "batteryPercent"))
                .alarm(Alarm.fromName(JsonValues.text(item, "alarm")));
        item.path("attributes").fields().forEachRemaining(e -> ping.attribute(e.getKey(), JsonValues.scalar(e.getValue())));
        return ping.build();
    }
}
