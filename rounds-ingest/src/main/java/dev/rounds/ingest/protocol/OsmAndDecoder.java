package dev.rounds.ingest.protocol;

import dev.rounds.ingest.Alarm;
import dev.rounds.ingest.DecodedMessage;
import dev.rounds.ingest.DeviceRequest;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingDecoder;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OsmAnd protocol as the Traccar Client app and many trackers send it: GET or POST with query
 * or form fields, or the JSON body variant (see {@link OsmAndJsonReader}).
 *
 * <p>Fields: {@code id} or {@code deviceid}; {@code lat}/{@code lon} or {@code location=lat,lon};
 * {@code timestamp} (epoch s or ms, or ISO; the receiving time when absent); {@code speed} in
 * knots; {@code bearing} or {@code heading}; {@code altitude}; {@code accuracy}; {@code batt};
 * {@code alarm}. Every other field is kept as an attribute, except {@code key} (the device token).
 * A message with a device but no coordinates (cell or Wi-Fi only) is decoded with no ping.
 */
public final class OsmAndDecoder implements PingDecoder {
    static final double METERS_PER_SECOND_PER_KNOT = 1852.0 / 3600.0;

    private final Clock clock;
    private final OsmAndJsonReader jsonReader = new OsmAndJsonReader();

    /** A decoder stamping messages without a time with the given clock's time. */
    public OsmAndDecoder(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String protocol() {
        return "osmand";
    }

    @Override
    public DecodedMessage decode(DeviceRequest request) {
        if (request.body().length > 0 && isJson(request)) {
            return jsonReader.read(request.body());
        }
        Map<String, List<String>> fields = new LinkedHashMap<>(request.query());
        if (request.body().length > 0) {
            FormFields.parse(request.bodyText()).forEach(fields::putIfAbsent);
        }
        return decodeFields(new FieldReader(fields));
    }

    private static boolean isJson(DeviceRequest request) {
        if (request.hasContentType("application/json")) {
            return true;
        }
        String text = request.bodyText().stripLeading();
        return text.startsWith("{") || text.startsWith("[");
    }

    private DecodedMessage decodeFields(FieldReader fields) {
        String deviceId = fields.text("id", "deviceid");
        if (deviceId == null) {
            throw new MessageRefusedException(DropReason.MISSING_DEVICE,
                    "no device: send the device identifier as 'id' or 'deviceid'");
        }
        fields.skip("key");
        String timestamp = fields.text("timestamp");
        Instant fixTime = timestamp == null ? clock.instant() : FixTimes.parse("timestamp", timestamp);
        double[] position = position(fields);
        if (position == null) {
            return new DecodedMessage(deviceId, List.of());
        }
        return new DecodedMessage(deviceId, List.of(ping(deviceId, fixTime, position, fields)));
    }

    private static double[] position(FieldReader fields) {
        String location = fields.text("location");
        Double lat = fields.number("lat");
        Double lon = fields.number("lon");
        if (lat != null && lon != null) {
            return new double[] {lat, lon};
        }
        if (lat != null || lon != null) {
            throw new MessageRefusedException(DropReason.MISSING_FIELD, "send both 'lat' and 'lon', or neither");
        }
        if (location == null) {
            return null;
        }
        String[] parts = location.split(",");
        if (parts.length != 2) {
            throw new MessageRefusedException(DropReason.MALFORMED_FIELD,
                    "field 'location' = '" + location + "': expected 'latitude,longitude'");
        }
        return new double[] {FieldReader.parseNumber("location", parts[0].trim()),
            FieldReader.parseNumber("location", parts[1].trim())};
    }

    private static Ping ping(String deviceId, Instant fixTime, double[] position, FieldReader fields) {
        Double knots = fields.number("speed");
        String alarm = fields.text("alarm");
        Ping.Builder ping = Ping.builder(deviceId, fixTime, position[0], position[1])
                .speedMetersPerSecond(knots == null || knots < 0 ? null : knots * METERS_PER_SECOND_PER_KNOT)
                .bearingDegrees(nonNegative(fields.number("bearing", "heading")))
                .altitudeMeters(fields.number("altitude"))
                .accuracyMeters(nonNegative(fields.number("accuracy")))
                .batteryPercent(nonNegative(fields.number("batt")))
                .alarm(Alarm.fromName(alarm));
        if (Alarm.fromName(alarm) == Alarm.OTHER) {
            ping.attribute("alarm", alarm);
        }
        fields.rest().forEach(ping::attribute);
        return ping.build();
    }

    /** Devices send -1 for "unknown". */
    static Double nonNegative(Double value) {
        return value == null || value < 0 ? null : value;
    }
}
