package dev.rounds.reports;

import dev.rounds.coverage.CoverageLedger;
import dev.rounds.coverage.PatrolArea;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.RoundProgress;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.Earth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes one shift's figures from its visits and fixes. A visit's moment is its exit (as in the
 * coverage ledger): it belongs to the shift, to an hour and to a gap by when it ended.
 *
 * <p>Unvisited gaps of a beat street are the times between the shift's start, the exits of the
 * patroller's visits to it, and the shift's end; revisit intervals are only those between two
 * visits. Cost: O(V log V + F + E_beat) per shift for V visits, F fixes.
 */
final class ShiftAnalysis {
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();
    private final PatrolArea area;
    private final ReportSettings settings;
    private final int[][] beatEdges;

    ShiftAnalysis(PatrolArea area, ReportSettings settings) {
        this.area = area;
        this.settings = settings;
        this.beatEdges = new int[area.beatCount()][];
        for (int b = 0; b < area.beatCount(); b++) {
            beatEdges[b] = area.beatEdges(b);
        }
    }

    int[] beatEdges(int beat) {
        return beatEdges[beat];
    }

    ShiftFigures analyse(ShiftData data) {
        Shift shift = data.shift();
        List<StreetVisit> visits = visitsWithin(data);
        List<PositionFix> fixes = fixesWithin(data);
        RoundProgress rounds = rounds(shift, visits);
        int[] edges = beatEdges[shift.beat()];
        List<List<Instant>> exits = exitsPerBeatEdge(shift, visits, edges);
        return new ShiftFigures(shift, rounds.roundsCompleted(), rounds.roundsPlanned(), distanceMeters(fixes, settings.minimumStepMeters(), settings.maximumSpeedMps()),
                timeOn(visits, shift.beat(), true), timeOn(visits, shift.beat(), false), standing(fixes),
                coveredMeters(visits, shift.beat(), shift.start(), shift.end()), area.beatLengthMeters(shift.beat()),
                edges, gaps(shift, exits), revisits(exits), hourCovered(shift, visits), visits, data.alerts(),
                within(shift, data.observations(), ReportObservation::time),
                within(shift, data.checkpointVisits(), ReportCheckpointVisit::time));
    }

    /** The items whose time lies within the shift, in time order. */
    private static <T> List<T> within(Shift shift, List<T> items, java.util.function.Function<T, Instant> time) {
        List<T> kept = new ArrayList<>();
        for (T item : items) {
            if (shift.covers(time.apply(item))) {
                kept.add(item);
            }
        }
        kept.sort(Comparator.comparing(time));
        return kept;
    }

    private static List<StreetVisit> visitsWithin(ShiftData data) {
        List<StreetVisit> visits = new ArrayList<>();
        for (StreetVisit visit : data.visits()) {
            if (data.shift().covers(visit.exit())) {
                visits.add(visit);
            }
        }
        visits.sort(StreetVisit.TIME_ORDER);
        return visits;
    }

    private static List<PositionFix> fixesWithin(ShiftData data) {
        List<PositionFix> fixes = new ArrayList<>();
        for (PositionFix fix : data.fixes()) {
            if (data.shift().covers(fix.time())) {
                fixes.add(fix);
            }
        }
        fixes.sort(Comparator.comparing(PositionFix::time));
        return fixes;
    }

    private RoundProgress rounds(Shift shift, List<StreetVisit> visits) {
        CoverageLedger ledger = new CoverageLedger(area, settings.coverage());
        ledger.addShift(shift);
        for (StreetVisit visit : visits) {
            checkEdge(visit);
            ledger.record(visit);
        }
        return ledger.progress(shift.shiftId());
    }

    private void checkEdge(StreetVisit visit) {
        if (visit.edge() >= area.edgeCount()) {
            throw new IllegalArgumentException("a visit names street " + visit.edge() + " but the area has "
                    + area.edgeCount() + " streets: were the visits matched on another map?");
        }
    }

    /**
     * Distance from the fixes with GPS jitter and jumps left out: a step from the last counted fix
     * counts once it is at least {@code minimumStepMeters} long, and a fix that would need more than
     * {@code maximumSpeedMps} from the last counted fix is passed over (a jump; a real fast move is
     * still counted once the patroller slows down, as one longer step).
     */
    static double distanceMeters(List<PositionFix> fixes, double minimumStepMeters, double maximumSpeedMps) {
        double sum = 0;
        PositionFix last = fixes.isEmpty() ? null : fixes.get(0);
        for (int i = 1; i < fixes.size(); i++) {
            PositionFix next = fixes.get(i);
            double step = Earth.distanceMeters(last.lat(), last.lon(), next.lat(), next.lon());
            double seconds = Duration.between(last.time(), next.time()).toMillis() / 1000.0;
            if (step >= minimumStepMeters && step <= maximumSpeedMps * seconds) {
                sum += step;
                last = next;
            }
        }
        return sum;
    }

