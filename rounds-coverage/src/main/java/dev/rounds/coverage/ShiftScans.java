package dev.rounds.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checkpoint scans of one shift, kept in time order and replayed into visits whenever one
 * arrives, so the visits after any arrival order equal those after in-order arrival (as the
 * {@link CoverageLedger} does for street visits). A duplicate scan is ignored.
 *
 * <p>A scan counts for the window it lies in, unless it lies within the grace after an earlier
 * window in which its checkpoint was not yet visited: then it counts, late, for the earliest such
 * window. In an in-order tour a visit whose predecessors were not yet visited in its window is out
 * of order; it still counts. A late visit can also be out of order; its status then says late.
 * Replay is O(scans × windows) after a change.
 */
final class ShiftScans {
    private static final Comparator<CheckpointScan> TIME_ORDER = Comparator.comparing(CheckpointScan::time)
            .thenComparing(CheckpointScan::checkpointId).thenComparing(CheckpointScan::patrollerId)
            .thenComparing(CheckpointScan::shiftId).thenComparingDouble(CheckpointScan::lat)
            .thenComparingDouble(CheckpointScan::lon);

    private final CheckpointTour tour;
    private final RoundWindows windows;
    private final TreeSet<CheckpointScan> scans = new TreeSet<>(TIME_ORDER);
    private List<Replayed> cached;

    /** A replayed visit with its checkpoint, whether it was late, and the predecessors it skipped. */
    record Replayed(CheckpointVisit visit, Checkpoint checkpoint, boolean late, List<Checkpoint> skipped) {
    }

    ShiftScans(CheckpointTour tour, RoundWindows windows) {
        this.tour = tour;
        this.windows = windows;
    }

    RoundWindows windows() {
        return windows;
    }

    void add(CheckpointScan scan) {
        if (scans.add(scan)) {
            cached = null;
        }
    }

    List<Replayed> replayed() {
        if (cached == null) {
            cached = replay();
        }
        return cached;
    }

    Replayed of(CheckpointScan scan) {
        return replayed().stream().filter(r -> TIME_ORDER.compare(r.visit().scan(), scan) == 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("scan " + scan + " was not added"));
    }

    /** Whether any scan lies within [from, to). */
    boolean anyBetween(Instant from, Instant to) {
        return scans.stream().anyMatch(s -> !s.time().isBefore(from) && s.time().isBefore(to));
    }

    /** The ids of the checkpoints visited for a window by scans up to and including {@code until}. */
    Set<String> visitedIn(int window, Instant until) {
        Set<String> ids = new HashSet<>();
        for (Replayed r : replayed()) {
            if (r.visit().window() == window && !r.visit().scan().time().isAfter(until)) {
                ids.add(r.checkpoint().id());
            }
        }
        return ids;
    }

    /** The lines of {@link CheckpointWatch#due}: late ones of earlier windows, then the current window's. */
    List<CheckpointDue> due(Instant now) {
        int current = windows.nearest(now);
        List<CheckpointDue> due = new ArrayList<>();
        for (int window = 0; window < current; window++) {
            Instant dueBy = windows.end(window);
            if (now.isBefore(dueBy.plus(tour.grace()))) {
                Set<String> done = visitedIn(window, now);
                for (Checkpoint checkpoint : tour.checkpoints()) {
                    if (!done.contains(checkpoint.id())) {
                        due.add(new CheckpointDue(checkpoint, window, dueBy, CheckpointDue.DueStatus.LATE));
                    }
                }
            }
        }
        Instant dueBy = windows.end(current);
        Set<String> done = visitedIn(current, now);
        for (Checkpoint checkpoint : tour.checkpoints()) {
            due.add(new CheckpointDue(checkpoint, current, dueBy, done.contains(checkpoint.id())
                    ? CheckpointDue.DueStatus.DONE : open(now, dueBy)));
        }
        return due;
    }

    private CheckpointDue.DueStatus open(Instant now, Instant dueBy) {
        if (now.isBefore(dueBy)) {
            return CheckpointDue.DueStatus.DUE;
        }
        return now.isBefore(dueBy.plus(tour.grace())) ? CheckpointDue.DueStatus.LATE : CheckpointDue.DueStatus.MISSED;
    }

    private List<Replayed> replay() {
        Map<Integer, Set<String>> visited = new HashMap<>();
        List<Replayed> out = new ArrayList<>(scans.size());
        for (CheckpointScan scan : scans) {
            Checkpoint checkpoint = tour.checkpoint(scan.checkpointId()).orElseThrow();
            int late = lateWindow(scan, visited);
            int window = late >= 0 ? late : windows.at(scan.time());
            if (window < 0) {
                out.add(new Replayed(new CheckpointVisit(scan, -1, CheckpointWatch.Status.NOT_DUE), checkpoint, false,
                        List.of()));
                continue;
            }
            Set<String> done = visited.computeIfAbsent(window, k -> new HashSet<>());
            List<Checkpoint> skipped = tour.inOrder() ? tour.predecessors(checkpoint).stream()
                    .filter(p -> !done.contains(p.id())).toList() : List.of();
            done.add(checkpoint.id());
            CheckpointWatch.Status status = late >= 0 ? CheckpointWatch.Status.LATE
                    : skipped.isEmpty() ? CheckpointWatch.Status.ON_TIME : CheckpointWatch.Status.OUT_OF_ORDER;
            out.add(new Replayed(new CheckpointVisit(scan, window, status), checkpoint, late >= 0, skipped));
        }
        return List.copyOf(out);
    }

    private int lateWindow(CheckpointScan scan, Map<Integer, Set<String>> visited) {
        Duration grace = tour.grace();
        for (int k = 0; k < windows.count(); k++) {
            Instant end = windows.end(k);
            if (!scan.time().isBefore(end) && scan.time().isBefore(end.plus(grace))
                    && !visited.getOrDefault(k, Set.of()).contains(scan.checkpointId())) {
                return k;
            }
        }
        return -1;
    }
}
