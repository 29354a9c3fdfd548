package dev.rounds.reports;

import java.time.LocalDate;

/** Rounds and coverage of the shifts that started on one calendar day (in the report's zone). */
public record DayFigures(LocalDate date, int shifts, int roundsCompleted, int roundsPlanned, double coveredMeters,
        double beatMeters, double distanceMeters) {

    /** Street length covered per shift over the beats' street length, 0..1. */
    public double coveredShare() {
        return beatMeters == 0 ? 0 : coveredMeters / beatMeters;
    }
}
