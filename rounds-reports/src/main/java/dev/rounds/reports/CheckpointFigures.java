package dev.rounds.reports;

/**
 * The checkpoint visits of one patroller to the checkpoints of one beat over the report period.
 *
 * @param beat the checkpoints' beat
 */
public record CheckpointFigures(int beat, String patrollerId, CheckpointTally visits) {
}
