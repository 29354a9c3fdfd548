package dev.rounds.coverage;

import java.time.Duration;
import java.time.Instant;

/**
 * The checkpoint windows of one shift under its beat's tour. Window k is
 * [start + k·window, start + (k+1)·window); there is one for every window that starts before the
 * shift ends, and the last one is cut at the shift's end (the patroller is not on duty after it, so
 * nothing can be due later).
 */
final class RoundWindows {
    private final Shift shift;
    private final Duration window;
    private final int count;

    RoundWindows(Shift shift, CheckpointTour tour) {
        this.shift = shift;
        this.window = tour.window();
        Duration length = Duration.between(shift.start(), shift.end());
        long whole = length.dividedBy(window);
        this.count = Math.toIntExact(window.multipliedBy(whole).equals(length) ? whole : whole + 1);
    }

    int count() {
        return count;
    }

    Instant start(int k) {
        return shift.start().plus(window.multipliedBy(k));
    }

    Instant end(int k) {
        Instant end = start(k).plus(window);
        return end.isAfter(shift.end()) ? shift.end() : end;
    }

    /** The window that contains the instant, or -1 before the shift and from its end on. */
    int at(Instant time) {
        if (!shift.covers(time)) {
            return -1;
        }
        return Math.toIntExact(Duration.between(shift.start(), time).dividedBy(window));
    }

    /** The window containing the instant, or the first before the shift and the last after it. */
    int nearest(Instant time) {
        if (time.isBefore(shift.start())) {
            return 0;
        }
        int k = at(time);
        return k < 0 ? count - 1 : k;
    }
}
