package dev.rounds.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@link GuardTourStore} over JDBC, portable between H2 and PostgreSQL. */
final class JdbcGuardTourStore implements GuardTourStore {
    private static final String CHECKPOINT_COLUMNS =
            "id, area_id, beat, name, seq, latitude, longitude, code, created_at, retired_at";
    private static final String VISIT_COLUMNS =
            "id, checkpoint_id, shift_id, visited_at, latitude, longitude, method, status";
    private static final String OBSERVATION_COLUMNS = "o.id, o.shift_id, s.patroller_id, o.category, o.note, "
            + "o.observed_at, o.latitude, o.longitude, o.photo_type";
    private static final Set<String> METHODS = Set.of("qr", "nfc", "code");
    private static final Set<String> STATUSES = Set.of("on_time", "late", "out_of_order", "not_due");
    private static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/webp");

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcGuardTourStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public StoredCheckpoint createCheckpoint(long areaId, String beat, String name, int sequence, double lat, double lon) {
        String trimmedName = Text.required("checkpoint name", name, 200);
        String trimmedBeat = Text.required("beat", beat, 200);
        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a checkpoint needs a position: lat in -90..90 and lon in"
                    + " -180..180, got " + lat + ", " + lon);
        }
        Instant now = clock.instant();
        String code = Secrets.newCode();
        long id = jdbc.inTransaction(c -> {
            requireRow(c, "SELECT id FROM areas WHERE id = ?", areaId, "area " + areaId + " does not exist");
            return Jdbc.insert(c, "INSERT INTO checkpoints (area_id, beat, name, seq, latitude, longitude, code, "
                    + "created_at) VALUES (?,?,?,?,?,?,?,?)", areaId, trimmedBeat, trimmedName, sequence, lat, lon, code, now);
        });
        return new StoredCheckpoint(id, areaId, trimmedBeat, trimmedName, sequence, lat, lon, code, now, null);
    }

    @Override
    public List<StoredCheckpoint> checkpoints(long areaId) {
        return jdbc.query("SELECT " + CHECKPOINT_COLUMNS + " FROM checkpoints WHERE area_id = ? AND retired_at IS NULL "
                + "ORDER BY beat, seq, id", JdbcGuardTourStore::checkpoint, areaId);
    }

    @Override
    public Optional<StoredCheckpoint> checkpoint(long id) {
        return jdbc.queryOne("SELECT " + CHECKPOINT_COLUMNS + " FROM checkpoints WHERE id = ?",
                JdbcGuardTourStore::checkpoint, id);
    }

    @Override
    public Optional<StoredCheckpoint> checkpointByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.queryOne("SELECT " + CHECKPOINT_COLUMNS + " FROM checkpoints WHERE code = ? AND retired_at IS NULL",
                JdbcGuardTourStore::checkpoint, Secrets.normalCode(code));
    }

    @Override
    public StoredCheckpoint retireCheckpoint(long id) {
        Instant now = clock.instant();
        int changed = jdbc.inTransaction(c -> Jdbc.update(c,
                "UPDATE checkpoints SET retired_at = ? WHERE id = ? AND retired_at IS NULL", now, id));
        if (changed == 0) {
            throw new StoreRefusal(StoreRefusal.Kind.NOT_FOUND, "no checkpoint " + id + " in use");
        }
        return checkpoint(id).orElseThrow();
    }

    @Override
    public TourRules saveTourRules(TourRules rules) {
        String beat = Text.required("beat", rules.beat(), 200);
        jdbc.inTransaction(c -> {
            requireRow(c, "SELECT id FROM areas WHERE id = ?", rules.areaId(), "area " + rules.areaId() + " does not exist");
            Jdbc.update(c, "DELETE FROM checkpoint_tours WHERE area_id = ? AND beat = ?", rules.areaId(), beat);
            return Jdbc.update(c, "INSERT INTO checkpoint_tours (area_id, beat, in_order, window_minutes, grace_minutes, "
                    + "start_minutes) VALUES (?,?,?,?,?,?)", rules.areaId(), beat, rules.inOrder(), rules.windowMinutes(),
                    rules.graceMinutes(), rules.startMinutes());
        });
        return new TourRules(rules.areaId(), beat, rules.inOrder(), rules.windowMinutes(), rules.graceMinutes(),
                rules.startMinutes());
    }

    @Override
    public List<TourRules> tourRules(long areaId) {
        return jdbc.query("SELECT area_id, beat, in_order, window_minutes, grace_minutes, start_minutes FROM "
                + "checkpoint_tours WHERE area_id = ? ORDER BY beat", row -> new TourRules(row.getLong(1), row.getString(2),
                row.getBoolean(3), row.getInt(4), row.getInt(5), row.getInt(6)), areaId);
    }

    @Override
    public CheckpointVisit recordVisit(long checkpointId, long shiftId, Instant at, Double lat, Double lon, String method,
            String status) {
        String how = method == null ? "" : method.toLowerCase(Locale.ROOT);
        if (!METHODS.contains(how)) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "method must be one of qr, nfc, code; got '" + method + "'");
        }
        if (!STATUSES.contains(status)) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "status must be one of " + STATUSES + "; got '" + status + "'");
        }
        long id = jdbc.inTransaction(c -> {
            requireRow(c, "SELECT id FROM checkpoints WHERE id = ?", checkpointId, "checkpoint " + checkpointId + " does not exist");
            requireRow(c, "SELECT id FROM shifts WHERE id = ?", shiftId, "shift " + shiftId + " does not exist");
            return Jdbc.insert(c, "INSERT INTO checkpoint_visits (checkpoint_id, shift_id, visited_at, latitude, longitude, "
                    + "method, status) VALUES (?,?,?,?,?,?,?)", checkpointId, shiftId, at, lat, lon, how, status);
        });
        return new CheckpointVisit(id, checkpointId, shiftId, at, lat, lon, how, status);
    }

    @Override
    public List<CheckpointVisit> visitsOfShift(long shiftId) {
        return jdbc.query("SELECT " + VISIT_COLUMNS + " FROM checkpoint_visits WHERE shift_id = ? ORDER BY visited_at, id",
                JdbcGuardTourStore::visit, shiftId);
    }

    @Override
    public List<CheckpointVisit> visitsBetween(Instant from, Instant to) {
        return jdbc.query("SELECT " + VISIT_COLUMNS + " FROM checkpoint_visits WHERE visited_at >= ? AND visited_at < ? "
                + "ORDER BY visited_at, id", JdbcGuardTourStore::visit, from, to);
    }

    @Override
    public List<String> observationCategories() {
        return jdbc.query("SELECT name FROM observation_categories ORDER BY sort_order, name", row -> row.getString(1));
    }

    @Override
    public List<String> saveObservationCategories(List<String> categories) {
        Set<String> names = new LinkedHashSet<>();
        for (String category : categories == null ? List.<String>of() : categories) {
            if (!names.add(Text.required("category", category, 60))) {
                throw new StoreRefusal(StoreRefusal.Kind.INVALID, "category '" + category.trim() + "' is listed twice");
            }
        }
        if (names.isEmpty()) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "give at least one observation category, e.g. \"other\"");
        }
        List<String> ordered = new ArrayList<>(names);
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM observation_categories");
            for (int i = 0; i < ordered.size(); i++) {
                Jdbc.update(c, "INSERT INTO observation_categories (name, sort_order) VALUES (?, ?)", ordered.get(i), i + 1);
            }
            return null;
        });
        return ordered;
    }

    @Override
    public Observation recordObservation(long shiftId, String category, String note, Instant at, Double lat, Double lon,
            Photo photo) {
        String kind = Text.required("category", category, 60);
        String text = note == null ? "" : note.trim();
        if (text.length() > 2000) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "the note is " + text.length()
                    + " characters; at most 2000 are kept");
        }
        if (photo != null && !PHOTO_TYPES.contains(photo.contentType())) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a photo must be one of " + PHOTO_TYPES + ", got "
                    + photo.contentType());
        }
        return jdbc.inTransaction(c -> {
            if (Jdbc.query(c, "SELECT name FROM observation_categories WHERE name = ?", row -> 1, kind).isEmpty()) {
                throw new StoreRefusal(StoreRefusal.Kind.INVALID, "unknown category '" + kind + "'; the categories are "
                        + Jdbc.query(c, "SELECT name FROM observation_categories ORDER BY sort_order", row -> row.getString(1)));
            }
            List<Long> patroller = Jdbc.query(c, "SELECT patroller_id FROM shifts WHERE id = ?", row -> row.getLong(1), shiftId);
            if (patroller.isEmpty()) {
                throw new StoreRefusal(StoreRefusal.Kind.NOT_FOUND, "shift " + shiftId + " does not exist");
            }
            long id = Jdbc.insert(c, "INSERT INTO observations (shift_id, category, note, observed_at, latitude, longitude, "
                    + "photo, photo_type) VALUES (?,?,?,?,?,?,?,?)", shiftId, kind, text, at, lat, lon,
                    photo == null ? null : photo.bytes(), photo == null ? null : photo.contentType());
            return new Observation(id, shiftId, patroller.get(0), kind, text, at, lat, lon, photo != null);
        });
    }

    @Override
    public List<Observation> observationsBetween(Instant from, Instant to) {
        return jdbc.query("SELECT " + OBSERVATION_COLUMNS + " FROM observations o JOIN shifts s ON s.id = o.shift_id "
                + "WHERE o.observed_at >= ? AND o.observed_at < ? ORDER BY o.observed_at DESC, o.id DESC",
                JdbcGuardTourStore::observation, from, to);
    }

    @Override
    public Optional<Observation> observation(long id) {
        return jdbc.queryOne("SELECT " + OBSERVATION_COLUMNS + " FROM observations o JOIN shifts s ON s.id = o.shift_id "
                + "WHERE o.id = ?", JdbcGuardTourStore::observation, id);
    }

    @Override
    public Optional<Photo> observationPhoto(long id) {
        return jdbc.queryOne("SELECT photo, photo_type FROM observations WHERE id = ? AND photo IS NOT NULL",
                row -> new Photo(row.getBytes(1), row.getString(2)), id);
    }

    @Override
    public int deletePhotosBefore(Instant cutoff) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE observations SET photo = NULL, photo_type = NULL "
                + "WHERE observed_at < ? AND photo_type IS NOT NULL", cutoff));
    }

    private static void requireRow(Connection c, String sql, long id, String message) throws SQLException {
        if (Jdbc.query(c, sql, row -> 1, id).isEmpty()) {
            throw new StoreRefusal(StoreRefusal.Kind.NOT_FOUND, message);
        }
    }

    private static StoredCheckpoint checkpoint(ResultSet row) throws SQLException {
        return new StoredCheckpoint(row.getLong("id"), row.getLong("area_id"), row.getString("beat"), row.getString("name"),
                row.getInt("seq"), row.getDouble("latitude"), row.getDouble("longitude"), row.getString("code"),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "retired_at"));
    }

    private static CheckpointVisit visit(ResultSet row) throws SQLException {
        return new CheckpointVisit(row.getLong("id"), row.getLong("checkpoint_id"), row.getLong("shift_id"),
                Jdbc.instant(row, "visited_at"), Jdbc.nullableDouble(row, "latitude"), Jdbc.nullableDouble(row, "longitude"),
                row.getString("method"), row.getString("status"));
    }

    private static Observation observation(ResultSet row) throws SQLException {
        return new Observation(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                Jdbc.instant(row, "observed_at"), Jdbc.nullableDouble(row, "latitude"), Jdbc.nullableDouble(row, "longitude"),
                row.getString("photo_type") != null);
    }
}
