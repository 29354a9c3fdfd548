package dev.rounds.storage;

import java.time.Instant;

/** A stored plan version of an area (its JSON is read with {@link RoundsStore#planVersion}). */
public record PlanVersion(long areaId, int version, Instant createdAt) {
}
