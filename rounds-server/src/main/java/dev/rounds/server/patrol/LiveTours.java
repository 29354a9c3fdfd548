package dev.rounds.server.patrol;

import dev.rounds.coverage.Alert;
import dev.rounds.coverage.Checkpoint;
import dev.rounds.coverage.CheckpointDue;
import dev.rounds.coverage.CheckpointScan;
import dev.rounds.coverage.CheckpointTour;
import dev.rounds.coverage.CheckpointWatch;
import dev.rounds.coverage.CoverageLedger;
import dev.rounds.coverage.LoneWorkerWatch;
import dev.rounds.coverage.PatrollerNames;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.WellbeingCheck;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.storage.CheckpointVisit;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.StoredCheckpoint;
import dev.rounds.storage.TourRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guard-tour rules on the live patrol: each beat's checkpoint tour (missed, late, out of order,
 * round not started) and the lone-worker check. Owned by the patrol thread, like the ledger.
 */
final class LiveTours {
    private final RoundsStore store;
    private final long areaId;
    private final int beatCount;
    private final CoverageLedger ledger;
    private final LoneWorkerWatch loneWorker;
    private CheckpointWatch watch;
    private final Map<Long, StoredCheckpoint> checkpoints = new HashMap<>();

    LiveTours(RoundsStore store, long areaId, int beatCount, CoverageLedger ledger, ServerConfig.Alerts settings,
            PatrollerNames names) {
        this.store = store;
        this.areaId = areaId;
        this.beatCount = beatCount;
        this.ledger = ledger;
        this.loneWorker = settings.loneWorkerAskMinutes() == 0 ? null
                : new LoneWorkerWatch(Duration.ofMinutes(settings.loneWorkerAskMinutes()),
                        Duration.ofMinutes(settings.loneWorkerAnswerMinutes()), settings.standingRadiusMeters(), names);
        this.watch = new CheckpointWatch(ledger, List.of());
    }

    /**
     * Reads the area's checkpoints and tour rules again and replays the stored visits of the shifts in
     * the ledger; returns the alerts the replay raises (the caller drops those raised before).
     */
    List<Alert> reload(Collection<String> raisedKeys) {
        checkpoints.clear();
        Map<Integer, List<Checkpoint>> byBeat = new HashMap<>();
        for (StoredCheckpoint stored : store.guardTour().checkpoints(areaId)) {
            int beat = ActivePatrol.beatNumber(stored.beat());
            if (beat >= 0 && beat < beatCount) {
                checkpoints.put(stored.id(), stored);
                byBeat.computeIfAbsent(beat, b -> new ArrayList<>()).add(new Checkpoint(Long.toString(stored.id()),
                        stored.name(), beat, stored.sequence(), stored.lat(), stored.lon()));
            }
        }
        Map<Integer, TourRules> rules = new HashMap<>();
        store.guardTour().tourRules(areaId).forEach(r -> rules.put(ActivePatrol.beatNumber(r.beat()), r));
        List<CheckpointTour> tours = new ArrayList<>();
        byBeat.forEach((beat, list) -> {
            TourRules r = rules.getOrDefault(beat, TourRules.defaults(areaId, Integer.toString(beat)));
            tours.add(new CheckpointTour(beat, list, r.inOrder(), Duration.ofMinutes(r.windowMinutes()),
                    Duration.ofMinutes(r.graceMinutes()), Duration.ofMinutes(r.startMinutes())));
        });
        watch = new CheckpointWatch(ledger, tours);
        watch.alreadyRaised(raisedKeys);
        List<Alert> raised = new ArrayList<>();
        for (Shift shift : ledger.shifts()) {
            for (CheckpointVisit visit : store.guardTour().visitsOfShift(Long.parseLong(shift.shiftId()))) {
                StoredCheckpoint checkpoint = checkpoints.get(visit.checkpointId());
                if (checkpoint != null && ActivePatrol.beatNumber(checkpoint.beat()) == shift.beat()) {
                    raised.addAll(watch.onScan(toScan(checkpoint, shift, visit.visitedAt(), visit.lat(), visit.lon()))
                            .alerts());
                }
            }
        }
        return raised;
    }

    /** Records a scan; returns its status ({@code on_time}, {@code late}, {@code out_of_order}) and alerts. */
    CheckpointWatch.ScanResult scan(StoredCheckpoint checkpoint, Shift shift, Instant at, Double lat, Double lon) {
        return watch.onScan(toScan(checkpoint, shift, at, lat, lon));
    }

    private static CheckpointScan toScan(StoredCheckpoint checkpoint, Shift shift, Instant at, Double lat, Double lon) {
        return new CheckpointScan(Long.toString(checkpoint.id()), shift.shiftId(), shift.patrollerId(), at,
                lat == null ? Double.NaN : lat, lon == null ? Double.NaN : lon);
    }

    void onFix(PositionFix fix) {
        if (loneWorker != null) {
            loneWorker.onFix(fix);
        }
    }

    /** Checkpoint alerts and unanswered lone-worker checks due at {@code now}; new checks go to {@code asked}. */
    List<Alert> evaluate(Instant now, List<WellbeingCheck> asked) {
        List<Alert> raised = new ArrayList<>(watch.evaluate(now));
        if (loneWorker != null) {
            asked.addAll(loneWorker.evaluate(now, ledger.shiftsAt(now)));
            raised.addAll(loneWorker.unanswered(now));
        }
        return raised;
    }

    /** The checkpoints of a shift's current window as the phone page lists them. */
    List<Map<String, Object>> due(String shiftId, Instant now) {
        List<Map<String, Object>> views = new ArrayList<>();
        for (CheckpointDue due : watch.due(shiftId, now)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", Long.parseLong(due.checkpoint().id()));
            view.put("name", due.checkpoint().name());
            view.put("lat", due.checkpoint().lat());
            view.put("lon", due.checkpoint().lon());
            view.put("sequence", due.checkpoint().sequence());
            view.put("round", due.window() + 1);
            view.put("dueBy", due.dueBy().toString());
            view.put("status", due.status().name().toLowerCase(java.util.Locale.ROOT));
            views.add(view);
        }
        return views;
    }

    /** The open lone-worker question for a patroller, if any. */
    Optional<WellbeingCheck> pendingCheck(String patrollerId) {
        return loneWorker == null ? Optional.empty() : loneWorker.pending(patrollerId);
    }

    /** The patroller says they are fine; true if a question was open. */
    boolean answer(String patrollerId, Instant at) {
        return loneWorker != null && loneWorker.answer(patrollerId, at);
    }

    /** The checkpoints of the area in use, as the live map draws them. */
    List<Map<String, Object>> checkpointViews() {
        List<Map<String, Object>> views = new ArrayList<>();
        for (StoredCheckpoint c : checkpoints.values()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", c.id());
            view.put("name", c.name());
            view.put("beat", ActivePatrol.beatNumber(c.beat()));
            view.put("sequence", c.sequence());
            view.put("lat", c.lat());
            view.put("lon", c.lon());
            views.add(view);
        }
        views.sort(java.util.Comparator.comparing((Map<String, Object> v) -> (Integer) v.get("beat"))
                .thenComparing(v -> (Integer) v.get("sequence")));
        return views;
    }
}
