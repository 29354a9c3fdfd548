package dev.rounds.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows the checkpoint tours of shifts: judges every scan (on time, late, out of order) and, when
 * {@link #evaluate} is called with the current time, raises missed checkpoints and rounds not
 * started on time. Each condition is raised once (its key); see {@link CheckpointTour} for the rules
 * and {@link RoundWindows} for the windows.
 *
 * <p>Shifts come from the ledger; a shift's beat picks its tour, and beats without a tour (or with
 * an empty one) raise nothing. Scans may arrive late and out of time order (a phone queued them
 * offline): each shift's scans are replayed in time order, so statuses, {@link #visits} and
 * {@link #due} do not depend on the arrival order. Alerts already raised stay raised. Time is always
 * passed in, never read from a clock. The tours are fixed for the watch's life: to change one, build
 * a new watch, tell it {@link #alreadyRaised} and give it the stored scans again. Not thread-safe: one
 * watch per ledger, used by one thread.
 */
public final class CheckpointWatch {
    private final CoverageLedger ledger;
    private final Map<Integer, CheckpointTour> tours = new HashMap<>();
    private final Map<String, Checkpoint> checkpoints = new HashMap<>();
    private final Map<String, ShiftScans> scans = new HashMap<>();
    private final Set<String> raised = new HashSet<>();

    /**
     * How a scan counts: within its window, in a window's grace, before its predecessors (in-order
     * tours), or for no window (before the shift, or after the last window's grace). A late scan that
     * is also out of order says LATE, and raises both alerts.
     */
    public enum Status { ON_TIME, LATE, OUT_OF_ORDER, NOT_DUE }

    /** How a scan counted, and the alerts its arrival raised. */
    public record ScanResult(Status status, List<Alert> alerts) {
        public ScanResult {
            alerts = List.copyOf(alerts);
        }
    }

    /**
     * @param tours at most one per beat; checkpoint ids unique across all of them
     */
    public CheckpointWatch(CoverageLedger ledger, List<CheckpointTour> tours) {
        this.ledger = ledger;
        for (CheckpointTour tour : tours) {
            if (this.tours.put(tour.beat(), tour) != null) {
                throw new IllegalArgumentException("two tours for beat " + tour.beat() + "; give each beat one tour");
            }
            for (Checkpoint checkpoint : tour.checkpoints()) {
                if (checkpoints.put(checkpoint.id(), checkpoint) != null) {
                    throw new IllegalArgumentException("checkpoint id '" + checkpoint.id() + "' is in two tours;"
                            + " give each checkpoint its own id");
                }
            }
        }
    }

    /** Marks conditions as already raised (their keys), e.g. those stored before a restart. */
    public void alreadyRaised(Collection<String> keys) {
        raised.addAll(keys);
    }

    /**
     * Records a scan; returns how it counts and the alerts newly raised (late, out of order).
     *
     * @throws IllegalArgumentException for a shift the ledger does not know, a scan by another
     *                                  patroller than the shift's, an unknown checkpoint or one of
     *                                  another beat than the shift's
     */
    public ScanResult onScan(CheckpointScan scan) {
        Shift shift = shift(scan.shiftId());
        if (!scan.patrollerId().equals(shift.patrollerId())) {
            throw new IllegalArgumentException("scan by patroller '" + scan.patrollerId() + "' for shift "
                    + shift.shiftId() + " of patroller '" + shift.patrollerId() + "'; send it with the scanning"
                    + " patroller's own shift");
        }
        Checkpoint checkpoint = checkpoint(scan.checkpointId(), shift);
        ShiftScans log = scansOf(shift, tours.get(checkpoint.beat()));
        log.add(scan);
        List<Alert> fresh = new ArrayList<>();
        for (ShiftScans.Replayed replayed : log.replayed()) {
            if (replayed.late()) {
                add(fresh, CheckpointAlerts.late(shift, log.windows(), replayed.visit(), replayed.checkpoint()));
            }
            if (!replayed.skipped().isEmpty()) {
                add(fresh, CheckpointAlerts.outOfOrder(shift, replayed.visit(), replayed.checkpoint(),
                        replayed.skipped()));
            }
        }
        return new ScanResult(log.of(scan).visit().status(), fresh);
    }

    /**
     * Checks the windows of every shift that has started by {@code now} and ended less than
     * window + grace + startGrace ago (so the last window's misses are reported too); returns the
     * alerts newly raised: a missed checkpoint once its window's grace has run out, a round not
     * started once its start grace has run out with no scan of the shift and no street of its beat
     * walked by its patroller (a street visit counts when it overlaps the start grace).
     */
    public List<Alert> evaluate(Instant now) {
        List<Alert> fresh = new ArrayList<>();
        for (Shift shift : ledger.shifts()) {
            CheckpointTour tour = tours.get(shift.beat());
            if (tour == null || tour.checkpoints().isEmpty() || now.isBefore(shift.start()) || !now.isBefore(
                    shift.end().plus(tour.window()).plus(tour.grace()).plus(tour.startGrace()))) {
                continue;
            }
            ShiftScans log = scansOf(shift, tour);
            for (int window = 0; window < log.windows().count(); window++) {
                checkMissed(shift, tour, log, window, now, fresh);
                checkStarted(shift, tour, log, window, now, fresh);
            }
        }
        return fresh;
    }

    private void checkMissed(Shift shift, CheckpointTour tour, ShiftScans log, int window, Instant now,
            List<Alert> fresh) {
        if (now.isBefore(log.windows().end(window).plus(tour.grace()))) {
            return;
        }
        Set<String> done = log.visitedIn(window, now);
        for (Checkpoint checkpoint : tour.checkpoints()) {
            if (!done.contains(checkpoint.id())
                    && !raised.contains(CheckpointAlerts.missedKey(shift, window, checkpoint))) {
                add(fresh, CheckpointAlerts.missed(shift, tour, log.windows(), window, checkpoint));
            }
        }
    }

    private void checkStarted(Shift shift, CheckpointTour tour, ShiftScans log, int window, Instant now,
            List<Alert> fresh) {
        Instant opened = log.windows().start(window);
        Instant by = opened.plus(tour.startGrace());
        if (tour.startGrace().isZero() || now.isBefore(by)
                || raised.contains(CheckpointAlerts.notStartedKey(shift, window))
                || log.anyBetween(opened, by) || walkedBeat(shift, opened, by)) {
            return;
        }
        add(fresh, CheckpointAlerts.notStarted(shift, tour, log.windows(), window));
    }

    private boolean walkedBeat(Shift shift, Instant from, Instant to) {
        return ledger.shiftVisits(shift.shiftId()).stream().anyMatch(v -> ledger.area().edgeBeat(v.edge())
                == shift.beat() && v.entry().isBefore(to) && !v.exit().isBefore(from));
    }

    /**
     * The checkpoints of the window containing {@code now} (the first before the shift, the last after
     * it), in tour order, each due, late, done or missed; preceded by the checkpoints of earlier
     * windows still within their grace and not visited, listed as late for their window. Only scans
     * up to {@code now} count. Empty when the shift's beat has no tour.
     *
     * @throws IllegalArgumentException for a shift the ledger does not know
     */
    public List<CheckpointDue> due(String shiftId, Instant now) {
        Shift shift = shift(shiftId);
        CheckpointTour tour = tours.get(shift.beat());
        if (tour == null || tour.checkpoints().isEmpty()) {
            return List.of();
        }
        return scansOf(shift, tour).due(now);
    }

    /**
     * The shift's scans in time order, each as it counts; empty when the shift's beat has no tour.
     *
     * @throws IllegalArgumentException for a shift the ledger does not know
     */
    public List<CheckpointVisit> visits(String shiftId) {
        Shift shift = shift(shiftId);
        CheckpointTour tour = tours.get(shift.beat());
        if (tour == null) {
            return List.of();
        }
        return scansOf(shift, tour).replayed().stream().map(ShiftScans.Replayed::visit).toList();
    }

    private Shift shift(String shiftId) {
        return ledger.shift(shiftId).orElseThrow(() -> new IllegalArgumentException("unknown shift '" + shiftId
                + "'; add the shift to the ledger before its checkpoints are scanned or shown"));
    }

    private Checkpoint checkpoint(String id, Shift shift) {
        Checkpoint checkpoint = checkpoints.get(id);
        if (checkpoint == null) {
            CheckpointTour tour = tours.get(shift.beat());
            String known = tour == null || tour.checkpoints().isEmpty() ? "beat " + shift.beat() + " has none"
                    : "those of beat " + shift.beat() + " are " + tour.checkpoints().stream().map(Checkpoint::id)
                            .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("unknown checkpoint '" + id + "'; " + known);
        }
        if (checkpoint.beat() != shift.beat()) {
            throw new IllegalArgumentException("checkpoint '" + id + "' (" + checkpoint.name() + ") is on beat "
                    + checkpoint.beat() + " but shift " + shift.shiftId() + " patrols beat " + shift.beat()
                    + "; scan a checkpoint of beat " + shift.beat());
        }
        return checkpoint;
    }

    private ShiftScans scansOf(Shift shift, CheckpointTour tour) {
        return scans.computeIfAbsent(shift.shiftId(), id -> new ShiftScans(tour, new RoundWindows(shift, tour)));
    }

    private void add(List<Alert> fresh, Alert alert) {
        if (raised.add(alert.key())) {
            fresh.add(alert);
        }
    }
}
