package dev.rounds.coverage;

import java.time.Instant;
import java.util.Objects;

/** A lone-worker check: the patroller's phone asks them to confirm they are fine, by {@code answerBy}. */
public record WellbeingCheck(String patrollerId, Instant askedAt, Instant answerBy) {
    public WellbeingCheck {
        Objects.requireNonNull(patrollerId, "patrollerId");
        Objects.requireNonNull(askedAt, "askedAt");
        Objects.requireNonNull(answerBy, "answerBy");
        if (!answerBy.isAfter(askedAt)) {
            throw new IllegalArgumentException("a check asked at " + askedAt + " must be answerable after it, got"
                    + " answerBy " + answerBy);
        }
    }
}
