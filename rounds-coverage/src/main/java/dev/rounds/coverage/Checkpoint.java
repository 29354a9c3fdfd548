package dev.rounds.coverage;

import java.util.Objects;

/**
 * A named place on a beat (a gate, a door, a stairwell) that a patroller scans on each round.
 *
 * @param id       stable identifier, unique across all tours
 * @param name     what patrollers and supervisors call it ("North gate")
 * @param sequence its place in the tour; an in-order tour is walked by increasing sequence
 * @param lat      WGS84 latitude in degrees
 * @param lon      WGS84 longitude in degrees
 */
public record Checkpoint(String id, String name, int beat, int sequence, double lat, double lon) {
    public Checkpoint {
        Objects.requireNonNull(id, "checkpoint id");
        Objects.requireNonNull(name, "checkpoint name");
        if (beat < 0) {
            throw new IllegalArgumentException("checkpoint '" + id + "' is on beat " + beat
                    + "; beats are numbered from 0");
        }
        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
            throw new IllegalArgumentException("checkpoint '" + id + "' needs a position in degrees, latitude -90..90"
                    + " and longitude -180..180, got " + lat + ", " + lon);
        }
    }
}
