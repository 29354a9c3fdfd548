package dev.rounds.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The record of which streets were covered when, and how far each shift's rounds have got.
 *
 * <p>Visits may arrive in any order (a phone that lost signal uploads an hour later) and more than
 * once: the ledger keeps each shift's visits sorted by time and derives round progress by replaying
 * them, so the state after any arrival order equals the state after in-order arrival. A duplicate
 * visit is ignored. Replay is lazy, O(visits of the shift) after a change.
 *
 * <p>A round starts at the shift's start, or when the previous round completed. Each visit of the
 * shift's patroller to a street of their beat adds its walked share of the street (capped at the
 * whole street); the round completes when the covered length reaches
 * {@link CoverageConfig#roundCompleteShare()} of the beat. Street-level coverage (last visit, visits
 * per period) counts every patroller. Not thread-safe: one ledger per area, used by one thread.
 */
public final class CoverageLedger {
    private final PatrolArea area;
    private final CoverageConfig config;
    private final Map<String, ShiftLog> shifts = new LinkedHashMap<>();
    private final Set<StreetVisit> seen = new HashSet<>();
    private final Instant[] lastVisit;
    private final List<List<Instant>> visitTimes;

    public CoverageLedger(PatrolArea area, CoverageConfig config) {
        this.area = area;
        this.config = config;
        this.lastVisit = new Instant[area.edgeCount()];
        this.visitTimes = new ArrayList<>(area.edgeCount());
        for (int e = 0; e < area.edgeCount(); e++) {
            visitTimes.add(new ArrayList<>(0));
        }
    }

    public PatrolArea area() {
        return area;
    }

    public CoverageConfig config() {
        return config;
    }

    /** Adds a shift; visits already recorded for its patroller within its window are attributed to it. */
    public void addShift(Shift shift) {
        if (shift.beat() < 0 || shift.beat() >= area.beatCount()) {
            throw new IllegalArgumentException("shift " + shift.shiftId() + " is on beat " + shift.beat()
                    + " but the plan has beats 0.." + (area.beatCount() - 1));
        }
        if (shifts.containsKey(shift.shiftId())) {
            throw new IllegalArgumentException("shift " + shift.shiftId() + " is already in the ledger");
        }
        ShiftLog log = new ShiftLog(shift);
        for (StreetVisit visit : seen) {
            if (visit.patrollerId().equals(shift.patrollerId()) && shift.covers(visit.exit())) {
                log.add(visit);
            }
        }
        shifts.put(shift.shiftId(), log);
    }

    public Optional<Shift> shift(String shiftId) {
        return Optional.ofNullable(shifts.get(shiftId)).map(log -> log.shift);
    }

    /** Every shift in the ledger, in the order they were added. */
    public List<Shift> shifts() {
        return shifts.values().stream().map(log -> log.shift).toList();
    }

    /** The shifts that cover this instant. */
    public List<Shift> shiftsAt(Instant time) {
        return shifts.values().stream().map(log -> log.shift).filter(s -> s.covers(time)).toList();
    }

    /** Records a visit; returns false when exactly this visit was recorded before. */
    public boolean record(StreetVisit visit) {
        if (visit.edge() >= area.edgeCount()) {
            throw new IllegalArgumentException("edge " + visit.edge() + " is not in the area (it has "
                    + area.edgeCount() + " edges)");
        }
        if (!seen.add(visit)) {
            return false;
        }
        int e = visit.edge();
        if (lastVisit[e] == null || visit.exit().isAfter(lastVisit[e])) {
            lastVisit[e] = visit.exit();
        }
        List<Instant> times = visitTimes.get(e);
        int at = Collections.binarySearch(times, visit.exit());
        times.add(at < 0 ? -at - 1 : at, visit.exit());
        for (ShiftLog log : shifts.values()) {
            if (log.shift.patrollerId().equals(visit.patrollerId()) && log.shift.covers(visit.exit())) {
                log.add(visit);
            }
        }
        return true;
    }

