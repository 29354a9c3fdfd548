package dev.rounds.reports;

/** One beat's figures over the report period, with the beat's street length. */
public record BeatFigures(int beat, double streetLengthMeters, ActivityFigures figures) {
}
