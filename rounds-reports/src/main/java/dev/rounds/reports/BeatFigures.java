package dev.rounds.reports;

/**
 * One beat's figures over the report period, with the beat's street length and the plan's round
 * duration (also each street's planned revisit interval).
 */
public record BeatFigures(int beat, double streetLengthMeters, java.time.Duration roundDuration,
        ActivityFigures figures) {
}
