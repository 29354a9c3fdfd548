package dev.rounds.storage;

import java.time.Instant;

/**
 * A tracking device (usually a patroller's phone); its secret token is stored only as a hash.
 *
 * @param id the identifier the device sends (OsmAnd {@code id}, OwnTracks user)
 * @param patrollerId the patroller carrying it, or {@code null} while unassigned
 * @param label a name for people, or {@code null}
 * @param createdAt when it was registered
 */
public record Device(String id, Long patrollerId, String label, Instant createdAt) {
}
