package dev.rounds.storage;

import java.time.Instant;

/**
 * Something a supervisor must look at, until acknowledged with a comment.
 *
 * @param id storage id ({@code 0} before it is stored)
 * @param kind what happened, e.g. {@code sos}
 * @param priority lower is more urgent; SOS is 0
 * @param raisedAt when it was raised
 * @param patrollerId who it concerns, or {@code null}
 * @param shiftId during which shift, or {@code null}
 * @param latitude where, or {@code null}
 * @param longitude where, or {@code null}
 * @param reason a sentence for people
 * @param acknowledgedAt when acknowledged, or {@code null} while open
 * @param acknowledgedBy the user who acknowledged it, or {@code null}
 * @param comment the acknowledgement comment, or {@code null}
 * @param streetId the street it concerns (an edge id of the active plan's network), or {@code null}
 * @param key names the condition, so that it is raised once; or {@code null}
 */
public record Alert(long id, String kind, int priority, Instant raisedAt, Long patrollerId, Long shiftId,
        Double latitude, Double longitude, String reason, Instant acknowledgedAt, Long acknowledgedBy,
        String comment, Long streetId, String key) {
}
