package dev.rounds.ingest;

import java.util.List;

/**
 * What one stage did with a batch: the pings it passes on, in order, and those it dropped.
 *
 * @param passed pings for the next stage
 * @param dropped pings taken out, each with its reason
 */
public record StageOutcome(List<Ping> passed, List<Drop> dropped) {
    /** Copies the lists. */
    public StageOutcome {
        passed = List.copyOf(passed);
        dropped = List.copyOf(dropped);
    }

    /** Every ping passed, none dropped. */
    public static StageOutcome passAll(List<Ping> pings) {
        return new StageOutcome(pings, List.of());
    }
}
