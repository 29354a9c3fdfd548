package dev.rounds.reports;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The spread of revisit intervals (time between two consecutive visits to the same street of the
 * beat within a shift): nearest-rank percentiles and a histogram of {@code bins.size()} bins of
 * {@code binWidth} each, the last one also holding everything longer.
 *
 * @param count  number of intervals; the durations are zero when it is zero
 */
public record IntervalSpread(int count, Duration p10, Duration p50, Duration p90, Duration max,
        Duration binWidth, List<Integer> bins) {
    static final int BIN_COUNT = 12;

    public IntervalSpread {
        bins = List.copyOf(bins);
    }

    /** The spread of these intervals, in milliseconds (the array is sorted in place). */
    static IntervalSpread of(long[] millis, int length) {
        if (length == 0) {
            return new IntervalSpread(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                    Duration.ofMinutes(1), List.of());
        }
        Arrays.sort(millis, 0, length);
        long maxMillis = millis[length - 1];
        long widthMinutes = Math.max(1, (maxMillis + 60_000L * BIN_COUNT - 1) / (60_000L * BIN_COUNT));
        Integer[] counts = new Integer[BIN_COUNT];
        Arrays.fill(counts, 0);
        for (int i = 0; i < length; i++) {
            int bin = (int) Math.min(BIN_COUNT - 1, millis[i] / (widthMinutes * 60_000));
            counts[bin]++;
        }
        return new IntervalSpread(length, percentile(millis, length, 10), percentile(millis, length, 50),
                percentile(millis, length, 90), Duration.ofMillis(maxMillis), Duration.ofMinutes(widthMinutes),
                List.of(counts));
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    static Duration percentile(long[] sorted, int length, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * length);
        return Duration.ofMillis(sorted[Math.max(0, rank - 1)]);
    }
}
