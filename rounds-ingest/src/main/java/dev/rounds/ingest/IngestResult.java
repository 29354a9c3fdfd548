package dev.rounds.ingest;

import java.util.List;

/**
 * The answer to one submitted batch: the pings that went through every stage (committed) and the
 * ones dropped on the way.
 *
 * @param accepted pings that reached the end of the pipeline
 * @param dropped pings dropped, with the stage that dropped them
 */
public record IngestResult(List<Ping> accepted, List<StageDrop> dropped) {
    /** Copies the lists. */
    public IngestResult {
        accepted = List.copyOf(accepted);
        dropped = List.copyOf(dropped);
    }

    /**
     * One dropped ping.
     *
     * @param stage the stage that dropped it
     * @param drop the ping and the reason
     */
    public record StageDrop(String stage, Drop drop) {
    }
}
