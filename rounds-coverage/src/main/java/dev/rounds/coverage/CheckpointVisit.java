package dev.rounds.coverage;

/**
 * A checkpoint scan as it counts for its shift, judged with every scan of the shift known so far in
 * time order (so a scan that arrived before an earlier one is judged as if it had come after it).
 *
 * @param window the shift's window (0-based) the scan counts for, or -1 when it counts for none
 */
public record CheckpointVisit(CheckpointScan scan, int window, CheckpointWatch.Status status) {
}
