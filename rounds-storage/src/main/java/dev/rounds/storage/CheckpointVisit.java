package dev.rounds.storage;

import java.time.Instant;

/**
 * A checkpoint visited during a shift.
 *
 * @param method how it was recorded: {@code qr}, {@code nfc} or {@code code} (typed)
 * @param status {@code on_time}, {@code late} or {@code out_of_order}
 */
public record CheckpointVisit(long id, long checkpointId, long shiftId, Instant visitedAt, Double lat, Double lon,
        String method, String status) {
}
