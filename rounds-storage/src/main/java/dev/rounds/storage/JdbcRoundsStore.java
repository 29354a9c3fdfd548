package dev.rounds.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.StageOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link RoundsStore} over JDBC, for H2 and PostgreSQL alike (the SQL is portable). */
final class JdbcRoundsStore implements RoundsStore {
    private static final String SHIFT_COLUMNS = "id, patroller_id, beat, starts_at, ends_at";

    /**
     * A shift's pings, found through the (device_id, fix_time) index: a device keeps its patroller,
     * and every ping of a shift has a fix time from the shift's start on (migration V6).
     */
    private static final String PINGS_OF_SHIFT = "SELECT p.id, p.device_id, p.shift_id, p.fix_time, "
            + "p.received_at, p.latitude, p.longitude, p.accuracy_m, p.speed_mps, p.bearing_deg, p.altitude_m, "
            + "p.battery_pct, p.alarm, p.attributes FROM shifts s JOIN devices d ON d.patroller_id = s.patroller_id "
            + "JOIN pings p ON p.device_id = d.id AND p.fix_time >= s.starts_at AND p.shift_id = s.id "
            + "WHERE s.id = ? ORDER BY p.fix_time, p.id ";

    private final HikariDataSource dataSource;
    private final Jdbc jdbc;
    private final Clock clock;
    private final int bcryptCost;
    private final JdbcGuardTourStore guardTour;
    /** Compared against when a user is unknown, so that the answer takes as long as for a wrong password. */
    private final String dummyHash;

