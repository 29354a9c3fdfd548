package dev.rounds.server.patrol;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.coverage.AlertKind;
import dev.rounds.coverage.AlertWatch;
import dev.rounds.coverage.CheckpointWatch;
import dev.rounds.coverage.CoverageConfig;
import dev.rounds.coverage.CoverageLedger;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.RoundProgress;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.coverage.WellbeingCheck;
import dev.rounds.ingest.Alarm;
import dev.rounds.ingest.Ping;
import dev.rounds.matching.LiveMatcher;
import dev.rounds.matching.Traversal;
import dev.rounds.rounds.RoundSheet;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.storage.Alert;
import dev.rounds.storage.Device;
import dev.rounds.storage.Patroller;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.StoredCheckpoint;
import dev.rounds.storage.StoredPing;
import dev.rounds.storage.StoredTraversal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live patrol on the active plan: stored pings are matched to streets (one live matcher per
 * device and shift), the street visits go into the coverage ledger (round progress), positions and
 * visits into the alert rules, and everything that changed is published as live events.
 *
 * <p>All state is owned by one thread ("rounds-patrol"): batches, the clock tick and the API's
 * snapshots run there one after another, so nothing here needs locks. A ping older than its
 * device's newest ping is put in order and the device's shift is matched again from its first ping,
 * which gives exactly the state that in-order arrival gives. After a restart or a new plan, the
 * pings of recent shifts are read back from storage and replayed.
 */
