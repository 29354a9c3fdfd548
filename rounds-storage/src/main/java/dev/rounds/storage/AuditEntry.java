package dev.rounds.storage;

import java.time.Instant;

/**
 * One line of the audit log: a user who viewed or exported another person's positions.
 *
 * @param action  what was done, e.g. {@code view_positions}
 * @param subject what it concerned, e.g. {@code shift 12 of patroller 3}
 */
public record AuditEntry(long id, Instant at, long userId, String action, String subject) {
}
