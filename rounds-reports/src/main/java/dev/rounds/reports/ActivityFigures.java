package dev.rounds.reports;

import java.time.Duration;

/**
 * The figures of a patroller, a beat or the whole report over the period, summed over its shifts.
 *
 * @param roundsPlanned           the plan's rounds per shift, summed over the shifts
 * @param distanceMeters          walked, from the position fixes (sum of straight steps between fixes)
 * @param onBeat                  time spent on streets of the shift's beat (matched visits)
 * @param offBeat                 time spent on streets of other beats
 * @param standing                time standing (fixes within a radius for at least a minimum time)
 * @param coveredMeters           street length of the shifts' beats covered, summed per shift
 * @param beatMeters              street length of the shifts' beats, summed per shift
 * @param longestGap              longest time a street of the beat went unvisited within a shift
 * @param longestGapEdge          the street of that gap, or -1 without shifts
 * @param revisits                spread of the revisit intervals
 */
public record ActivityFigures(int shifts, Duration shiftTime, int roundsCompleted, int roundsPlanned,
        double distanceMeters, Duration onBeat, Duration offBeat, Duration standing, double coveredMeters,
        double beatMeters, Duration longestGap, int longestGapEdge, IntervalSpread revisits, AlertTally alerts) {

    /** Street length covered per shift over the beat's street length, 0..1 (0 without shifts). */
    public double coveredShare() {
        return beatMeters == 0 ? 0 : coveredMeters / beatMeters;
    }
}
