package dev.rounds.reports;

import java.time.Instant;
import java.util.Objects;

/**
 * A condition a patroller reported at a place during a shift (a hazard, damage, a light out, a
 * door open): it describes the place, never a person. The photo itself stays in storage; the report
 * only says whether there is one.
 *
 * @param category one of the admin's observation categories, such as "hazard"
 * @param note     the patroller's note, or the empty string
 * @param lat      WGS84 degrees where it was observed, or NaN (with lon) when the phone had no position
 * @param lon      WGS84 degrees where it was observed
 */
public record ReportObservation(Instant time, String category, String note, double lat, double lon,
        boolean hasPhoto) {
    /** Whether the phone sent a position (lat and lon are NaN when it had none). */
    public boolean hasPosition() {
        return !Double.isNaN(lat);
    }

    public ReportObservation {
        Objects.requireNonNull(time, "time");
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("the observation at " + time + " has no category: give one such as "
                    + "hazard, damage, light out, door open or other");
        }
        note = note == null ? "" : note;
        boolean noPosition = Double.isNaN(lat) && Double.isNaN(lon);
        if (!noPosition && (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))) {
            throw new IllegalArgumentException("the observation at " + time + " lies at " + lat + ", " + lon
                    + ": give WGS84 degrees, latitude -90..90 and longitude -180..180");
        }
    }
}
