package dev.rounds.coverage;

import java.time.Instant;

/**
 * Where one checkpoint of a shift's tour stands, as the patroller's phone shows it.
 *
 * @param window the shift's window (0-based; round window+1) this line is about
 * @param dueBy  the end of that window
 */
public record CheckpointDue(Checkpoint checkpoint, int window, Instant dueBy, DueStatus status) {

    /** Due in the window; overdue but within the grace; visited in the window; or not visited by the end of the grace. */
    public enum DueStatus { DUE, LATE, DONE, MISSED }
}
