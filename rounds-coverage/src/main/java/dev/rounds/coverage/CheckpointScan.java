package dev.rounds.coverage;

import java.time.Instant;
import java.util.Objects;

/**
 * A patroller's phone scanned a checkpoint's code at a time, during a shift.
 *
 * @param lat where the phone was, in degrees, or NaN when it had no position
 * @param lon where the phone was, in degrees, or NaN
 */
public record CheckpointScan(String checkpointId, String shiftId, String patrollerId, Instant time,
        double lat, double lon) {
    public CheckpointScan {
        Objects.requireNonNull(checkpointId, "checkpointId");
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(patrollerId, "patrollerId");
        Objects.requireNonNull(time, "time");
        if (Double.isInfinite(lat) || Double.isInfinite(lon)) {
            throw new IllegalArgumentException("scan of checkpoint '" + checkpointId + "' has an infinite position ("
                    + lat + ", " + lon + "); send NaN when the phone has no position");
        }
    }
}