public final class ActivePatrol implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActivePatrol.class);
    /** How far matching may lag behind the newest ping (anchors, then time); see docs/BENCHMARKS.md. */
    static final int LAG_ANCHORS = 12;
    static final Duration LAG_TIME = Duration.ofMinutes(3);
    /** A device silent this long has its pending stretch decided. */
    static final Duration SILENCE_FINISH = Duration.ofMinutes(5);
    private static final Duration REPLAY_WINDOW = Duration.ofHours(24);
    private static final int TRAIL_POINTS = 30;
    /** A checkpoint placed farther than this from every street gets no beat by default. */
    private static final double NEAREST_STREET_METERS = 500;

    private final RoundsStore store;
    private final Clock clock;
    private final LiveEvents events;
    private final CoverageConfig config;
    private final ServerConfig.Alerts alertSettings;
    private final ScheduledExecutorService thread;
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    private LivePlan plan;
    private CoverageLedger ledger;
    private AlertWatch watch;
    private LiveTours tours;
    private final Map<String, DeviceTrack> devices = new HashMap<>();
    private final Map<String, Long> owners = new HashMap<>();
    private final Map<Long, List<Shift>> shiftsByPatroller = new HashMap<>();
    private final Map<Long, String> patrollerNames = new HashMap<>();
    private final Map<Long, Deque<double[]>> trails = new HashMap<>();
    private final Map<Long, Ping> lastPositions = new HashMap<>();
    private boolean replaying;
    /**
     * Traversals matched while a batch of pings is processed, stored together when it is done: one
     * transaction per batch instead of one per ping that ended a street (profiled at 40 % of the
     * patrol thread's time in batch ingest). Null outside a batch: traversals are stored at once.
     */
    private List<StoredTraversal> batchTraversals;

    public ActivePatrol(RoundsStore store, Clock clock, LiveEvents events, ServerConfig.Alerts alertSettings) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.alertSettings = alertSettings;
        this.config = alertSettings.coverage();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rounds-patrol");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::safeTick, 1, 1, TimeUnit.SECONDS);
    }

    /** Switches to a plan (also at start-up); recent shifts' pings are replayed on it. */
    public void activate(PlannedArea planned) {
        call(() -> {
            finishAll();
            plan = new LivePlan(planned, new ObjectMapper());
            ledger = new CoverageLedger(plan.area, config);
            watch = new AlertWatch(ledger, this::nameOf);
            Instant since = clock.instant().minus(REPLAY_WINDOW);
            watch.alreadyRaised(store.alertKeysSince(since.minus(REPLAY_WINDOW)));
            devices.clear();
            trails.clear();
            lastPositions.clear();
            shiftsByPatroller.clear();
            replayRecentShifts(since);
            tours = new LiveTours(store, planned.areaId(), planned.plan().beatCount(), ledger, alertSettings,
                    this::nameOf);
            syncRunningShifts();
            reloadTours();
            LOG.info("live patrol follows plan {} ({} beats, {} streets)", planned.planId(), planned.plan().beatCount(),
                    planned.network().edgeCount());
            return null;
        });
    }

    /** The active plan, if any. */
    public Optional<PlannedArea> activePlan() {
        return call(() -> Optional.ofNullable(plan).map(p -> p.planned));
    }

    /** Takes committed pings (from the ingest pipeline); processed on the patrol thread. */
    public void accept(List<Ping> committed) {
        count("pings_in", committed.size());
        thread.execute(() -> {
            try {
                process(committed);
            } catch (RuntimeException e) {
                count("batch_failures", 1);
                LOG.error("live patrol could not process {} pings", committed.size(), e);
            }
        });
    }

    /** Counters for metrics: pings in, matched, ignored by reason, visits, alerts, replays. */
    public Map<String, Long> counters() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private void count(String name, long n) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    // ---- processing, on the patrol thread ----

    private void process(List<Ping> batch) {
        if (plan == null) {
            count("ignored_no_active_plan", batch.size());
            batch.stream().filter(p -> p.alarm() == Alarm.SOS).forEach(this::sosWithoutPlan);
            return;
        }
        Set<DeviceTrack> late = new LinkedHashSet<>();
        Set<Long> touchedShifts = new LinkedHashSet<>();
        batchTraversals = new ArrayList<>();
        try {
            matchInOrder(batch, late, touchedShifts);
        } finally {
            List<StoredTraversal> matched = batchTraversals;
            batchTraversals = null;
            if (!matched.isEmpty()) {
                store.addTraversals(matched); // before a re-match replaces a shift's traversals
            }
        }
        for (DeviceTrack track : late) {
            rematch(track);
        }
        if (!replaying) {
            touchedShifts.forEach(this::publishProgress);
        }
    }

    /** Matches the pings that come in order; the devices with late ones are collected for a re-match. */
    private void matchInOrder(List<Ping> batch, Set<DeviceTrack> late, Set<Long> touchedShifts) {
        for (Ping ping : batch) {
            DeviceTrack track = trackFor(ping);
            if (track == null) {
                continue;
            }
            touchedShifts.add(track.shiftId);
            track.lastArrival = clock.instant();
            if (!replaying) {
                watch.heard(Long.toString(track.patrollerId), track.lastArrival);
            }
            position(track, ping);
            dev.rounds.matching.Ping point = new dev.rounds.matching.Ping(ping.latitude(), ping.longitude(),
                    ping.fixTime(), ping.accuracyMeters() == null || !(ping.accuracyMeters() > 0) ? Double.NaN
                            : ping.accuracyMeters());
            boolean inOrder = track.inOrder(point);
            if (!track.add(point)) {
                count("ignored_duplicate_time", 1);
                continue;
            }
            if (inOrder) {
                track.idle = false;
                visits(track, track.matcher.accept(point));
                count("pings_matched", 1);
            } else {
                late.add(track);
                count("pings_late", 1);
            }
        }
    }

    private DeviceTrack trackFor(Ping ping) {
        Long patrollerId = owner(ping.deviceId());
        if (patrollerId == null) {
            count("ignored_unknown_device", 1);
            return null;
        }
        Shift shift = shiftAt(patrollerId, ping.fixTime());
        if (shift == null) {
            count("ignored_no_shift", 1);
            return null;
        }
        ensureInLedger(shift);
        String key = ping.deviceId();
        DeviceTrack track = devices.get(key);
        if (track == null || track.shiftId != shift.id()) {
            if (track != null) {
                visits(track, track.matcher.finish());
            }
            track = new DeviceTrack(key, patrollerId, shift.id(), newMatcher());
            devices.put(key, track);
        }
        return track;
    }

    private LiveMatcher newMatcher() {
        return plan.matcher.live(LAG_ANCHORS, LAG_TIME);
    }

    private Long owner(String deviceId) {
        if (!owners.containsKey(deviceId)) {
            owners.put(deviceId, store.device(deviceId).map(Device::patrollerId).orElse(null));
        }
        return owners.get(deviceId);
    }

    private Shift shiftAt(long patrollerId, Instant time) {
        Shift found = findShift(shiftsByPatroller.get(patrollerId), time);
        if (found == null) {
            shiftsByPatroller.put(patrollerId, store.shiftsOf(patrollerId));
            found = findShift(shiftsByPatroller.get(patrollerId), time);
        }
        return found;
    }

    private static Shift findShift(List<Shift> shifts, Instant time) {
        if (shifts != null) {
            for (Shift shift : shifts) {
                if (shift.contains(time)) {
                    return shift;
                }
            }
        }
        return null;
    }

    private void ensureInLedger(Shift shift) {
        String id = Long.toString(shift.id());
        if (ledger.shift(id).isPresent()) {
            return;
        }
        int beat = beatNumber(shift.beat());
        if (beat < 0 || beat >= plan.area.beatCount()) {
            count("shifts_on_unknown_beat", 1);
            beat = -1;
        }
        if (beat >= 0) {
            Instant end = shift.endsAt() == null ? shift.startsAt().plus(Duration.ofDays(1)) : shift.endsAt();
            ledger.addShift(new dev.rounds.coverage.Shift(id, Long.toString(shift.patrollerId()), beat,
                    shift.startsAt(), end));
        }
    }

    static int beatNumber(String beat) {
        try {
            return Integer.parseInt(beat.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void position(DeviceTrack track, Ping ping) {
        Ping last = lastPositions.get(track.patrollerId);
        if (last == null || ping.fixTime().isAfter(last.fixTime())) {
            if (last != null) {
                track.walkedMeters += dev.rounds.network.Earth.distanceMeters(last.latitude(), last.longitude(),
                        ping.latitude(), ping.longitude());
            }
            lastPositions.put(track.patrollerId, ping);
            Deque<double[]> trail = trails.computeIfAbsent(track.patrollerId, id -> new ArrayDeque<>());
            trail.addLast(new double[] {ping.latitude(), ping.longitude()});
            while (trail.size() > TRAIL_POINTS) {
                trail.removeFirst();
            }
        }
        String patroller = Long.toString(track.patrollerId);
        List<dev.rounds.coverage.Alert> raised = watch.onFix(new PositionFix(patroller, ping.fixTime(), ping.latitude(),
                ping.longitude(), ping.alarm() == Alarm.SOS));
        raised.forEach(this::raise);
        if (tours != null) {
            tours.onFix(new PositionFix(patroller, ping.fixTime(), ping.latitude(), ping.longitude(), false));
        }
        if (!replaying) {
            events.publish("position", patrollerView(track.patrollerId));
        }
    }

    private void visits(DeviceTrack track, List<Traversal> traversals) {
        List<StoredTraversal> stored = new ArrayList<>();
        for (Traversal t : traversals) {
            StreetVisit visit = visit(track, t);
            if (visit == null) {
                continue;
            }
            ledger.record(visit);
            watch.onVisit(visit);
            stored.add(new StoredTraversal(track.shiftId, t.edge(), t.entryTime(), t.exitTime(), visit.share()));
            if (!replaying) {
                events.publish("visit", Map.of("edge", t.edge(), "time", t.exitTime().toEpochMilli()));
            }
        }
        count("visits", stored.size());
        if (replaying || stored.isEmpty()) {
            return;
        }
        if (batchTraversals != null) {
            batchTraversals.addAll(stored);
        } else {
            store.addTraversals(stored);
        }
    }

    private static StreetVisit visit(DeviceTrack track, Traversal t) {
        double share = Math.min(1, t.share());
        if (!(share > 0) || t.exitTime().isBefore(t.entryTime())) {
            return null;
        }
        return new StreetVisit(Long.toString(track.patrollerId), t.edge(), t.entryTime(), t.exitTime(), share);
    }

    /** Matches a device's shift again from its first ping, after a late ping was put in order. */
    private void rematch(DeviceTrack track) {
        count("rematches", 1);
        track.matcher = newMatcher();
        List<StreetVisit> visits = new ArrayList<>();
        List<StoredTraversal> stored = new ArrayList<>();
        int nextBreak = 0;
        for (dev.rounds.matching.Ping point : track.pings) {
            List<Traversal> decided = new ArrayList<>();
            while (nextBreak < track.breaks.size() && point.time().isAfter(track.breaks.get(nextBreak))) {
                decided.addAll(track.matcher.finish());
                track.matcher = newMatcher();
                nextBreak++;
            }
            decided.addAll(track.matcher.accept(point));
            for (Traversal t : decided) {
                StreetVisit visit = visit(track, t);
                if (visit != null) {
                    visits.add(visit);
                    stored.add(new StoredTraversal(track.shiftId, t.edge(), t.entryTime(), t.exitTime(), visit.share()));
                }
            }
        }
        Shift shift = ledgerShiftWindow(track);
        ledger.replaceVisits(Long.toString(track.patrollerId), shift.startsAt(),
                shift.endsAt() == null ? shift.startsAt().plus(Duration.ofDays(1)) : shift.endsAt(), visits);
        if (!replaying) {
            store.replaceTraversals(track.shiftId, stored);
            visits.forEach(v -> events.publish("visit", Map.of("edge", v.edge(), "time", lastVisitMillis(v.edge()))));
        }
    }

    private Shift ledgerShiftWindow(DeviceTrack track) {
        return store.shift(track.shiftId).orElseThrow();
    }

    private long lastVisitMillis(int edge) {
        return ledger.lastVisit(edge).map(Instant::toEpochMilli).orElse(0L);
    }

    private void finishAll() {
        if (plan == null) {
            return;
        }
        for (DeviceTrack track : devices.values()) {
            visits(track, track.matcher.finish());
        }
    }

    private void replayRecentShifts(Instant since) {
        replaying = true;
        try {
            for (Patroller patroller : store.patrollers()) {
                patrollerNames.put(patroller.id(), patroller.name());
            }
            for (Shift shift : store.shifts()) {
                if (shift.endsAt() != null && shift.endsAt().isBefore(since)) {
                    continue;
                }
                List<Ping> pings = store.pingsOfShift(shift.id(), 1_000_000).stream().map(StoredPing::ping).toList();
                if (!pings.isEmpty()) {
                    process(pings);
                    count("replayed_pings", pings.size());
                }
            }
            for (Map.Entry<String, DeviceTrack> entry : devices.entrySet()) {
                DeviceTrack track = entry.getValue();
                List<StoredTraversal> stored = ledger.shiftVisits(Long.toString(track.shiftId)).stream()
                        .map(v -> new StoredTraversal(track.shiftId, v.edge(), v.entry(), v.exit(), v.share())).toList();
                store.replaceTraversals(track.shiftId, stored);
            }
        } finally {
            replaying = false;
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("live patrol tick failed", e);
        }
    }

    private void tick() {
        if (plan == null) {
            return;
        }
        Instant now = clock.instant();
        for (DeviceTrack track : devices.values()) {
            if (!track.idle && track.lastArrival != null
                    && Duration.between(track.lastArrival, now).compareTo(SILENCE_FINISH) > 0) {
                settle(track);
            }
        }
        if (now.getEpochSecond() % 30 == 0) {
            syncRunningShifts();
        }
        watch.evaluate(now).forEach(this::raise);
        List<WellbeingCheck> asked = new ArrayList<>();
        tours.evaluate(now, asked).forEach(this::raise);
        for (WellbeingCheck check : asked) {
            count("wellbeing_checks", 1);
            events.publish("check", Map.of("patrollerId", Long.parseLong(check.patrollerId()),
                    "patrollerName", patrollerName(Long.parseLong(check.patrollerId())),
                    "askedAt", check.askedAt().toString(), "answerBy", check.answerBy().toString()));
        }
        events.publish("clock", Map.of("now", now.toEpochMilli()));
        if (now.getEpochSecond() % 5 == 0) {
            ledger.shiftsAt(now).forEach(s -> publishProgress(Long.parseLong(s.shiftId())));
        }
    }

    private Alert raise(dev.rounds.coverage.Alert alert) {
        if (replaying && alert.raisedAt().isBefore(clock.instant().minus(Duration.ofMinutes(30)))) {
            return null;
        }
        Alert stored = store.raiseAlert(new Alert(0, alert.kind().name().toLowerCase(java.util.Locale.ROOT),
                alert.kind().priority(), alert.raisedAt(), parseLong(alert.patrollerId()), parseLong(alert.shiftId()),
                Double.isNaN(alert.lat()) ? null : alert.lat(), Double.isNaN(alert.lon()) ? null : alert.lon(),
                alert.reason(), null, null, null, alert.edge() < 0 ? null : (long) alert.edge(), alert.key()));
        count("alerts", 1);
        events.publish("alert", alertView(stored));
        return stored;
    }

    /**
     * An SOS never waits for a plan: without an active plan nothing is matched, but the alarm is
     * raised as the alert rules would raise it (same key, so activating a plan does not raise it again).
     */
    private void sosWithoutPlan(Ping ping) {
        Long patrollerId = owner(ping.deviceId());
        if (patrollerId == null) {
            return;
        }
        Shift shift = shiftAt(patrollerId, ping.fixTime());
        String patroller = Long.toString(patrollerId);
        raise(new dev.rounds.coverage.Alert(AlertKind.SOS, "sos:" + patroller + ":" + ping.fixTime(), ping.fixTime(),
                shift == null ? null : Long.toString(shift.id()), patroller, shift == null ? -1 : beatNumber(shift.beat()),
                -1, ping.latitude(), ping.longitude(), "SOS from " + patrollerName(patrollerId)));
    }

    /** Decides a device's pending stretch now, as silence would (the track may go on later). */
    private void settle(DeviceTrack track) {
        visits(track, track.matcher.finish());
        track.matcher = newMatcher();
        track.breaks.add(track.lastFix);
        track.idle = true;
    }

    /**
     * A device's upload is complete (a GPX file of a shift recorded offline): its pending stretch is
     * decided at once instead of after {@link #SILENCE_FINISH} of silence.
     */
    public void uploadComplete(String deviceId) {
        call(() -> {
            DeviceTrack track = devices.get(deviceId);
            if (track != null && !track.idle) {
                settle(track);
                publishProgress(track.shiftId);
            }
            return null;
        });
    }

    /** Puts every shift running now into the ledger, so that a patroller who never sent a position is watched too. */
    private void syncRunningShifts() {
        Instant now = clock.instant();
        for (Shift shift : store.shifts()) {
            if (shift.contains(now)) {
                ensureInLedger(shift);
                shiftsByPatroller.remove(shift.patrollerId());
            }
        }
    }

    private void reloadTours() {
        boolean was = replaying;
        replaying = true;
        try {
            tours.reload(store.alertKeysSince(clock.instant().minus(REPLAY_WINDOW.multipliedBy(2))))
                    .forEach(this::raise);
        } finally {
            replaying = was;
        }
    }

    private static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void publishProgress(long shiftId) {
        if (ledger.shift(Long.toString(shiftId)).isPresent()) {
            events.publish("progress", Map.of("progress", progressViews()));
        }
    }

    // ---- views, on the patrol thread ----

    /** An alert as the dashboard shows it. */
    public Map<String, Object> alertView(Alert alert) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", alert.id());
        view.put("kind", alert.kind().toUpperCase(java.util.Locale.ROOT));
        view.put("priority", alert.priority());
        view.put("raisedAt", alert.raisedAt().toString());
        view.put("reason", alert.reason());
        view.put("patrollerId", alert.patrollerId());
        view.put("patrollerName", alert.patrollerId() == null ? null : patrollerName(alert.patrollerId()));
        view.put("shiftId", alert.shiftId());
        view.put("edge", alert.streetId());
        view.put("lat", alert.latitude());
        view.put("lon", alert.longitude());
        return view;
    }

    /** A patroller's name for alert reasons, from the id the coverage engine uses. */
    private String nameOf(String patrollerId) {
        Long id = parseLong(patrollerId);
        return id == null ? patrollerId : patrollerName(id);
    }

    private String patrollerName(long id) {
        if (!patrollerNames.containsKey(id)) {
            store.patroller(id).ifPresent(p -> patrollerNames.put(id, p.name()));
        }
        return patrollerNames.getOrDefault(id, "#" + id);
    }

    private List<Map<String, Object>> progressViews() {
        List<Map<String, Object>> views = new ArrayList<>();
        for (dev.rounds.coverage.Shift shift : ledger.shiftsAt(clock.instant())) {
            RoundProgress p = ledger.progress(shift.shiftId());
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("shiftId", shift.shiftId());
            view.put("beat", p.beat());
            view.put("patrollerId", Long.parseLong(shift.patrollerId()));
            view.put("patrollerName", patrollerName(Long.parseLong(shift.patrollerId())));
            view.put("roundsCompleted", p.roundsCompleted());
            view.put("roundsPlanned", p.roundsPlanned());
            view.put("coveredShare", p.coveredShare());
            view.put("currentRoundStart", p.currentRoundStart().toString());
            views.add(view);
        }
        views.sort(java.util.Comparator.comparingInt(v -> (Integer) v.get("beat")));
        return views;
    }

    private Map<String, Object> patrollerView(long patrollerId) {
        Ping last = lastPositions.get(patrollerId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("patrollerId", patrollerId);
        view.put("name", patrollerName(patrollerId));
        view.put("lat", last == null ? null : last.latitude());
        view.put("lon", last == null ? null : last.longitude());
        view.put("time", last == null ? null : last.fixTime().toString());
        view.put("status", watch.status(Long.toString(patrollerId), clock.instant()).label());
        List<double[]> trail = new ArrayList<>(trails.getOrDefault(patrollerId, new ArrayDeque<>()));
        view.put("trail", trail);
        return view;
    }

    /** Everything the live page draws first; a patroller sees only themself. */
    public Map<String, Object> state(Long onlyPatroller) {
        return call(() -> {
            if (plan == null) {
                return null;
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("area", Map.of("id", plan.planned.areaId(), "name", plan.planned.areaName(),
                    "attribution", plan.network.attribution() == null ? "© OpenStreetMap contributors" : plan.network.attribution()));
            List<Map<String, Object>> beats = new ArrayList<>();
            for (int b = 0; b < plan.area.beatCount(); b++) {
                beats.add(Map.of("beat", b, "roundMinutes", plan.area.beat(b).roundDuration().toMillis() / 60_000.0,
                        "roundsPerShift", plan.area.beat(b).roundsPerShift(), "color", BeatOutlines.color(b)));
            }
            state.put("plan", Map.of("id", plan.planned.planId(), "beats", beats));
            state.put("streets", plan.streets);
            state.put("beatOutlines", plan.outlines);
            Long[] lastVisit = new Long[plan.network.edgeCount()];
            for (int e = 0; e < lastVisit.length; e++) {
                lastVisit[e] = ledger.lastVisit(e).map(Instant::toEpochMilli).orElse(null);
            }
            state.put("lastVisit", lastVisit);
            List<Map<String, Object>> patrollers = new ArrayList<>();
            for (long id : lastPositions.keySet()) {
                if (onlyPatroller == null || onlyPatroller == id) {
                    patrollers.add(patrollerView(id));
                }
            }
            state.put("patrollers", patrollers);
            state.put("progress", progressViews().stream()
                    .filter(v -> onlyPatroller == null || onlyPatroller.equals(v.get("patrollerId"))).toList());
            state.put("alerts", store.openAlerts().stream()
                    .filter(a -> onlyPatroller == null || onlyPatroller.equals(a.patrollerId()))
                    .map(this::alertView).toList());
            state.put("checkpoints", tours.checkpointViews().stream().filter(c -> onlyPatroller == null
                    || onShiftBeat(onlyPatroller) == (Integer) c.get("beat")).toList());
            state.put("observations", store.guardTour().observationsBetween(clock.instant().minus(Duration.ofDays(1)),
                    clock.instant().plusSeconds(1)).stream()
                    .filter(o -> onlyPatroller == null || onlyPatroller == o.patrollerId())
                    .map(o -> ObservationView.of(o, patrollerName(o.patrollerId()))).toList());
            state.put("now", clock.instant().toEpochMilli());
            return state;
        });
    }

    private int onShiftBeat(long patrollerId) {
        return ledger.shiftsAt(clock.instant()).stream().filter(s -> s.patrollerId().equals(Long.toString(patrollerId)))
                .mapToInt(dev.rounds.coverage.Shift::beat).findFirst().orElse(-2);
    }

    /** One street as the live map's pop-up shows it; null when there is no such street. */
    public Map<String, Object> street(int edge) {
        return call(() -> {
            if (plan == null || edge < 0 || edge >= plan.network.edgeCount()) {
                return null;
            }
            int beat = plan.area.edgeBeat(edge);
            Instant now = clock.instant();
            Instant from = ledger.shiftsAt(now).stream().filter(s -> s.beat() == beat)
                    .map(dev.rounds.coverage.Shift::start).min(Instant::compareTo).orElse(now.minus(Duration.ofHours(8)));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("edge", edge);
            view.put("name", plan.network.edgeName(edge));
            view.put("lengthMeters", plan.network.edgeLengthMeters(edge));
            view.put("beat", beat);
            view.put("lastVisit", ledger.lastVisit(edge).map(Instant::toString).orElse(null));
            view.put("visitsThisShift", ledger.visitTimesBetween(edge, from, now.plusSeconds(1)).stream()
                    .map(Instant::toString).toList());
            return view;
        });
    }

    /** One patroller's shift so far; null when they are not on shift on the active plan. */
    public Map<String, Object> patroller(long patrollerId) {
        return call(() -> {
            if (plan == null) {
                return null;
            }
            Instant now = clock.instant();
            Optional<dev.rounds.coverage.Shift> shift = ledger.shiftsAt(now).stream()
                    .filter(s -> s.patrollerId().equals(Long.toString(patrollerId))).findFirst();
            if (shift.isEmpty()) {
                return null;
            }
            RoundProgress p = ledger.progress(shift.get().shiftId());
            double walked = devices.values().stream().filter(t -> t.patrollerId == patrollerId)
                    .mapToDouble(t -> t.walkedMeters).sum();
            Map<String, Object> view = new LinkedHashMap<>(patrollerView(patrollerId));
            view.put("beat", p.beat());
            view.put("shiftId", shift.get().shiftId());
            view.put("shiftStart", shift.get().start().toString());
            view.put("walkedMeters", walked);
            view.put("roundsCompleted", p.roundsCompleted());
            view.put("roundsPlanned", p.roundsPlanned());
            view.put("coveredShare", p.coveredShare());
            return view;
        });
    }

    /** Per street: beat, last visit and visits since {@code from}, as a GeoJSON FeatureCollection. */
    public Map<String, Object> coverage(Instant from) {
        return call(() -> {
            if (plan == null) {
                return null;
            }
            Instant now = clock.instant();
            List<Object> features = new ArrayList<>();
            var streets = plan.streets.path("features");
            for (int e = 0; e < plan.network.edgeCount(); e++) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("id", e);
                properties.put("name", plan.network.edgeName(e));
                properties.put("beat", plan.area.edgeBeat(e));
                properties.put("length_m", Math.round(plan.network.edgeLengthMeters(e) * 100) / 100.0);
                properties.put("last_visit", ledger.lastVisit(e).map(Instant::toString).orElse(null));
                properties.put("visits", ledger.visitsBetween(e, from, now.plusSeconds(1)));
                features.add(Map.of("type", "Feature", "geometry", streets.get(e).path("geometry"),
                        "properties", properties));
            }
            Map<String, Object> collection = new LinkedHashMap<>();
            collection.put("type", "FeatureCollection");
            if (plan.network.attribution() != null) {
                collection.put("attribution", plan.network.attribution());
            }
            collection.put("features", features);
            return collection;
        });
    }

    /** Round progress of every shift running now (a patroller sees only their own). */
    public List<Map<String, Object>> progress(Long onlyPatroller) {
        return call(() -> plan == null ? List.<Map<String, Object>>of() : progressViews().stream()
                .filter(v -> onlyPatroller == null || onlyPatroller.equals(v.get("patrollerId"))).toList());
    }

    // ---- guard tour: checkpoints, SOS from the phone, lone-worker checks ----

    /** The beat of the street nearest to a place on the active plan; -1 without a plan. */
    public int nearestBeat(double lat, double lon) {
        return call(() -> {
            if (plan == null) {
                return -1;
            }
            var nearest = plan.index.nearest(lat, lon, NEAREST_STREET_METERS);
            return nearest == null ? -1 : plan.area.edgeBeat(nearest.edge());
        });
    }

    /** Checkpoints or tour rules changed in storage: read them again. */
    public void toursChanged() {
        call(() -> {
            if (tours != null) {
                reloadTours();
            }
            return null;
        });
    }

    /**
     * A checkpoint scanned during a shift on the active plan; returns the visit's status
     * ({@code on_time}, {@code late}, {@code out_of_order}) after raising what it raises.
     */
    public String checkpointScanned(StoredCheckpoint checkpoint, Shift shift, Instant at, Double lat, Double lon) {
        return call(() -> {
            if (plan == null) {
                throw new IllegalStateException("no active plan");
            }
            ensureInLedger(shift);
            dev.rounds.coverage.Shift inLedger = ledger.shift(Long.toString(shift.id())).orElseThrow(
                    () -> new IllegalArgumentException("shift " + shift.id() + " is on beat '" + shift.beat()
                            + "', which the active plan does not have"));
            CheckpointWatch.ScanResult result = tours.scan(checkpoint, inLedger, at, lat, lon);
            result.alerts().forEach(this::raise);
            String status = result.status().name().toLowerCase(java.util.Locale.ROOT);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("checkpointId", checkpoint.id());
            event.put("name", checkpoint.name());
            event.put("beat", inLedger.beat());
            event.put("visitedAt", at.toString());
            event.put("patrollerName", patrollerName(shift.patrollerId()));
            event.put("status", status);
            events.publish("checkpoint", event);
            count("checkpoint_visits", 1);
            return status;
        });
    }

    /** An SOS from the patroller's phone page: a top-priority alert at once; returns it as the dashboard shows it. */
    public Map<String, Object> sos(Shift shift, Instant at, Double lat, Double lon) {
        return call(() -> {
            Ping last = lastPositions.get(shift.patrollerId());
            double atLat = lat != null ? lat : last != null ? last.latitude() : Double.NaN;
            double atLon = lon != null ? lon : last != null ? last.longitude() : Double.NaN;
            int beat = beatNumber(shift.beat());
            Alert stored = raise(new dev.rounds.coverage.Alert(AlertKind.SOS, "sos:phone:" + shift.patrollerId() + ":" + at,
                    at, Long.toString(shift.id()), Long.toString(shift.patrollerId()), beat, -1, atLat, atLon,
                    "SOS from " + patrollerName(shift.patrollerId()) + "'s phone" + (lat == null ? " (no position sent; "
                            + (last == null ? "none known)" : "last known position)") : "")));
            return stored == null ? Map.<String, Object>of() : alertView(stored);
        });
    }

    /** The patroller answers the lone-worker question; true if one was open. */
    public boolean answerCheck(long patrollerId) {
        return call(() -> {
            boolean open = tours != null && tours.answer(Long.toString(patrollerId), clock.instant());
            if (open) {
                count("wellbeing_answers", 1);
                events.publish("check_answered", Map.of("patrollerId", patrollerId));
            }
            return open;
        });
    }

    /**
     * What the patroller's phone page shows: shift, beat, round sheet and progress, checkpoints due
     * and the open lone-worker question; null when not on shift on the active plan.
     */
    public Map<String, Object> myShift(long patrollerId) {
        return call(() -> {
            if (plan == null) {
                return null;
            }
            Instant now = clock.instant();
            syncRunningShifts();
            Optional<dev.rounds.coverage.Shift> shift = ledger.shiftsAt(now).stream()
                    .filter(s -> s.patrollerId().equals(Long.toString(patrollerId))).findFirst();
            if (shift.isEmpty()) {
                return null;
            }
            Shift stored = store.shift(Long.parseLong(shift.get().shiftId())).orElseThrow();
            RoundProgress p = ledger.progress(shift.get().shiftId());
            int beat = shift.get().beat();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("shiftId", stored.id());
            view.put("beat", beat);
            view.put("startsAt", stored.startsAt().toString());
            view.put("endsAt", stored.endsAt() == null ? null : stored.endsAt().toString());
            view.put("patrollerName", patrollerName(patrollerId));
            view.put("roundsCompleted", p.roundsCompleted());
            view.put("roundsPlanned", p.roundsPlanned());
            view.put("coveredShare", p.coveredShare());
            view.put("currentRoundStart", p.currentRoundStart().toString());
            view.put("round", roundView(beat));
            view.put("checkpoints", tours.due(shift.get().shiftId(), now));
            view.put("check", tours.pendingCheck(Long.toString(patrollerId)).map(c -> Map.of(
                    "askedAt", c.askedAt().toString(), "answerBy", c.answerBy().toString())).orElse(null));
            view.put("now", now.toString());
            return view;
        });
    }

    private Map<String, Object> roundView(int beat) {
        RoundSheet sheet = RoundSheet.of(plan.planned.plan().beat(beat).round(), plan.network);
        List<Map<String, Object>> legs = new ArrayList<>();
        for (RoundSheet.Leg leg : sheet.legs()) {
            legs.add(Map.of("street", leg.street(), "meters", Math.round(leg.lengthMeters()), "deadhead", leg.deadhead()));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("minutes", plan.area.beat(beat).roundDuration().toMillis() / 60_000.0);
        view.put("lengthMeters", Math.round(plan.planned.plan().beat(beat).roundLengthMeters()));
        view.put("legs", legs);
        view.put("through", sheet.through());
        return view;
    }

    /** Waits until everything submitted so far has been processed (tests, the demo). */
    public void drain() {
        call(() -> null);
    }

    private <T> T call(Callable<T> work) {
        try {
            return thread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the live patrol", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the live patrol did not answer within 30 s", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
