package dev.rounds.beats;

import dev.rounds.rounds.RoundPlanner;

/**
 * Round lengths for the balancing passes (exact; heuristic drives on a car network with one-way
 * streets), counted against a budget so that how much work a
 * plan may take is fixed by the input, not by the clock: plans stay deterministic.
 */
final class CountedRounds {
    private final RoundPlanner planner;
    private final double workBudget;
    private int left;
    private int evaluations;
    private double work;

    /** A budget of {@code budget} evaluations and {@code workBudget} work units ({@link #work}), whichever ends first. */
    CountedRounds(RoundPlanner planner, int budget, double workBudget) {
        this.planner = planner;
        this.left = budget;
        this.workBudget = workBudget;
    }

    /** The exact round length of a connected set of streets; spends one evaluation. */
    double lengthMeters(int[] edges) {
        left--;
        evaluations++;
        work += edges.length * Math.sqrt(edges.length);
        return planner.roundLengthMeters(edges);
    }

    boolean exhausted() {
        return left <= 0 || work >= workBudget;
    }

    int left() {
        return left;
    }

    /**
     * The work spent so far in street^1.5 units: an exact round's time grows about as its street
     * count to the power 1.5 (measured on Monaco: 0.8 ms at 78 streets, 6 ms at 312, 57 ms at 1,250).
     */
    double work() {
        return work;
    }

    /** Exact rounds evaluated so far. */
    int evaluations() {
        return evaluations;
    }
}
