package dev.rounds.reports;

import dev.rounds.coverage.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert as the report shows it: the alert and, once a supervisor acknowledged it, when and with
 * what comment.
 *
 * @param acknowledgedAt when it was acknowledged, or null while open
 * @param comment        the supervisor's comment, or the empty string
 */
public record ReportAlert(Alert alert, Instant acknowledgedAt, String comment) {
    public ReportAlert {
        Objects.requireNonNull(alert, "alert");
        comment = comment == null ? "" : comment;
        if (acknowledgedAt != null && acknowledgedAt.isBefore(alert.raisedAt())) {
            throw new IllegalArgumentException("alert " + alert.key() + " acknowledged at " + acknowledgedAt
                    + ", before it was raised at " + alert.raisedAt());
        }
    }

    /** An alert nobody acknowledged. */
    public static ReportAlert open(Alert alert) {
        return new ReportAlert(alert, null, "");
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** Time from raising to acknowledgement, when acknowledged. */
    public Optional<Duration> timeToAcknowledge() {
        return acknowledged() ? Optional.of(Duration.between(alert.raisedAt(), acknowledgedAt)) : Optional.empty();
    }
}
