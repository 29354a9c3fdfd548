package dev.rounds.coverage;

import java.time.Instant;
import java.util.Objects;

/** A patroller's position at a time, as the alert rules need it; {@code sos} when the phone sent an alarm. */
public record PositionFix(String patrollerId, Instant time, double lat, double lon, boolean sos) {
    public PositionFix {
        Objects.requireNonNull(patrollerId, "patrollerId");
        Objects.requireNonNull(time, "time");
    }
}
