package dev.rounds.coverage;

import java.time.Instant;
import java.util.List;

/**
 * How far a shift has got: rounds completed (with when each completed) against the plan, and the
 * current round's covered street length since it began.
 */
public record RoundProgress(
        String shiftId,
        int beat,
        int roundsCompleted,
        int roundsPlanned,
        List<Instant> completedAt,
        Instant currentRoundStart,
        double coveredMeters,
        double beatMeters) {

    /** Share of the beat's street length covered in the current round, 0..1. */
    public double coveredShare() {
        return beatMeters == 0 ? 0 : Math.min(1, coveredMeters / beatMeters);
    }
}
