package dev.rounds.beats;

import java.util.List;

/**
 * A split of the whole street network into K contiguous beats with their rounds, and the figures
 * that say how good it is: the longest round against the lower bound (total street length / K,
 * which no plan can beat) and the balance (longest / mean round).
 */
public final class BeatPlan {
    private final int[] beatOfEdge;
    private final List<Beat> beats;
    private final long seed;
    private final double totalStreetLengthMeters;
    private final int refinementMoves;
    private final int refinementEvaluations;

    BeatPlan(int[] beatOfEdge, List<Beat> beats, long seed, double totalStreetLengthMeters, int refinementMoves,
            int refinementEvaluations) {
        this.beatOfEdge = beatOfEdge;
        this.beats = List.copyOf(beats);
        this.seed = seed;
        this.totalStreetLengthMeters = totalStreetLengthMeters;
        this.refinementMoves = refinementMoves;
        this.refinementEvaluations = refinementEvaluations;
    }

    /**
     * A plan from a given assignment of edges to beats (a stored plan), with each beat's round planned
     * again: round lengths are exact optima (car drives with one-way streets: deterministic heuristic
     * drives), so they equal those of the original plan.
     *
     * @throws IllegalArgumentException when the assignment does not fit the network or leaves a beat empty
     */
    public static BeatPlan of(dev.rounds.network.StreetNetwork network, int[] beatOfEdge, long seed) {
        if (beatOfEdge.length != network.edgeCount()) {
            throw new IllegalArgumentException("the assignment has " + beatOfEdge.length + " edges, the network "
                    + network.edgeCount());
        }
        int beatCount = java.util.Arrays.stream(beatOfEdge).max().orElse(-1) + 1;
        dev.rounds.rounds.RoundPlanner planner = new dev.rounds.rounds.RoundPlanner(network);
        java.util.List<Beat> beats = new java.util.ArrayList<>();
        double[] compactness = new BeatShape(network).everyBeat(beatOfEdge, Math.max(0, beatCount));
        for (int b = 0; b < beatCount; b++) {
            final int beat = b;
            int[] edges = java.util.stream.IntStream.range(0, beatOfEdge.length).filter(e -> beatOfEdge[e] == beat)
                    .toArray();
            if (edges.length == 0) {
                throw new IllegalArgumentException("beat " + b + " has no streets");
            }
            beats.add(new Beat(b, planner.plan(edges), compactness[b]));
        }
        return new BeatPlan(beatOfEdge.clone(), beats, seed, network.totalLengthMeters(), 0, 0);
    }

    public int beatCount() {
        return beats.size();
    }

    public List<Beat> beats() {
        return beats;
    }

    public Beat beat(int index) {
        return beats.get(index);
    }

    /** The beat (0..K-1) of every edge of the network; pass it to a re-plan to keep the map stable. */
    public int[] beatOfEdge() {
        return beatOfEdge.clone();
    }

    public int beatOf(int edge) {
        return beatOfEdge[edge];
    }

    public long seed() {
        return seed;
    }

    public double totalStreetLengthMeters() {
        return totalStreetLengthMeters;
    }

    /** Total street length / K: no beat plan has a shorter longest round. */
    public double lowerBoundMeters() {
        return totalStreetLengthMeters / beats.size();
    }

    public double longestRoundMeters() {
        return beats.stream().mapToDouble(Beat::roundLengthMeters).max().orElse(0);
    }

    public double meanRoundMeters() {
        return beats.stream().mapToDouble(Beat::roundLengthMeters).average().orElse(0);
    }

    /** Mean of the beats' compactness (Polsby–Popper of their territory, {@link BeatShape}). */
    public double meanCompactness() {
        return beats.stream().mapToDouble(Beat::compactness).average().orElse(0);
    }

    /** The least compact beat's score: the one with the longest arms or wrapped round another. */
    public double minCompactness() {
        return beats.stream().mapToDouble(Beat::compactness).min().orElse(0);
    }

    /** Longest round / mean round; 1 is perfect balance. */
    public double balance() {
        return longestRoundMeters() / meanRoundMeters();
    }

    /** Longest round / lower bound; 1 would be a perfect plan without any deadhead. */
    public double longestOverLowerBound() {
        return longestRoundMeters() / lowerBoundMeters();
    }

    /** Boundary moves the refinement accepted. */
    public int refinementMoves() {
        return refinementMoves;
    }

    /**
     * Exact round evaluations the balancing spent: the planner's work, counted rather than timed,
     * so it can be compared between runs on a busy machine.
     */
    public int refinementEvaluations() {
        return refinementEvaluations;
    }
}