    /**
     * Replaces the visits of one patroller that ended within [from, to) by new ones: used when late
     * positions changed how a stretch of the shift was matched. Other patrollers' visits stay.
     */
    public void replaceVisits(String patrollerId, Instant from, Instant to, List<StreetVisit> visits) {
        List<StreetVisit> old = seen.stream().filter(v -> v.patrollerId().equals(patrollerId)
                && !v.exit().isBefore(from) && v.exit().isBefore(to)).toList();
        for (StreetVisit visit : old) {
            seen.remove(visit);
            List<Instant> times = visitTimes.get(visit.edge());
            times.remove(visit.exit());
            lastVisit[visit.edge()] = times.isEmpty() ? null : times.get(times.size() - 1);
            for (ShiftLog log : shifts.values()) {
                log.remove(visit);
            }
        }
        visits.forEach(this::record);
    }

    /** When the street was last left by any patroller. */
    public Optional<Instant> lastVisit(int edge) {
        return Optional.ofNullable(lastVisit[edge]);
    }

    /** Number of visits to the street that ended within [from, to). */
    public int visitsBetween(int edge, Instant from, Instant to) {
        List<Instant> times = visitTimes.get(edge);
        return lowerBound(times, to) - lowerBound(times, from);
    }

    /** When visits to the street ended within [from, to), in time order. */
    public List<Instant> visitTimesBetween(int edge, Instant from, Instant to) {
        List<Instant> times = visitTimes.get(edge);
        return List.copyOf(times.subList(lowerBound(times, from), lowerBound(times, to)));
    }

    private static int lowerBound(List<Instant> sorted, Instant key) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isBefore(key)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The round progress of a shift from all its visits recorded so far. */
    public RoundProgress progress(String shiftId) {
        ShiftLog log = shifts.get(shiftId);
        if (log == null) {
            throw new IllegalArgumentException("no shift '" + shiftId + "' in the ledger");
        }
        return log.progress();
    }

    /** The visits attributed to a shift, in time order. */
    public List<StreetVisit> shiftVisits(String shiftId) {
        ShiftLog log = shifts.get(shiftId);
        if (log == null) {
            throw new IllegalArgumentException("no shift '" + shiftId + "' in the ledger");
        }
        return List.copyOf(log.visits);
    }

    /** One shift's visits kept in time order, with its progress replayed when they change. */
    private final class ShiftLog {
        final Shift shift;
        final TreeSet<StreetVisit> visits = new TreeSet<>(StreetVisit.TIME_ORDER);
        private RoundProgress cached;

        ShiftLog(Shift shift) {
            this.shift = shift;
        }

        void add(StreetVisit visit) {
            if (visits.add(visit)) {
                cached = null;
            }
        }

        void remove(StreetVisit visit) {
            if (visits.remove(visit)) {
                cached = null;
            }
        }

        RoundProgress progress() {
            if (cached == null) {
                cached = replay();
            }
            return cached;
        }

        private RoundProgress replay() {
            int beat = shift.beat();
            double beatMeters = area.beatLengthMeters(beat);
            double needed = config.roundCompleteShare() * beatMeters;
            Map<Integer, Double> walkedShare = new java.util.HashMap<>();
            List<Instant> completed = new ArrayList<>();
            Instant roundStart = shift.start();
            double covered = 0;
            for (StreetVisit visit : visits) {
                int e = visit.edge();
                if (area.edgeBeat(e) != beat) {
                    continue;
                }
                double before = walkedShare.getOrDefault(e, 0.0);
                double after = Math.min(1, before + visit.share());
                walkedShare.put(e, after);
                covered += (after - before) * area.edgeLengthMeters(e);
                if (covered >= needed - 1e-9) {
                    completed.add(visit.exit());
                    roundStart = visit.exit();
                    walkedShare.clear();
                    covered = 0;
                }
            }
            return new RoundProgress(shift.shiftId(), beat, completed.size(), area.beat(beat).roundsPerShift(),
                    List.copyOf(completed), roundStart, covered, beatMeters);
        }
    }
}
