package dev.rounds.reports;

/**
 * Coverage during one hour of the shift (hour 0 is the shift's first hour), over all shifts that
 * lasted into it: the beat street length visited within that hour over the beat's street length.
 */
public record HourCoverage(int hourOfShift, int shifts, double coveredMeters, double beatMeters) {

    public double coveredShare() {
        return beatMeters == 0 ? 0 : coveredMeters / beatMeters;
    }
}
