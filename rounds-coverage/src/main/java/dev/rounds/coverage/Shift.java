package dev.rounds.coverage;

import java.time.Instant;
import java.util.Objects;

/** A patroller on a beat from start to end. */
public record Shift(String shiftId, String patrollerId, int beat, Instant start, Instant end) {
    public Shift {
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(patrollerId, "patrollerId");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("shift " + shiftId + " must end after it starts: " + start + " .. " + end);
        }
    }

    /** True when the instant lies within [start, end). */
    public boolean covers(Instant time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
