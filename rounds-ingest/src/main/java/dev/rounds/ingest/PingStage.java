package dev.rounds.ingest;

import java.util.List;
import java.util.Map;

/**
 * One step of the ingest pipeline. Stages run in a fixed order on each batch; a stage may drop
 * pings (with a reason) but never invents them. Matching, coverage and alert stages plug in here.
 */
public interface PingStage {
    /** A short name for metrics and logs, e.g. {@code plausibility}. */
    String name();

    /** Processes a batch; pings of one device arrive in the order earlier stages left them. */
    StageOutcome apply(List<Ping> pings);

    /**
     * Told after every stage has run without failure, with the pings that reached the end. A stage
     * that remembers pings (deduplication, ordering) does so here, so that a batch that failed to
     * store is not remembered and the device's retry is not refused.
     */
    default void committed(List<Ping> accepted) {
    }

    /** Further counters of this stage beyond passed and dropped (e.g. late pings), by name. */
    default Map<String, Long> extraCounts() {
        return Map.of();
    }
}
