package dev.rounds.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.ingest.Alarm;
import dev.rounds.ingest.Drop;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.StageOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of pings in one transaction: each ping is matched to the shift of its device's
 * patroller that contains its fix time; pings of unknown devices, outside every shift, or already
 * stored are refused. Fix times are kept to the microsecond (PostgreSQL's precision).
 */
final class PingWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final String INSERT = "INSERT INTO pings (device_id, shift_id, fix_time, received_at, latitude, "
            + "longitude, accuracy_m, speed_mps, bearing_deg, altitude_m, battery_pct, alarm, attributes) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

    /**
     * Devices looked up per shift query. A fixed number keeps one statement text for every batch,
     * which H2 parses once per connection; with a text per batch size it parsed the query at every
     * transaction (7 % of the server's CPU under single OsmAnd requests).
     */
    private static final int DEVICES_PER_SHIFT_QUERY = 16;
    private static final String SHIFTS_OF_DEVICES = "SELECT d.id AS device_id, s.id, s.patroller_id, s.beat, "
            + "s.starts_at, s.ends_at FROM devices d LEFT JOIN shifts s ON s.patroller_id = d.patroller_id "
            + "AND s.starts_at <= ? AND (s.ends_at IS NULL OR s.ends_at > ?) "
            + "WHERE d.id IN (" + Jdbc.placeholders(DEVICES_PER_SHIFT_QUERY) + ")";

    private PingWriter() {
    }

    static StageOutcome write(Connection connection, List<Ping> pings, Instant receivedAt) throws SQLException {
        List<String> devices = new ArrayList<>(new LinkedHashSet<>(pings.stream().map(Ping::deviceId).toList()));
        Instant first = pings.stream().map(PingWriter::fixTime).min(Instant::compareTo).orElseThrow();
        Instant last = pings.stream().map(PingWriter::fixTime).max(Instant::compareTo).orElseThrow();
        Map<String, List<Shift>> shifts = shiftsByDevice(connection, devices, first, last);
        Set<Key> taken = storedKeys(connection, pings);
        List<Ping> kept = new ArrayList<>();
        List<Long> keptShifts = new ArrayList<>();
        List<Drop> refused = new ArrayList<>();
        for (Ping ping : pings) {
            List<Shift> candidates = shifts.get(ping.deviceId());
            Shift shift = candidates == null ? null : covering(candidates, fixTime(ping));
            if (candidates == null) {
                refused.add(new Drop(ping, DropReason.UNKNOWN_DEVICE));
            } else if (shift == null) {
                refused.add(new Drop(ping, DropReason.OUTSIDE_SHIFT));
            } else if (!taken.add(new Key(ping.deviceId(), fixTime(ping)))) {
                refused.add(new Drop(ping, DropReason.DUPLICATE));
            } else {
                kept.add(ping);
                keptShifts.add(shift.id());
            }
        }
        insert(connection, kept, keptShifts, receivedAt);
        return new StageOutcome(kept, refused);
    }

    private static Instant fixTime(Ping ping) {
        return ping.fixTime().truncatedTo(ChronoUnit.MICROS);
    }

    private static Shift covering(List<Shift> shifts, Instant time) {
        return shifts.stream().filter(s -> s.contains(time)).findFirst().orElse(null);
    }

    /** Every listed device that exists, with its patroller's shifts overlapping [first, last]. */
    private static Map<String, List<Shift>> shiftsByDevice(Connection connection, List<String> devices,
            Instant first, Instant last) throws SQLException {
        Map<String, List<Shift>> byDevice = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SHIFTS_OF_DEVICES)) {
            for (int from = 0; from < devices.size(); from += DEVICES_PER_SHIFT_QUERY) {
                List<String> some = devices.subList(from, Math.min(devices.size(), from + DEVICES_PER_SHIFT_QUERY));
                Jdbc.bind(statement, shiftQueryParameters(some, first, last));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        addShift(byDevice, rows);
                    }
                }
            }
        }
        return byDevice;
    }

    /** The interval, then the devices, the last repeated to fill every placeholder. */
    private static Object[] shiftQueryParameters(List<String> devices, Instant first, Instant last) {
        Object[] parameters = new Object[2 + DEVICES_PER_SHIFT_QUERY];
        parameters[0] = last;
        parameters[1] = first;
        for (int i = 0; i < DEVICES_PER_SHIFT_QUERY; i++) {
            parameters[2 + i] = devices.get(Math.min(i, devices.size() - 1));
        }
        return parameters;
    }

    private static void addShift(Map<String, List<Shift>> byDevice, ResultSet row) throws SQLException {
        List<Shift> list = byDevice.computeIfAbsent(row.getString("device_id"), id -> new ArrayList<>());
        if (Jdbc.nullableLong(row, "id") != null) {
            list.add(JdbcRoundsStore.shift(row));
        }
    }

    /**
     * The (device, fix time) pairs already stored within each device's time span in the batch. One
     * query per device, because an {@code IN} list over devices keeps H2 from using the unique index.
     */
    private static Set<Key> storedKeys(Connection connection, List<Ping> pings) throws SQLException {
        Map<String, Instant[]> spans = new HashMap<>();
        for (Ping ping : pings) {
            Instant time = fixTime(ping);
            spans.merge(ping.deviceId(), new Instant[] {time, time}, (a, b) -> new Instant[] {
                a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        Set<Key> keys = new HashSet<>();
        String sql = "SELECT fix_time FROM pings WHERE device_id = ? AND fix_time >= ? AND fix_time <= ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<String, Instant[]> span : spans.entrySet()) {
                Jdbc.bind(statement, span.getKey(), span.getValue()[0], span.getValue()[1]);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new Key(span.getKey(), Jdbc.instant(rows, "fix_time")));
                    }
                }
            }
        }
        return keys;
    }

    private static void insert(Connection connection, List<Ping> pings, List<Long> shiftIds, Instant receivedAt)
            throws SQLException {
        if (pings.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < pings.size(); i++) {
                Ping p = pings.get(i);
                Jdbc.bind(statement, p.deviceId(), shiftIds.get(i), fixTime(p), receivedAt, p.latitude(), p.longitude(),
                        p.accuracyMeters(), p.speedMetersPerSecond(), p.bearingDegrees(), p.altitudeMeters(),
                        p.batteryPercent(), p.alarm().name(), attributesJson(p.attributes()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static StoredPing read(ResultSet row) throws SQLException {
        Ping ping = new Ping(row.getString("device_id"), Jdbc.instant(row, "fix_time"), row.getDouble("latitude"),
                row.getDouble("longitude"), Jdbc.nullableDouble(row, "accuracy_m"), Jdbc.nullableDouble(row, "speed_mps"),
                Jdbc.nullableDouble(row, "bearing_deg"), Jdbc.nullableDouble(row, "altitude_m"),
                Jdbc.nullableDouble(row, "battery_pct"), Alarm.valueOf(row.getString("alarm")),
                attributes(row.getString("attributes")));
        return new StoredPing(row.getLong("id"), row.getLong("shift_id"), Jdbc.instant(row, "received_at"), ping);
    }

    private static String attributesJson(Map<String, Object> attributes) {
        try {
            return attributes.isEmpty() ? null : JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes hold only scalars and must serialise", e);
        }
    }

    private static Map<String, Object> attributes(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON: " + json, e);
        }
    }

    private record Key(String deviceId, Instant fixTime) {
    }
}
