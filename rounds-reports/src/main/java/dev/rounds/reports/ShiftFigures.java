package dev.rounds.reports;

import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import java.time.Duration;
import java.util.List;

/**
 * The figures of one shift, computed by {@link ShiftAnalysis} and then added to the totals; the
 * shift's raw data is dropped after this.
 *
 * @param beatEdges     the streets of the shift's beat
 * @param gapMillis     longest unvisited time of each of {@code beatEdges} within the shift
 * @param revisitMillis revisit intervals of the beat's streets within the shift
 * @param hourCovered   beat street length covered in each hour of the shift
 * @param visits        the shift's visits within its window, in time order
 * @param observations  the shift's observations within its window, in time order
 * @param checkpointVisits the shift's checkpoint visits within its window, in time order
 */
record ShiftFigures(Shift shift, int roundsCompleted, int roundsPlanned, double distanceMeters, Duration onBeat,
        Duration offBeat, Duration standing, double coveredMeters, double beatMeters, int[] beatEdges,
        long[] gapMillis, long[] revisitMillis, double[] hourCovered, List<StreetVisit> visits,
        List<ReportAlert> alerts, List<ReportObservation> observations, List<ReportCheckpointVisit> checkpointVisits) {

    /** The longest gap of the shift, and its street, or -1 for a beat without streets. */
    int longestGapEdge() {
        int best = -1;
        for (int i = 0; i < beatEdges.length; i++) {
            if (best < 0 || gapMillis[i] > gapMillis[best]) {
                best = i;
            }
        }
        return best < 0 ? -1 : beatEdges[best];
    }

    Duration longestGap() {
        long max = 0;
        for (long gap : gapMillis) {
            max = Math.max(max, gap);
        }
        return Duration.ofMillis(max);
    }
}
