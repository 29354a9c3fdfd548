package dev.rounds.storage;

import java.time.Instant;

/**
 * A member of the patrol team.
 *
 * @param id storage id
 * @param name display name
 * @param createdAt when it was registered
 */
public record Patroller(long id, String name, Instant createdAt) {
}
