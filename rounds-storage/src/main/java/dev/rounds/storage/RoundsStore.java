package dev.rounds.storage;

import dev.rounds.ingest.PingStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything Rounds keeps. Every write is one transaction, committed before the method returns;
 * a refused write ({@link StoreRefusal}) leaves nothing behind. Pings outside their device's
 * patroller's shifts are refused by {@link #storePings}.
 */
public interface RoundsStore extends PingStore, AutoCloseable {

    /** Registers a patroller. */
    Patroller createPatroller(String name);

    /** Every patroller, by id. */
    List<Patroller> patrollers();

    /** One patroller. */
    Optional<Patroller> patroller(long id);

    /** Registers a device with a fresh secret token; refuses a taken id or an unknown patroller. */
    IssuedDevice createDevice(String id, Long patrollerId, String label);

    /** Every device, by id. */
    List<Device> devices();

    /** The devices a patroller carries. */
    List<Device> devicesOf(long patrollerId);

    /** One device. */
    Optional<Device> device(String id);

    /** The device, if the token is its secret. */
    Optional<Device> authenticateDevice(String id, String token);

    /** Opens a shift; refuses one overlapping another shift of the same patroller. */
    Shift createShift(long patrollerId, String beat, Instant startsAt, Instant endsAt);

    /** Ends an open shift. */
    Shift endShift(long shiftId, Instant endsAt);

    /** One shift. */
    Optional<Shift> shift(long id);

    /** Every shift, latest start first. */
    List<Shift> shifts();

    /** A patroller's shifts, latest start first. */
    List<Shift> shiftsOf(long patrollerId);

    /** The pings of a shift in fix-time order, at most {@code limit}. */
    List<StoredPing> pingsOfShift(long shiftId, int limit);

    /** How many pings are stored. */
    long countPings();

    /** Creates a user; the password is hashed with bcrypt and never stored in clear. */
    User createUser(String username, String password, Role role, Long patrollerId);

    /** The user, if the password is right. */
    Optional<User> authenticateUser(String username, String password);

    /** Every user, by id. */
    List<User> users();

    /** How many users exist (none before the first start). */
    long countUsers();

    /** Opens a login session and returns its secret token. */
    String createSession(long userId, Instant expiresAt);

    /** The user of a session that has not expired at {@code now}. */
    Optional<User> sessionUser(String token, Instant now);

    /** Ends a session. */
    void deleteSession(String token);

    /** Stores an imported map. */
    Area saveArea(String name, String mapFormat, byte[] mapData);

    /** The imported map file of an area. */
    Optional<byte[]> areaMap(long areaId);

    /** Stores a plan as the area's next version and returns the version number (from 1). */
    int savePlanVersion(long areaId, String planJson);

    /** One plan version as stored. */
    Optional<String> planVersion(long areaId, int version);

    /** Stores a new alert (its id is ignored) and returns it with its id. */
    Alert raiseAlert(Alert alert);

    /** Alerts not yet acknowledged, most urgent first. */
    List<Alert> openAlerts();

    /** Acknowledges an open alert with a comment. */
    Alert acknowledgeAlert(long alertId, long userId, String comment);

    /**
     * Acknowledges many open alerts with one comment, in one transaction (e.g. every unvisited
     * street of a beat at once); returns the ids it closed. Ids already closed or unknown are skipped.
     */
    List<Long> acknowledgeAlerts(List<Long> alertIds, long userId, String comment);

    /** Every imported area, by id. */
    List<Area> areas();

    /** One area. */
    Optional<Area> area(long areaId);

    /** The plan versions of an area, oldest first. */
    List<PlanVersion> planVersions(long areaId);

    /** Makes a stored plan version the one the live patrol follows. */
    ActivePlan activatePlan(long areaId, int version);

    /** The plan the live patrol follows, if one was activated. */
    Optional<ActivePlan> activePlan();

    /** Adds walked street stretches (each to its shift). */
    void addTraversals(List<StoredTraversal> traversals);

    /** Replaces everything walked during a shift (after late positions changed the matching). */
    void replaceTraversals(long shiftId, List<StoredTraversal> traversals);

    /** What was walked during a shift, by entry time. */
    List<StoredTraversal> traversalsOfShift(long shiftId);

    /** Alerts raised within [from, to), acknowledged or not, by time. */
    List<Alert> alertsBetween(Instant from, Instant to);

    /** One alert. */
    Optional<Alert> alert(long alertId);

    /** The keys of alerts raised since a time (so that a restart does not raise them again). */
    List<String> alertKeysSince(Instant since);

    /** Deletes raw positions taken before {@code cutoff} (street traversals stay); returns how many. */
    int deletePingsBefore(Instant cutoff);

    /** Writes a line of the audit log. */
    AuditEntry audit(long userId, String action, String subject);

    /** The newest audit lines first, at most {@code limit}. */
    List<AuditEntry> auditLog(int limit);

    /** Checkpoints, tour rules, checkpoint visits and observations. */
    GuardTourStore guardTour();

    /** Releases the connections. */
    @Override
    void close();
}
