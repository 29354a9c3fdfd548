package dev.rounds.reports;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A patroller's scan of a checkpoint during a shift, with the status the tour's rules gave it when
 * it was stored.
 *
 * @param checkpoint the checkpoint's name
 * @param beat       the checkpoint's beat
 * @param status     {@value #ON_TIME}, {@value #LATE} or {@value #OUT_OF_ORDER}
 */
public record ReportCheckpointVisit(Instant time, String checkpoint, int beat, String status) {
    public static final String ON_TIME = "on_time";
    public static final String LATE = "late";
    public static final String OUT_OF_ORDER = "out_of_order";
    private static final Set<String> STATUSES = Set.of(ON_TIME, LATE, OUT_OF_ORDER);

    public ReportCheckpointVisit {
        Objects.requireNonNull(time, "time");
        if (checkpoint == null || checkpoint.isBlank()) {
            throw new IllegalArgumentException("the checkpoint visit at " + time + " names no checkpoint");
        }
        if (beat < 0) {
            throw new IllegalArgumentException("checkpoint '" + checkpoint + "' has beat " + beat
                    + ": beats are numbered from 0");
        }
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown checkpoint visit status '" + status + "' at " + time
                    + ", choose one of: " + ON_TIME + ", " + LATE + ", " + OUT_OF_ORDER);
        }
    }
}
