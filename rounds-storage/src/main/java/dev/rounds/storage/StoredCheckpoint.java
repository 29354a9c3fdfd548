package dev.rounds.storage;

import java.time.Instant;

/**
 * A named place on a beat that rounds must visit, with the secret code its QR code or NFC tag
 * carries.
 *
 * @param sequence  its place in the beat's tour (for tours visited in order)
 * @param retiredAt when it was taken out of use, or null while in use
 */
public record StoredCheckpoint(long id, long areaId, String beat, String name, int sequence, double lat, double lon,
        String code, Instant createdAt, Instant retiredAt) {
}
