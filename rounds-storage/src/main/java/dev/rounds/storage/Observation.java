package dev.rounds.storage;

import java.time.Instant;

/**
 * A condition a patroller reported at a place (a hazard, damage, a light out). It describes the
 * place only: there are no fields about people.
 */
public record Observation(long id, long shiftId, long patrollerId, String category, String note, Instant observedAt,
        Double lat, Double lon, boolean hasPhoto) {
}
