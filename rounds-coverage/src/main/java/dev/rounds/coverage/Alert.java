package dev.rounds.coverage;

import java.time.Instant;

/**
 * Something that needs a supervisor's attention: what, when, who and where, and why in words.
 *
 * @param key        identifies the condition; the same condition is raised once
 * @param edge       the street concerned, or -1
 * @param lat        where, or NaN when the alert concerns a street (see {@code edge})
 * @param lon        where, or NaN
 */
public record Alert(
        AlertKind kind,
        String key,
        Instant raisedAt,
        String shiftId,
        String patrollerId,
        int beat,
        int edge,
        double lat,
        double lon,
        String reason) {
}
