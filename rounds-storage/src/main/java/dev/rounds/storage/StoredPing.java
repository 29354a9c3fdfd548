package dev.rounds.storage;

import dev.rounds.ingest.Ping;
import java.time.Instant;

/**
 * A ping as kept: with the shift it belongs to and when it arrived.
 *
 * @param id storage id
 * @param shiftId the shift the fix time falls in
 * @param receivedAt when the server committed it
 * @param ping the ping
 */
public record StoredPing(long id, long shiftId, Instant receivedAt, Ping ping) {
}