    JdbcRoundsStore(HikariDataSource dataSource, Clock clock, int bcryptCost) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
        this.bcryptCost = bcryptCost;
        this.guardTour = new JdbcGuardTourStore(jdbc, clock);
        this.dummyHash = Secrets.passwordHash(Secrets.newToken(), bcryptCost);
    }

    @Override
    public StageOutcome storePings(List<Ping> pings) {
        if (pings.isEmpty()) {
            return StageOutcome.passAll(pings);
        }
        return jdbc.inTransaction(c -> PingWriter.write(c, pings, clock.instant()));
    }

    @Override
    public Patroller createPatroller(String name) {
        String trimmed = required("name", name, 200);
        Instant now = clock.instant();
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO patrollers (name, created_at) VALUES (?, ?)", trimmed, now));
        return new Patroller(id, trimmed, now);
    }

    @Override
    public List<Patroller> patrollers() {
        return jdbc.query("SELECT id, name, created_at FROM patrollers ORDER BY id", JdbcRoundsStore::patroller);
    }

    @Override
    public Optional<Patroller> patroller(long id) {
        return jdbc.queryOne("SELECT id, name, created_at FROM patrollers WHERE id = ?", JdbcRoundsStore::patroller, id);
    }

    @Override
    public IssuedDevice createDevice(String id, Long patrollerId, String label) {
        String deviceId = required("device id", id, 128);
        if (deviceId.contains(":")) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a device id cannot contain ':' (HTTP Basic auth splits there)");
        }
        String token = Secrets.newToken();
        Instant now = clock.instant();
        jdbc.inTransaction(c -> {
            requirePatroller(c, patrollerId);
            requireAbsent(c, "SELECT id FROM devices WHERE id = ?", deviceId, "device '" + deviceId + "' already exists");
            return Jdbc.update(c, "INSERT INTO devices (id, patroller_id, label, token_hash, created_at) VALUES (?,?,?,?,?)",
                    deviceId, patrollerId, label, Secrets.tokenHash(token), now);
        });
        return new IssuedDevice(new Device(deviceId, patrollerId, label, now), token);
    }

    @Override
    public List<Device> devices() {
        return jdbc.query("SELECT id, patroller_id, label, created_at FROM devices ORDER BY id", JdbcRoundsStore::device);
    }

    @Override
    public List<Device> devicesOf(long patrollerId) {
        return jdbc.query("SELECT id, patroller_id, label, created_at FROM devices WHERE patroller_id = ? ORDER BY id",
                JdbcRoundsStore::device, patrollerId);
    }

    @Override
    public Optional<Device> device(String id) {
        return jdbc.queryOne("SELECT id, patroller_id, label, created_at FROM devices WHERE id = ?", JdbcRoundsStore::device, id);
    }

    @Override
    public Optional<Device> authenticateDevice(String id, String token) {
        if (id == null || token == null) {
            return Optional.empty();
        }
        String offered = Secrets.tokenHash(token);
        return jdbc.query("SELECT id, patroller_id, label, created_at, token_hash FROM devices WHERE id = ?",
                row -> Secrets.sameHash(offered, row.getString("token_hash")) ? Optional.of(device(row)) : Optional.<Device>empty(),
                id).stream().flatMap(Optional::stream).findFirst();
    }

    @Override
    public Shift createShift(long patrollerId, String beat, Instant startsAt, Instant endsAt) {
        String beatName = required("beat", beat, 200);
        if (startsAt == null || (endsAt != null && !endsAt.isAfter(startsAt))) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a shift needs a start, and an end after its start");
        }
        long id = jdbc.inTransaction(c -> {
            requirePatroller(c, patrollerId);
            requireNoOverlap(c, patrollerId, startsAt, endsAt, -1);
            return Jdbc.insert(c, "INSERT INTO shifts (patroller_id, beat, starts_at, ends_at) VALUES (?,?,?,?)",
                    patrollerId, beatName, startsAt, endsAt);
        });
        return new Shift(id, patrollerId, beatName, startsAt, endsAt);
    }

    @Override
    public Shift endShift(long shiftId, Instant endsAt) {
        return jdbc.inTransaction(c -> {
            Shift shift = Jdbc.query(c, "SELECT " + SHIFT_COLUMNS + " FROM shifts WHERE id = ?", JdbcRoundsStore::shift, shiftId)
                    .stream().findFirst()
                    .orElseThrow(() -> new StoreRefusal(StoreRefusal.Kind.NOT_FOUND, "shift " + shiftId + " does not exist"));
            if (shift.endsAt() != null) {
                throw new StoreRefusal(StoreRefusal.Kind.CONFLICT, "shift " + shiftId + " has already ended");
            }
            if (!endsAt.isAfter(shift.startsAt())) {
                throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a shift must end after it starts (" + shift.startsAt() + ")");
            }
            requireNoOverlap(c, shift.patrollerId(), shift.startsAt(), endsAt, shiftId);
            Jdbc.update(c, "UPDATE shifts SET ends_at = ? WHERE id = ?", endsAt, shiftId);
            return new Shift(shiftId, shift.patrollerId(), shift.beat(), shift.startsAt(), endsAt);
        });
    }

    @Override
    public Optional<Shift> shift(long id) {
        return jdbc.queryOne("SELECT " + SHIFT_COLUMNS + " FROM shifts WHERE id = ?", JdbcRoundsStore::shift, id);
    }

    @Override
    public List<Shift> shifts() {
        return jdbc.query("SELECT " + SHIFT_COLUMNS + " FROM shifts ORDER BY starts_at DESC, id DESC", JdbcRoundsStore::shift);
    }

    @Override
    public List<Shift> shiftsOf(long patrollerId) {
        return jdbc.query("SELECT " + SHIFT_COLUMNS + " FROM shifts WHERE patroller_id = ? ORDER BY starts_at DESC, id DESC",
                JdbcRoundsStore::shift, patrollerId);
    }

    @Override
    public List<StoredPing> pingsOfShift(long shiftId, int limit) {
        if (limit < 1) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "limit must be at least 1");
        }
        return jdbc.query(PINGS_OF_SHIFT + "FETCH FIRST " + limit + " ROWS ONLY", PingWriter::read, shiftId);
    }

    @Override
    public long countPings() {
        return jdbc.query("SELECT COUNT(*) FROM pings", row -> row.getLong(1)).get(0);
    }

    @Override
    public User createUser(String username, String password, Role role, Long patrollerId) {
        String name = required("username", username, 100);
        if ((role == Role.PATROLLER) != (patrollerId != null)) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a user with role patroller needs a patrollerId; other roles take none");
        }
        String hash = Secrets.passwordHash(password == null ? "" : password, bcryptCost);
        long id = jdbc.inTransaction(c -> {
            requirePatroller(c, patrollerId);
            requireAbsent(c, "SELECT id FROM users WHERE username = ?", name, "user '" + name + "' already exists");
            return Jdbc.insert(c, "INSERT INTO users (username, password_hash, role, patroller_id, created_at) VALUES (?,?,?,?,?)",
                    name, hash, role.code(), patrollerId, clock.instant());
        });
        return new User(id, name, role, patrollerId);
    }

    @Override
    public Optional<User> authenticateUser(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<String[]> found = jdbc.queryOne("SELECT id, password_hash FROM users WHERE username = ?",
                row -> new String[] {row.getString("id"), row.getString("password_hash")}, username);
        boolean matches = Secrets.passwordMatches(password, found.map(f -> f[1]).orElse(dummyHash));
        return matches && found.isPresent() ? user(Long.parseLong(found.get()[0])) : Optional.empty();
    }

    private Optional<User> user(long id) {
        return jdbc.queryOne("SELECT id, username, role, patroller_id FROM users WHERE id = ?", JdbcRoundsStore::user, id);
    }

    @Override
    public List<User> users() {
        return jdbc.query("SELECT id, username, role, patroller_id FROM users ORDER BY id", JdbcRoundsStore::user);
    }

    @Override
    public long countUsers() {
        return jdbc.query("SELECT COUNT(*) FROM users", row -> row.getLong(1)).get(0);
    }

    @Override
    public String createSession(long userId, Instant expiresAt) {
        String token = Secrets.newToken();
        jdbc.inTransaction(c -> Jdbc.update(c, "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?,?,?)",
                Secrets.tokenHash(token), userId, expiresAt));
        return token;
    }

    @Override
    public Optional<User> sessionUser(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.queryOne("SELECT u.id, u.username, u.role, u.patroller_id FROM sessions s JOIN users u ON u.id = s.user_id "
                + "WHERE s.token_hash = ? AND s.expires_at > ?", JdbcRoundsStore::user, Secrets.tokenHash(token), now);
    }

    @Override
    public void deleteSession(String token) {
        jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM sessions WHERE token_hash = ?", Secrets.tokenHash(token)));
    }

    @Override
    public Area saveArea(String name, String mapFormat, byte[] mapData) {
        String areaName = required("area name", name, 200);
        String format = required("map format", mapFormat, 40);
        Instant now = clock.instant();
        long id = jdbc.inTransaction(c -> {
            requireAbsent(c, "SELECT id FROM areas WHERE name = ?", areaName, "area '" + areaName + "' already exists");
            return Jdbc.insert(c, "INSERT INTO areas (name, map_format, map_data, created_at) VALUES (?,?,?,?)",
                    areaName, format, mapData, now);
        });
        return new Area(id, areaName, format, now);
    }

    @Override
    public Optional<byte[]> areaMap(long areaId) {
        return jdbc.queryOne("SELECT map_data FROM areas WHERE id = ?", row -> row.getBytes(1), areaId);
    }

    @Override
    public int savePlanVersion(long areaId, String planJson) {
        return jdbc.inTransaction(c -> {
            requireExists(c, "SELECT id FROM areas WHERE id = ?", areaId, "area " + areaId + " does not exist");
            int next = Jdbc.query(c, "SELECT COALESCE(MAX(version), 0) + 1 FROM plan_versions WHERE area_id = ?",
                    row -> row.getInt(1), areaId).get(0);
            Jdbc.insert(c, "INSERT INTO plan_versions (area_id, version, plan_json, created_at) VALUES (?,?,?,?)",
                    areaId, next, planJson, clock.instant());
            return next;
        });
    }

    @Override
    public Optional<String> planVersion(long areaId, int version) {
        return jdbc.queryOne("SELECT plan_json FROM plan_versions WHERE area_id = ? AND version = ?",
                row -> row.getString(1), areaId, version);
    }

    @Override
    public Alert raiseAlert(Alert alert) {
        String reason = alert.reason().length() > 500 ? alert.reason().substring(0, 497) + "..." : alert.reason();
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO alerts (kind, priority, raised_at, patroller_id, shift_id, "
                + "latitude, longitude, reason, street_id, alert_key) VALUES (?,?,?,?,?,?,?,?,?,?)", alert.kind(),
                alert.priority(), alert.raisedAt(), alert.patrollerId(), alert.shiftId(), alert.latitude(),
                alert.longitude(), reason, alert.streetId(), alert.key()));
        return new Alert(id, alert.kind(), alert.priority(), alert.raisedAt(), alert.patrollerId(), alert.shiftId(),
                alert.latitude(), alert.longitude(), reason, null, null, null, alert.streetId(), alert.key());
    }

    @Override
    public List<Alert> openAlerts() {
        return jdbc.query("SELECT * FROM alerts WHERE acknowledged_at IS NULL ORDER BY priority, raised_at, id",
                JdbcRoundsStore::alert);
    }

    @Override
    public Alert acknowledgeAlert(long alertId, long userId, String comment) {
        String text = required("comment", comment, 1000);
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            int changed = Jdbc.update(c, "UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?, ack_comment = ? "
                    + "WHERE id = ? AND acknowledged_at IS NULL", now, userId, text, alertId);
            if (changed == 0) {
                throw new StoreRefusal(StoreRefusal.Kind.NOT_FOUND, "no open alert " + alertId);
            }
            return Jdbc.query(c, "SELECT * FROM alerts WHERE id = ?", JdbcRoundsStore::alert, alertId).get(0);
        });
    }

    @Override
    public List<Long> acknowledgeAlerts(List<Long> alertIds, long userId, String comment) {
        String text = required("comment", comment, 1000);
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            List<Long> closed = new java.util.ArrayList<>();
            for (long id : new java.util.LinkedHashSet<>(alertIds)) {
                if (Jdbc.update(c, "UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?, ack_comment = ? "
                        + "WHERE id = ? AND acknowledged_at IS NULL", now, userId, text, id) == 1) {
                    closed.add(id);
                }
            }
            return closed;
        });
    }

    @Override
    public List<Area> areas() {
        return jdbc.query("SELECT id, name, map_format, created_at FROM areas ORDER BY id", JdbcRoundsStore::area);
    }

    @Override
    public Optional<Area> area(long areaId) {
        return jdbc.queryOne("SELECT id, name, map_format, created_at FROM areas WHERE id = ?", JdbcRoundsStore::area,
                areaId);
    }

    @Override
    public List<PlanVersion> planVersions(long areaId) {
        return jdbc.query("SELECT area_id, version, created_at FROM plan_versions WHERE area_id = ? ORDER BY version",
                row -> new PlanVersion(row.getLong(1), row.getInt(2), Jdbc.instant(row, "created_at")), areaId);
    }

    @Override
    public ActivePlan activatePlan(long areaId, int version) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            if (Jdbc.query(c, "SELECT 1 FROM plan_versions WHERE area_id = ? AND version = ?", row -> 1, areaId, version)
                    .isEmpty()) {
                throw new StoreRefusal(StoreRefusal.Kind.NOT_FOUND, "area " + areaId + " has no plan version " + version);
            }
            Jdbc.update(c, "DELETE FROM active_plan WHERE id = 1");
            Jdbc.update(c, "INSERT INTO active_plan (id, area_id, version, activated_at) VALUES (1, ?, ?, ?)", areaId,
                    version, now);
            return new ActivePlan(areaId, version, now);
        });
    }

    @Override
    public Optional<ActivePlan> activePlan() {
        return jdbc.queryOne("SELECT area_id, version, activated_at FROM active_plan WHERE id = 1",
                row -> new ActivePlan(row.getLong(1), row.getInt(2), Jdbc.instant(row, "activated_at")));
    }

    @Override
    public void addTraversals(List<StoredTraversal> traversals) {
        if (traversals.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            insertTraversals(c, traversals);
            return null;
        });
    }

    @Override
    public void replaceTraversals(long shiftId, List<StoredTraversal> traversals) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM traversals WHERE shift_id = ?", shiftId);
            insertTraversals(c, traversals);
            return null;
        });
    }

    private static void insertTraversals(Connection c, List<StoredTraversal> traversals) throws SQLException {
        try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO traversals "
                + "(shift_id, street_id, entered_at, left_at, covered_share) VALUES (?,?,?,?,?)")) {
            for (StoredTraversal t : traversals) {
                insert.setLong(1, t.shiftId());
                insert.setLong(2, t.streetId());
                insert.setObject(3, Jdbc.toSql(t.enteredAt()));
                insert.setObject(4, Jdbc.toSql(t.leftAt()));
                insert.setDouble(5, t.coveredShare());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public List<StoredTraversal> traversalsOfShift(long shiftId) {
        return jdbc.query("SELECT * FROM traversals WHERE shift_id = ? ORDER BY entered_at, id",
                JdbcRoundsStore::traversal, shiftId);
    }

    @Override
    public List<Alert> alertsBetween(Instant from, Instant to) {
        return jdbc.query("SELECT * FROM alerts WHERE raised_at >= ? AND raised_at < ? ORDER BY raised_at, id",
                JdbcRoundsStore::alert, from, to);
    }

    @Override
    public Optional<Alert> alert(long alertId) {
        return jdbc.queryOne("SELECT * FROM alerts WHERE id = ?", JdbcRoundsStore::alert, alertId);
    }

    @Override
    public List<String> alertKeysSince(Instant since) {
        return jdbc.query("SELECT alert_key FROM alerts WHERE raised_at >= ? AND alert_key IS NOT NULL",
                row -> row.getString(1), since);
    }

    @Override
    public int deletePingsBefore(Instant cutoff) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "DELETE FROM pings WHERE fix_time < ?", cutoff));
    }

    @Override
    public AuditEntry audit(long userId, String action, String subject) {
        Instant now = clock.instant();
        String what = required("audit action", action, 100);
        String about = subject.length() > 300 ? subject.substring(0, 300) : subject;
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO audit_log (at, user_id, action, subject) VALUES (?,?,?,?)",
                now, userId, what, about));
        return new AuditEntry(id, now, userId, what, about);
    }

    @Override
    public List<AuditEntry> auditLog(int limit) {
        return jdbc.query("SELECT id, at, user_id, action, subject FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
                row -> new AuditEntry(row.getLong("id"), Jdbc.instant(row, "at"), row.getLong("user_id"),
                        row.getString("action"), row.getString("subject")), limit);
    }

    @Override
    public GuardTourStore guardTour() {
        return guardTour;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String required(String what, String value, int maxLength) {
        return Text.required(what, value, maxLength);
    }

    private static void requirePatroller(Connection c, Long patrollerId) throws SQLException {
        if (patrollerId != null) {
            requireExists(c, "SELECT id FROM patrollers WHERE id = ?", patrollerId, "patroller " + patrollerId + " does not exist");
        }
    }

    private static void requireExists(Connection c, String sql, Object key, String message) throws SQLException {
        if (Jdbc.query(c, sql, row -> 1, key).isEmpty()) {
            throw new StoreRefusal(StoreRefusal.Kind.NOT_FOUND, message);
        }
    }

    private static void requireAbsent(Connection c, String sql, Object key, String message) throws SQLException {
        if (!Jdbc.query(c, sql, row -> 1, key).isEmpty()) {
            throw new StoreRefusal(StoreRefusal.Kind.CONFLICT, message);
        }
    }

    /** Shifts of one patroller may not overlap, so that each ping belongs to one shift. */
    private static void requireNoOverlap(Connection c, long patrollerId, Instant start, Instant end, long exceptShift)
            throws SQLException {
        List<Long> clashes = Jdbc.query(c, "SELECT id FROM shifts WHERE patroller_id = ? AND id <> ? "
                + "AND (ends_at IS NULL OR ends_at > ?)" + (end == null ? "" : " AND starts_at < ?"),
                row -> row.getLong(1), end == null ? new Object[] {patrollerId, exceptShift, start}
                        : new Object[] {patrollerId, exceptShift, start, end});
        if (!clashes.isEmpty()) {
            throw new StoreRefusal(StoreRefusal.Kind.CONFLICT,
                    "the shift overlaps shift " + clashes.get(0) + " of patroller " + patrollerId + "; end that one first");
        }
    }

    static Patroller patroller(ResultSet row) throws SQLException {
        return new Patroller(row.getLong("id"), row.getString("name"), Jdbc.instant(row, "created_at"));
    }

    static Device device(ResultSet row) throws SQLException {
        return new Device(row.getString("id"), Jdbc.nullableLong(row, "patroller_id"), row.getString("label"),
                Jdbc.instant(row, "created_at"));
    }

    static Shift shift(ResultSet row) throws SQLException {
        return new Shift(row.getLong("id"), row.getLong("patroller_id"), row.getString("beat"),
                Jdbc.instant(row, "starts_at"), Jdbc.instant(row, "ends_at"));
    }

    static User user(ResultSet row) throws SQLException {
        return new User(row.getLong("id"), row.getString("username"), Role.fromCode(row.getString("role")),
                Jdbc.nullableLong(row, "patroller_id"));
    }

    static Alert alert(ResultSet row) throws SQLException {
        return new Alert(row.getLong("id"), row.getString("kind"), row.getInt("priority"), Jdbc.instant(row, "raised_at"),
                Jdbc.nullableLong(row, "patroller_id"), Jdbc.nullableLong(row, "shift_id"),
                Jdbc.nullableDouble(row, "latitude"), Jdbc.nullableDouble(row, "longitude"), row.getString("reason"),
                Jdbc.instant(row, "acknowledged_at"), Jdbc.nullableLong(row, "acknowledged_by"), row.getString("ack_comment"),
                Jdbc.nullableLong(row, "street_id"), row.getString("alert_key"));
    }

    static Area area(ResultSet row) throws SQLException {
        return new Area(row.getLong("id"), row.getString("name"), row.getString("map_format"),
                Jdbc.instant(row, "created_at"));
    }

    static StoredTraversal traversal(ResultSet row) throws SQLException {
        return new StoredTraversal(row.getLong("shift_id"), row.getLong("street_id"), Jdbc.instant(row, "entered_at"),
                Jdbc.instant(row, "left_at"), row.getDouble("covered_share"));
    }
}
