package dev.rounds.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.ingest.DecodedMessage;
import dev.rounds.ingest.DeviceRequest;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingDecoder;
import java.util.List;
import java.util.Set;

/**
 * The OwnTracks app in HTTP mode: a JSON message per POST. {@code _type=location} carries a fix
 * ({@code lat}, {@code lon}, {@code tst} epoch s, {@code acc} m, {@code vel} km/h, {@code cog},
 * {@code alt}, {@code batt} %); other types are decoded with no ping.
 *
 * <p>The device is {@code user/device} from the {@code X-Limit-U}/{@code X-Limit-D} headers, the
 * {@code u}/{@code d} query parameters or the {@code topic} {@code owntracks/user/device}, in that
 * order; failing all of these, the two-letter tracker id {@code tid}.
 */
public final class OwnTracksDecoder implements PingDecoder {
    private static final double METERS_PER_SECOND_PER_KMH = 1000.0 / 3600.0;
    private static final Set<String> READ_FIELDS =
            Set.of("_type", "lat", "lon", "tst", "acc", "vel", "cog", "alt", "batt", "topic");

    @Override
    public String protocol() {
        return "owntracks";
    }

    @Override
    public DecodedMessage decode(DeviceRequest request) {
        JsonNode root = JsonValues.parse(request.body());
        if (!root.isObject()) {
            throw new MessageRefusedException(DropReason.MALFORMED_BODY, "send one OwnTracks JSON object");
        }
        String deviceId = deviceId(request, root);
        if (!"location".equals(JsonValues.text(root, "_type"))) {
            return new DecodedMessage(deviceId, List.of());
        }
        return new DecodedMessage(deviceId, List.of(ping(deviceId, root)));
    }

    private static String deviceId(DeviceRequest request, JsonNode root) {
        String user = firstOf(request.header("X-Limit-U"), request.queryParam("u"));
        String device = firstOf(request.header("X-Limit-D"), request.queryParam("d"));
        if (user != null) {
            return device == null ? user : user + "/" + device;
        }
        String topic = JsonValues.text(root, "topic");
        if (topic != null) {
            return topic.startsWith("owntracks/") ? topic.substring("owntracks/".length()) : topic;
        }
        String trackerId = JsonValues.text(root, "tid");
        if (trackerId == null) {
            throw new MessageRefusedException(DropReason.MISSING_DEVICE,
                    "no device: send X-Limit-U/X-Limit-D headers, ?u=&d=, a 'topic' or a 'tid'");
        }
        return trackerId;
    }

    private static Ping ping(String deviceId, JsonNode root) {
        Double tst = JsonValues.number(root, "tst");
        if (tst == null) {
            throw new MessageRefusedException(DropReason.MISSING_FIELD, "field 'tst' (epoch seconds) is required");
        }
        Double kmh = OsmAndDecoder.nonNegative(JsonValues.number(root, "vel"));
        Ping.Builder ping = Ping.builder(deviceId, FixTimes.fromEpoch("tst", tst),
                JsonValues.requiredNumber(root, "lat"), JsonValues.requiredNumber(root, "lon"))
                .accuracyMeters(OsmAndDecoder.nonNegative(JsonValues.number(root, "acc")))
                .speedMetersPerSecond(kmh == null ? null : kmh * METERS_PER_SECOND_PER_KMH)
                .bearingDegrees(OsmAndDecoder.nonNegative(JsonValues.number(root, "cog")))
                .altitudeMeters(JsonValues.number(root, "alt"))
                .batteryPercent(OsmAndDecoder.nonNegative(JsonValues.number(root, "batt")));
        root.fields().forEachRemaining(e -> {
            if (!READ_FIELDS.contains(e.getKey())) {
                ping.attribute(e.getKey(), JsonValues.scalar(e.getValue()));
            }
        });
        return ping.build();
    }

    private static String firstOf(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b == null || b.isBlank() ? null : b.trim();
    }
}
