package dev.rounds.ingest;

import java.util.List;

/**
 * What a decoder read from one request: the device it names and its position fixes. A message
 * without a fix (an OsmAnd message with only cell towers, an OwnTracks transition event) is
 * decoded with no pings: it is acknowledged but stores nothing.
 *
 * @param deviceId the device the message names
 * @param pings the fixes it carries, possibly none
 */
public record DecodedMessage(String deviceId, List<Ping> pings) {
    /** Copies the list. */
    public DecodedMessage {
        pings = List.copyOf(pings);
    }
}
