package dev.rounds.reports;

import dev.rounds.coverage.AlertKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Sums shift figures into {@link ActivityFigures}; keeps only totals and the revisit intervals. */
final class ActivityTotals {
    private int shifts;
    private Duration shiftTime = Duration.ZERO;
    private int roundsCompleted;
    private int roundsPlanned;
    private double distanceMeters;
    private Duration onBeat = Duration.ZERO;
    private Duration offBeat = Duration.ZERO;
    private Duration standing = Duration.ZERO;
    private double coveredMeters;
    private double beatMeters;
    private Duration longestGap = Duration.ZERO;
    private int longestGapEdge = -1;
    private long[] revisits = new long[64];
    private int revisitCount;
    private int alerts;
    private final Map<AlertKind, Integer> byKind = new EnumMap<>(AlertKind.class);
    private long[] acknowledgeMillis = new long[8];
    private int acknowledged;

    void add(ShiftFigures shift) {
        shifts++;
        shiftTime = shiftTime.plus(Duration.between(shift.shift().start(), shift.shift().end()));
        roundsCompleted += shift.roundsCompleted();
        roundsPlanned += shift.roundsPlanned();
        distanceMeters += shift.distanceMeters();
        onBeat = onBeat.plus(shift.onBeat());
        offBeat = offBeat.plus(shift.offBeat());
        standing = standing.plus(shift.standing());
        coveredMeters += shift.coveredMeters();
        beatMeters += shift.beatMeters();
        if (shift.longestGapEdge() >= 0 && (longestGapEdge < 0 || shift.longestGap().compareTo(longestGap) > 0)) {
            longestGap = shift.longestGap();
            longestGapEdge = shift.longestGapEdge();
        }
        addRevisits(shift.revisitMillis());
        shift.alerts().forEach(this::addAlert);
    }

    private void addRevisits(long[] intervals) {
        if (revisitCount + intervals.length > revisits.length) {
            revisits = Arrays.copyOf(revisits, Math.max(revisits.length * 2, revisitCount + intervals.length));
        }
        System.arraycopy(intervals, 0, revisits, revisitCount, intervals.length);
        revisitCount += intervals.length;
    }

    private void addAlert(ReportAlert alert) {
        alerts++;
        byKind.merge(alert.alert().kind(), 1, Integer::sum);
        alert.timeToAcknowledge().ifPresent(delay -> {
            if (acknowledged == acknowledgeMillis.length) {
                acknowledgeMillis = Arrays.copyOf(acknowledgeMillis, acknowledged * 2);
            }
            acknowledgeMillis[acknowledged++] = delay.toMillis();
        });
    }

    ActivityFigures figures() {
        return new ActivityFigures(shifts, shiftTime, roundsCompleted, roundsPlanned, distanceMeters, onBeat, offBeat,
                standing, coveredMeters, beatMeters, longestGap, longestGapEdge,
                IntervalSpread.of(revisits.clone(), revisitCount), alertTally());
    }

    private AlertTally alertTally() {
        long[] delays = Arrays.copyOf(acknowledgeMillis, acknowledged);
        Arrays.sort(delays);
        Duration median = acknowledged == 0 ? Duration.ZERO : IntervalSpread.percentile(delays, acknowledged, 50);
        Duration longest = acknowledged == 0 ? Duration.ZERO : Duration.ofMillis(delays[acknowledged - 1]);
        return new AlertTally(alerts, acknowledged, byKind, median, longest);
    }
}
