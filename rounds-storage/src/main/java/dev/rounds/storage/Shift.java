package dev.rounds.storage;

import java.time.Instant;

/**
 * A patroller's time on duty on a beat; positions are kept only inside shifts.
 *
 * @param id storage id
 * @param patrollerId who is on duty
 * @param beat the beat patrolled
 * @param startsAt start, inclusive
 * @param endsAt end, exclusive, or {@code null} while the shift is open
 */
public record Shift(long id, long patrollerId, String beat, Instant startsAt, Instant endsAt) {
    /** Whether a time falls inside this shift. */
    public boolean contains(Instant time) {
        return !time.isBefore(startsAt) && (endsAt == null || time.isBefore(endsAt));
    }
}