    private Duration timeOn(List<StreetVisit> visits, int beat, boolean onBeat) {
        Duration sum = Duration.ZERO;
        for (StreetVisit visit : visits) {
            if ((area.edgeBeat(visit.edge()) == beat) == onBeat) {
                sum = sum.plus(Duration.between(visit.entry(), visit.exit()));
            }
        }
        return sum;
    }

    /** Stops: runs of fixes within the radius of the run's first fix, counted when long enough. */
    private Duration standing(List<PositionFix> fixes) {
        Duration sum = Duration.ZERO;
        int anchor = 0;
        for (int i = 1; i <= fixes.size(); i++) {
            boolean leaves = i == fixes.size() || Earth.distanceMeters(fixes.get(anchor).lat(),
                    fixes.get(anchor).lon(), fixes.get(i).lat(), fixes.get(i).lon()) > settings.standingRadiusMeters();
            if (leaves) {
                Duration stop = Duration.between(fixes.get(anchor).time(), fixes.get(i - 1).time());
                if (stop.compareTo(settings.minimumStanding()) >= 0 && !stop.isZero()) {
                    sum = sum.plus(stop);
                }
                anchor = i;
            }
        }
        return sum;
    }

    /** Beat street length covered by visits ending within [from, to): walked shares summed, capped at 1. */
    private double coveredMeters(List<StreetVisit> visits, int beat, Instant from, Instant to) {
        java.util.Map<Integer, Double> share = new java.util.HashMap<>();
        for (StreetVisit visit : visits) {
            if (area.edgeBeat(visit.edge()) == beat && !visit.exit().isBefore(from) && visit.exit().isBefore(to)) {
                share.merge(visit.edge(), visit.share(), Double::sum);
            }
        }
        double meters = 0;
        for (var entry : share.entrySet()) {
            meters += Math.min(1, entry.getValue()) * area.edgeLengthMeters(entry.getKey());
        }
        return meters;
    }

    private List<List<Instant>> exitsPerBeatEdge(Shift shift, List<StreetVisit> visits, int[] edges) {
        java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
        List<List<Instant>> exits = new ArrayList<>(edges.length);
        for (int i = 0; i < edges.length; i++) {
            index.put(edges[i], i);
            exits.add(new ArrayList<>());
        }
        for (StreetVisit visit : visits) {
            Integer i = index.get(visit.edge());
            if (i != null) {
                exits.get(i).add(visit.exit());
            }
        }
        return exits;
    }

    private static long[] gaps(Shift shift, List<List<Instant>> exits) {
        long[] gaps = new long[exits.size()];
        for (int i = 0; i < gaps.length; i++) {
            Instant previous = shift.start();
            long longest = 0;
            for (Instant exit : exits.get(i)) {
                longest = Math.max(longest, Duration.between(previous, exit).toMillis());
                previous = exit;
            }
            gaps[i] = Math.max(longest, Duration.between(previous, shift.end()).toMillis());
        }
        return gaps;
    }

    private static long[] revisits(List<List<Instant>> exits) {
        int count = 0;
        for (List<Instant> times : exits) {
            count += Math.max(0, times.size() - 1);
        }
        long[] intervals = new long[count];
        int n = 0;
        for (List<Instant> times : exits) {
            for (int j = 1; j < times.size(); j++) {
                intervals[n++] = Duration.between(times.get(j - 1), times.get(j)).toMillis();
            }
        }
        return intervals;
    }

    private double[] hourCovered(Shift shift, List<StreetVisit> visits) {
        long shiftMillis = Duration.between(shift.start(), shift.end()).toMillis();
        int hours = (int) ((shiftMillis + HOUR_MILLIS - 1) / HOUR_MILLIS);
        double[] covered = new double[hours];
        for (int h = 0; h < hours; h++) {
            Instant from = shift.start().plusMillis(h * HOUR_MILLIS);
            Instant to = h == hours - 1 ? shift.end() : from.plusMillis(HOUR_MILLIS);
            covered[h] = coveredMeters(visits, shift.beat(), from, to);
        }
        return covered;
    }
}
