package dev.rounds.storage;

import java.time.Instant;

/** Which plan version the live patrol follows, and since when. */
public record ActivePlan(long areaId, int version, Instant activatedAt) {
}
