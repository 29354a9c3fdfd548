package dev.rounds.ingest;

import java.util.Map;

/**
 * Counters of one stage since start-up.
 *
 * @param stage the stage's name
 * @param passed pings passed on
 * @param droppedByReason pings dropped, by reason code
 * @param batches batches processed
 * @param totalNanos time spent in the stage
 * @param extra further stage-specific counters
 */
public record StageStats(String stage, long passed, Map<String, Long> droppedByReason, long batches,
        long totalNanos, Map<String, Long> extra) {
    /** Copies the maps. */
    public StageStats {
        droppedByReason = Map.copyOf(droppedByReason);
        extra = Map.copyOf(extra);
    }

    /** All drops, whatever the reason. */
    public long dropped() {
        return droppedByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
