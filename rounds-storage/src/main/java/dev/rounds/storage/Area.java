package dev.rounds.storage;

import java.time.Instant;

/**
 * An imported street map; its plans are kept as numbered versions.
 *
 * @param id storage id
 * @param name unique name
 * @param mapFormat the imported file's format, e.g. {@code osm.pbf}
 * @param createdAt when it was imported
 */
public record Area(long id, String name, String mapFormat, Instant createdAt) {
}
