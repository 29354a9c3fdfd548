package dev.rounds.reports;

import java.util.Objects;

/**
 * An observation as the report lists it: with the shift it was made in, that shift's patroller
 * and beat.
 */
public record ShiftObservation(String shiftId, String patrollerId, int beat, ReportObservation observation) {
    public ShiftObservation {
        Objects.requireNonNull(observation, "observation");
    }
}
