package dev.rounds.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.ingest.Alarm;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.StageOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one contract every storage backend must keep; subclasses only say how to get a fresh,
 * empty database for each test.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    final StepClock clock = new StepClock(T0);
    RoundsStore store;

    /** A configuration for a fresh, empty database; the same value on every call within one test. */
    abstract StorageConfig config();

    /** Drops what {@link #config()} created. */
    void cleanUp() {
    }

    @BeforeEach
    void open() {
        store = RoundsStores.open(config(), clock);
    }

    @AfterEach
    void close() {
        store.close();
        cleanUp();
    }

    private Shift onShift(String deviceId) {
        Patroller ann = store.createPatroller("Ann");
        store.createDevice(deviceId, ann.id(), "Ann's phone");
        return store.createShift(ann.id(), "north", T0, T0.plus(Duration.ofHours(8)));
    }

    private static Ping ping(String device, Instant time) {
        return Ping.builder(device, time, 48.1, 11.5).build();
    }

    @Test
    void keepsPatrollersDevicesAndShifts() {
        Patroller ann = store.createPatroller(" Ann ");
        IssuedDevice issued = store.createDevice("phone-1", ann.id(), "phone");
        Shift shift = store.createShift(ann.id(), "north", T0, null);
        assertThat(store.patrollers()).containsExactly(ann);
        assertThat(ann.name()).isEqualTo("Ann");
        assertThat(store.devices()).containsExactly(issued.device());
        assertThat(store.devicesOf(ann.id())).containsExactly(issued.device());
        assertThat(store.shift(shift.id())).contains(shift);
        assertThat(store.shiftsOf(ann.id())).containsExactly(shift);
        Shift ended = store.endShift(shift.id(), T0.plusSeconds(3600));
        assertThat(store.shifts()).containsExactly(ended);
        assertThatThrownBy(() -> store.endShift(shift.id(), T0.plusSeconds(7200)))
                .isInstanceOfSatisfying(StoreRefusal.class, e -> assertThat(e.kind()).isEqualTo(StoreRefusal.Kind.CONFLICT));
    }

    @Test
    void authenticatesDevicesOnlyWithTheirToken() {
        IssuedDevice issued = store.createDevice("phone-1", null, null);
        IssuedDevice other = store.createDevice("phone-2", null, null);
        assertThat(issued.token()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(other.token());
        assertThat(store.authenticateDevice("phone-1", issued.token())).contains(issued.device());
        assertThat(store.authenticateDevice("phone-1", other.token())).isEmpty();
        assertThat(store.authenticateDevice("phone-9", issued.token())).isEmpty();
        assertThat(store.authenticateDevice("phone-1", null)).isEmpty();
    }

    @Test
    void refusesClashesAndWritesNothing() {
        Patroller ann = store.createPatroller("Ann");
        store.createDevice("phone-1", ann.id(), null);
        assertRefused(() -> store.createDevice("phone-1", null, null), StoreRefusal.Kind.CONFLICT);
        assertRefused(() -> store.createDevice("phone-2", 999L, null), StoreRefusal.Kind.NOT_FOUND);
        assertThat(store.devices()).hasSize(1);
        store.createShift(ann.id(), "north", T0, T0.plusSeconds(3600));
        assertRefused(() -> store.createShift(ann.id(), "south", T0.plusSeconds(1800), null), StoreRefusal.Kind.CONFLICT);
        assertRefused(() -> store.createShift(ann.id(), "south", T0.plusSeconds(7200), T0.plusSeconds(7200)),
                StoreRefusal.Kind.INVALID);
        assertRefused(() -> store.createShift(999, "south", T0, null), StoreRefusal.Kind.NOT_FOUND);
        assertThat(store.shifts()).hasSize(1);
        Shift next = store.createShift(ann.id(), "south", T0.plusSeconds(3600), null);
        assertThat(store.shiftsOf(ann.id())).first().isEqualTo(next);
    }

    @Test
    void storesPingsInsideShiftsAndRefusesTheRest() {
        Shift shift = onShift("phone-1");
        store.createDevice("spare", null, null);
        Ping full = Ping.builder("phone-1", T0.plusSeconds(60), 48.123456789, 11.987654321).accuracyMeters(4.5)
                .speedMetersPerSecond(1.25).bearingDegrees(270.0).altitudeMeters(520.0).batteryPercent(80.0)
                .alarm(Alarm.SOS).attribute("tid", "AB").attribute("steps", 12L).attribute("moving", true)
                .attribute("hdop", 0.9).build();
        Ping minimal = ping("phone-1", T0);
        List<Ping> batch = List.of(full, minimal, ping("phone-1", T0.minusSeconds(1)),
                ping("phone-1", T0.plus(Duration.ofHours(8))), ping("ghost", T0.plusSeconds(5)),
                ping("spare", T0.plusSeconds(5)), ping("phone-1", T0));
        StageOutcome outcome = store.storePings(batch);
        assertThat(outcome.passed()).containsExactly(full, minimal);
        assertThat(outcome.dropped()).extracting(d -> d.reason()).containsExactly(DropReason.OUTSIDE_SHIFT,
                DropReason.OUTSIDE_SHIFT, DropReason.UNKNOWN_DEVICE, DropReason.OUTSIDE_SHIFT, DropReason.DUPLICATE);
        List<StoredPing> stored = store.pingsOfShift(shift.id(), 100);
        assertThat(stored).extracting(StoredPing::ping).containsExactly(minimal, full);
        assertThat(stored).allSatisfy(p -> {
            assertThat(p.shiftId()).isEqualTo(shift.id());
            assertThat(p.receivedAt()).isEqualTo(T0);
        });
        assertThat(store.storePings(List.of(full)).dropped()).extracting(d -> d.reason()).containsExactly(DropReason.DUPLICATE);
        assertThat(store.countPings()).isEqualTo(2);
        assertThat(store.pingsOfShift(shift.id(), 1)).hasSize(1);
    }

    @Test
    void assignsEachPingToTheShiftContainingIt() {
        Patroller ann = store.createPatroller("Ann");
        store.createDevice("phone-1", ann.id(), null);
        Shift early = store.createShift(ann.id(), "north", T0, T0.plusSeconds(100));
        Shift late = store.createShift(ann.id(), "south", T0.plusSeconds(200), null);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int inEarly = 0;
        int inLate = 0;
        List<Ping> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int second = random.nextInt(400);
            Ping p = ping("phone-1", T0.plusSeconds(second).plusMillis(i));
            batch.add(p);
            inEarly += second < 100 ? 1 : 0;
            inLate += second >= 200 ? 1 : 0;
        }
        StageOutcome outcome = store.storePings(batch);
        assertThat(outcome.passed()).as("seed " + seed).hasSize(inEarly + inLate);
        assertThat(store.pingsOfShift(early.id(), 1000)).as("seed " + seed).hasSize(inEarly)
                .allSatisfy(p -> assertThat(early.contains(p.ping().fixTime())).isTrue());
        assertThat(store.pingsOfShift(late.id(), 1000)).as("seed " + seed).hasSize(inLate);
    }

    @Test
    void findsAShiftsPingsFromEveryDeviceOfItsPatrollerOnly() {
        Patroller ann = store.createPatroller("Ann");
        Patroller bob = store.createPatroller("Bob");
        store.createDevice("ann-phone", ann.id(), null);
        store.createDevice("ann-watch", ann.id(), null);
        store.createDevice("bob-phone", bob.id(), null);
        Shift anns = store.createShift(ann.id(), "north", T0, null);
        Shift bobs = store.createShift(bob.id(), "south", T0, null);
        Ping phone = ping("ann-phone", T0.plusSeconds(2));
        Ping watch = ping("ann-watch", T0.plusSeconds(1));
        store.storePings(List.of(phone, watch, ping("bob-phone", T0.plusSeconds(1))));
        assertThat(store.pingsOfShift(anns.id(), 10)).extracting(StoredPing::ping).containsExactly(watch, phone);
        assertThat(store.pingsOfShift(bobs.id(), 10)).extracting(p -> p.ping().deviceId()).containsExactly("bob-phone");
    }

    @Test
    void findsTheShiftsOfManyDevicesInOneBatch() {
        Patroller ann = store.createPatroller("Ann");
        Shift shift = store.createShift(ann.id(), "north", T0, null);
        List<Ping> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            store.createDevice("phone-" + i, ann.id(), null);
            batch.add(ping("phone-" + i, T0.plusSeconds(i)));
        }
        batch.add(ping("ghost", T0));
        StageOutcome outcome = store.storePings(batch);
        assertThat(outcome.passed()).hasSize(40);
        assertThat(outcome.dropped()).extracting(d -> d.reason()).containsExactly(DropReason.UNKNOWN_DEVICE);
        assertThat(store.pingsOfShift(shift.id(), 100)).hasSize(40);
    }

    @Test
    void authenticatesUsersWithHashedPasswords() {
        Patroller ann = store.createPatroller("Ann");
        User admin = store.createUser("root", "correct horse battery", Role.ADMIN, null);
        User patroller = store.createUser("ann", "annsecret1", Role.PATROLLER, ann.id());
        assertThat(store.authenticateUser("root", "correct horse battery")).contains(admin);
        assertThat(store.authenticateUser("root", "wrong password")).isEmpty();
        assertThat(store.authenticateUser("nobody", "correct horse battery")).isEmpty();
        assertThat(store.authenticateUser("ann", "annsecret1")).contains(patroller);
        assertRefused(() -> store.createUser("root", "another password", Role.SUPERVISOR, null), StoreRefusal.Kind.CONFLICT);
        assertRefused(() -> store.createUser("bob", "short", Role.SUPERVISOR, null), StoreRefusal.Kind.INVALID);
        assertRefused(() -> store.createUser("bob", "long enough", Role.PATROLLER, null), StoreRefusal.Kind.INVALID);
        assertThat(store.users()).containsExactly(admin, patroller);
        assertThat(store.countUsers()).isEqualTo(2);
    }

    @Test
    void sessionsExpire() {
        User admin = store.createUser("root", "correct horse battery", Role.ADMIN, null);
        String token = store.createSession(admin.id(), T0.plusSeconds(60));
        assertThat(store.sessionUser(token, T0)).contains(admin);
        assertThat(store.sessionUser(token, T0.plusSeconds(60))).isEmpty();
        assertThat(store.sessionUser(token + "x", T0)).isEmpty();
        store.deleteSession(token);
        assertThat(store.sessionUser(token, T0)).isEmpty();
    }

    @Test
    void keepsLargeMapsAndNumberedPlanVersions() {
        byte[] map = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(map);
        Area area = store.saveArea("Monaco", "osm.pbf", map);
        assertThat(store.areaMap(area.id())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(map));
        String bigPlan = "{\"beats\":\"" + "x".repeat(2_000_000) + "\"}";
        assertThat(store.savePlanVersion(area.id(), "{\"beats\":[]}")).isEqualTo(1);
        assertThat(store.savePlanVersion(area.id(), bigPlan)).isEqualTo(2);
        assertThat(store.planVersion(area.id(), 2)).contains(bigPlan);
        assertRefused(() -> store.savePlanVersion(999, "{}"), StoreRefusal.Kind.NOT_FOUND);
        assertRefused(() -> store.saveArea("Monaco", "osm.pbf", new byte[1]), StoreRefusal.Kind.CONFLICT);
    }

    @Test
    void alertsStayOpenUntilAcknowledged() {
        Shift shift = onShift("phone-1");
        User supervisor = store.createUser("sue", "supervisor1", Role.SUPERVISOR, null);
        Alert late = store.raiseAlert(new Alert(0, "no_positions", 5, T0.plusSeconds(10), shift.patrollerId(), shift.id(),
                null, null, "no positions for 10 minutes", null, null, null, null, "silent:1"));
        Alert sos = store.raiseAlert(new Alert(0, "sos", 0, T0.plusSeconds(20), shift.patrollerId(), shift.id(),
                48.1, 11.5, "SOS pressed", null, null, null, 17L, "sos:1"));
        assertThat(store.openAlerts()).containsExactly(sos, late);
        clock.advance(Duration.ofMinutes(1));
        Alert acknowledged = store.acknowledgeAlert(sos.id(), supervisor.id(), "called Ann, all fine");
        assertThat(acknowledged.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(acknowledged.comment()).isEqualTo("called Ann, all fine");
        assertThat(store.openAlerts()).containsExactly(late);
        assertRefused(() -> store.acknowledgeAlert(sos.id(), supervisor.id(), "again"), StoreRefusal.Kind.NOT_FOUND);
        assertThat(store.alert(sos.id())).contains(acknowledged);
        assertThat(acknowledged.streetId()).isEqualTo(17L);
        assertThat(store.alertsBetween(T0, T0.plusSeconds(15))).containsExactly(late);
        assertThat(store.alertKeysSince(T0)).containsExactlyInAnyOrder("silent:1", "sos:1");
        assertThat(store.alertKeysSince(T0.plusSeconds(15))).containsExactly("sos:1");
    }

    @Test
    void manyAlertsAreAcknowledgedAtOnce() {
        Shift shift = onShift("phone-1");
        User supervisor = store.createUser("sue", "supervisor1", Role.SUPERVISOR, null);
        List<Long> ids = new java.util.ArrayList<>();
        for (int street = 0; street < 3; street++) {
            ids.add(store.raiseAlert(new Alert(0, "street_unvisited", 3, T0, shift.patrollerId(), shift.id(), null, null,
                    "street " + street + " unvisited", null, null, null, (long) street, "unvisited:" + street)).id());
        }
        store.acknowledgeAlert(ids.get(0), supervisor.id(), "walked it myself");
        assertThat(store.acknowledgeAlerts(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(2), 999L), supervisor.id(),
                "beat 0 re-walked")).containsExactly(ids.get(1), ids.get(2));
        assertThat(store.openAlerts()).isEmpty();
        assertThat(store.alert(ids.get(0))).hasValueSatisfying(a -> assertThat(a.comment()).isEqualTo("walked it myself"));
        assertThat(store.alert(ids.get(2))).hasValueSatisfying(a -> assertThat(a.comment()).isEqualTo("beat 0 re-walked"));
        assertRefused(() -> store.acknowledgeAlerts(List.of(ids.get(1)), supervisor.id(), " "), StoreRefusal.Kind.INVALID);
    }

    @Test
    void areasListAndOnePlanIsActive() {
        Area monaco = store.saveArea("Monaco", "osm.pbf", new byte[] {1, 2});
        Area town = store.saveArea("Town", "generated", new byte[] {3});
        assertThat(store.areas()).containsExactly(monaco, town);
        assertThat(store.area(town.id())).contains(town);
        assertThat(store.area(999)).isEmpty();
        assertThat(store.activePlan()).isEmpty();
        store.savePlanVersion(monaco.id(), "{}");
        clock.advance(Duration.ofSeconds(5));
        store.savePlanVersion(monaco.id(), "{\"v\":2}");
        assertThat(store.planVersions(monaco.id())).extracting(PlanVersion::version).containsExactly(1, 2);
        assertRefused(() -> store.activatePlan(town.id(), 1), StoreRefusal.Kind.NOT_FOUND);
        store.activatePlan(monaco.id(), 1);
        ActivePlan second = store.activatePlan(monaco.id(), 2);
        assertThat(store.activePlan()).contains(second);
        assertThat(second.version()).isEqualTo(2);
    }

    @Test
    void retentionDeletesOnlyOldPositionsAndKeepsTraversals() {
        Shift shift = onShift("phone-1");
        store.storePings(List.of(ping("phone-1", T0.plusSeconds(10)), ping("phone-1", T0.plusSeconds(20)),
                ping("phone-1", T0.plusSeconds(30))));
        store.addTraversals(List.of(new StoredTraversal(shift.id(), 4, T0.plusSeconds(10), T0.plusSeconds(30), 1.0)));
        assertThat(store.deletePingsBefore(T0.plusSeconds(20))).isEqualTo(1);
        assertThat(store.pingsOfShift(shift.id(), 10)).extracting(p -> p.ping().fixTime())
                .containsExactly(T0.plusSeconds(20), T0.plusSeconds(30));
        assertThat(store.traversalsOfShift(shift.id())).hasSize(1);
        assertThat(store.deletePingsBefore(T0)).isZero();
    }

    @Test
    void auditLogKeepsWhoLookedAtWhatNewestFirst() {
        User admin = store.createUser("ada", "password-1", Role.ADMIN, null);
        AuditEntry first = store.audit(admin.id(), "view_positions", "shift 1 of patroller 2");
        clock.advance(Duration.ofSeconds(5));
        AuditEntry second = store.audit(admin.id(), "export_report", "patroller 2");
        assertThat(store.auditLog(10)).containsExactly(second, first);
        assertThat(store.auditLog(1)).containsExactly(second);
        assertThat(first.at()).isEqualTo(T0);
    }

    @Test
    void traversalsAreAddedAndReplacedPerShift() {
        Shift shift = onShift("phone-1");
        StoredTraversal a = new StoredTraversal(shift.id(), 4, T0.plusSeconds(10), T0.plusSeconds(70), 1.0);
        StoredTraversal b = new StoredTraversal(shift.id(), 9, T0.plusSeconds(70), T0.plusSeconds(90), 0.5);
        store.addTraversals(List.of(b, a));
        assertThat(store.traversalsOfShift(shift.id())).containsExactly(a, b);
        StoredTraversal c = new StoredTraversal(shift.id(), 5, T0.plusSeconds(5), T0.plusSeconds(60), 0.25);
        store.replaceTraversals(shift.id(), List.of(c));
        assertThat(store.traversalsOfShift(shift.id())).containsExactly(c);
        assertThat(store.traversalsOfShift(shift.id() + 1)).isEmpty();
    }

    @Test
    void committedDataSurvivesReopening() {
        Shift shift = onShift("phone-1");
        store.storePings(List.of(ping("phone-1", T0.plusSeconds(1))));
        store.close();
        store = RoundsStores.open(config(), clock);
        assertThat(store.pingsOfShift(shift.id(), 10)).hasSize(1);
        assertThat(store.shift(shift.id())).contains(shift);
    }

    @Test
    void attributesKeepTheirTypes() {
        Shift shift = onShift("phone-1");
        store.storePings(List.of(Ping.builder("phone-1", T0, 1, 2).attribute("n", 3L).attribute("x", 1.5)
                .attribute("b", false).attribute("s", "t").build()));
        assertThat(store.pingsOfShift(shift.id(), 1).get(0).ping().attributes())
                .isEqualTo(Map.of("n", 3L, "x", 1.5, "b", false, "s", "t"));
    }

    @Test
    void checkpointsHaveTypeableSecretCodesAndTourRules() {
        Area area = store.saveArea("Campus", "osm.pbf", new byte[] {1});
        GuardTourStore tour = store.guardTour();
        StoredCheckpoint gate = tour.createCheckpoint(area.id(), "0", " North gate ", 1, 43.73, 7.42);
        StoredCheckpoint door = tour.createCheckpoint(area.id(), "0", "Boiler room door", 0, 43.731, 7.421);
        assertThat(gate.name()).isEqualTo("North gate");
        assertThat(gate.code()).matches("[2-9A-HJKMNP-TV-Z]{10}").isNotEqualTo(door.code());
        assertThat(tour.checkpoints(area.id())).extracting(StoredCheckpoint::name)
                .containsExactly("Boiler room door", "North gate");
        String typed = gate.code().substring(0, 5).toLowerCase(java.util.Locale.ROOT) + "-" + gate.code().substring(5);
        assertThat(tour.checkpointByCode(typed)).contains(gate);
        assertThat(tour.checkpointByCode("nonsense")).isEmpty();
        tour.retireCheckpoint(door.id());
        assertThat(tour.checkpoints(area.id())).containsExactly(gate);
        assertThat(tour.checkpointByCode(door.code())).isEmpty();
        assertThat(tour.checkpoint(door.id())).hasValueSatisfying(c -> assertThat(c.retiredAt()).isEqualTo(T0));
        assertRefused(() -> tour.retireCheckpoint(door.id()), StoreRefusal.Kind.NOT_FOUND);
        assertRefused(() -> tour.createCheckpoint(999, "0", "x", 0, 1, 2), StoreRefusal.Kind.NOT_FOUND);
        assertRefused(() -> tour.createCheckpoint(area.id(), "0", "x", 0, 91, 2), StoreRefusal.Kind.INVALID);
        assertRefused(() -> tour.createCheckpoint(area.id(), "0", " ", 0, 1, 2), StoreRefusal.Kind.INVALID);

        assertThat(tour.tourRules(area.id())).isEmpty();
        tour.saveTourRules(new TourRules(area.id(), "0", true, 45, 5, 10));
        TourRules changed = tour.saveTourRules(new TourRules(area.id(), "0", false, 30, 5, 10));
        assertThat(tour.tourRules(area.id())).containsExactly(changed);
        assertRefused(() -> new TourRules(area.id(), "0", false, 0, 5, 10), StoreRefusal.Kind.INVALID);
    }

    @Test
    void checkpointVisitsBelongToShifts() {
        Shift shift = onShift("phone-1");
        Area area = store.saveArea("Campus", "osm.pbf", new byte[] {1});
        StoredCheckpoint gate = store.guardTour().createCheckpoint(area.id(), "north", "Gate", 0, 48.1, 11.5);
        GuardTourStore tour = store.guardTour();
        CheckpointVisit late = tour.recordVisit(gate.id(), shift.id(), T0.plusSeconds(600), 48.1, 11.5, "QR", "late");
        CheckpointVisit typed = tour.recordVisit(gate.id(), shift.id(), T0.plusSeconds(60), null, null, "code", "on_time");
        assertThat(late.method()).isEqualTo("qr");
        assertThat(tour.visitsOfShift(shift.id())).containsExactly(typed, late);
        assertThat(tour.visitsBetween(T0.plusSeconds(61), T0.plusSeconds(601))).containsExactly(late);
        assertRefused(() -> tour.recordVisit(gate.id(), shift.id(), T0, null, null, "radio", "on_time"),
                StoreRefusal.Kind.INVALID);
        assertRefused(() -> tour.recordVisit(gate.id(), 999, T0, null, null, "qr", "on_time"), StoreRefusal.Kind.NOT_FOUND);
        assertRefused(() -> tour.recordVisit(999, shift.id(), T0, null, null, "qr", "on_time"), StoreRefusal.Kind.NOT_FOUND);
        assertThat(tour.visitsOfShift(shift.id())).hasSize(2);
    }

    @Test
    void observationsKeepCategoryNotePlaceAndPhoto() {
        Shift shift = onShift("phone-1");
        GuardTourStore tour = store.guardTour();
        assertThat(tour.observationCategories()).containsExactly("hazard", "damage", "light out", "door open", "other");
        byte[] jpeg = new byte[2 * 1024 * 1024];
        new Random(3).nextBytes(jpeg);
        Observation light = tour.recordObservation(shift.id(), "light out", " Lamp by the bins ", T0.plusSeconds(5),
                48.1, 11.5, new Photo(jpeg, "image/jpeg"));
        Observation door = tour.recordObservation(shift.id(), "door open", "", T0.plusSeconds(9), null, null, null);
        assertThat(light.note()).isEqualTo("Lamp by the bins");
        assertThat(light.patrollerId()).isEqualTo(shift.patrollerId());
        assertThat(tour.observationsBetween(T0, T0.plusSeconds(60))).containsExactly(door, light);
        assertThat(tour.observation(light.id())).contains(light);
        assertThat(tour.observationPhoto(light.id())).hasValueSatisfying(p -> {
            assertThat(p.bytes()).isEqualTo(jpeg);
            assertThat(p.contentType()).isEqualTo("image/jpeg");
        });
        assertThat(tour.observationPhoto(door.id())).isEmpty();
        assertThat(tour.deletePhotosBefore(T0.plusSeconds(5))).as("a photo taken at the cutoff stays").isZero();
        assertThat(tour.deletePhotosBefore(T0.plusSeconds(6))).isEqualTo(1);
        assertThat(tour.observationPhoto(light.id())).isEmpty();
        assertThat(tour.observation(light.id())).hasValueSatisfying(o -> {
            assertThat(o.note()).isEqualTo("Lamp by the bins");
            assertThat(o.hasPhoto()).isFalse();
        });
        assertThat(tour.deletePhotosBefore(T0.plusSeconds(60))).as("nothing left to remove").isZero();
        assertRefused(() -> tour.recordObservation(shift.id(), "person", "x", T0, null, null, null),
                StoreRefusal.Kind.INVALID);
        assertRefused(() -> tour.recordObservation(shift.id(), "other", "x", T0, null, null,
                new Photo(new byte[1], "text/html")), StoreRefusal.Kind.INVALID);

        assertThat(tour.saveObservationCategories(List.of(" graffiti ", "other"))).containsExactly("graffiti", "other");
        assertThat(tour.observationCategories()).containsExactly("graffiti", "other");
        assertRefused(() -> tour.saveObservationCategories(List.of()), StoreRefusal.Kind.INVALID);
        assertRefused(() -> tour.saveObservationCategories(List.of("a", "a ")), StoreRefusal.Kind.INVALID);
        assertThat(tour.observationCategories()).containsExactly("graffiti", "other");
        assertRefused(() -> tour.recordObservation(shift.id(), "hazard", "x", T0, null, null, null),
                StoreRefusal.Kind.INVALID);
    }

    private static void assertRefused(Runnable action, StoreRefusal.Kind kind) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(StoreRefusal.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
