package dev.rounds.reports;

/** One patroller's figures over the report period. */
public record PatrollerFigures(String patrollerId, ActivityFigures figures) {
}
