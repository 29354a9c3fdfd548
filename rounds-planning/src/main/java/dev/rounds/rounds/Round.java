package dev.rounds.rounds;

import java.time.Duration;
import java.util.Arrays;

/**
 * A patrol round: a closed walk over the street network that covers every street of a beat at least
 * once, with its length, the part walked a second time (deadhead) and the lower bound proving it
 * shortest (for a drive that obeys one-way streets: bounding how far from shortest it may be).
 *
 * <p>Step {@code i} walks edge {@code edgeSequence[i]} from {@code nodeSequence[i]} to
 * {@code nodeSequence[i + 1]}; the last node equals the first. Steps marked deadhead repeat a street
 * of the beat or cross a street of another beat; the others serve the beat, each beat street once.
 */
public final class Round {
    private final int[] beatEdges;
    private final int[] edgeSequence;
    private final int[] nodeSequence;
    private final boolean[] deadheadStep;
    private final double lengthMeters;
    private final double streetLengthMeters;
    private final double lowerBoundMeters;
    private final int oddNodeCount;
    private final int matchingSolves;
    private final Approach approach;

    Round(int[] beatEdges, int[] edgeSequence, int[] nodeSequence, boolean[] deadheadStep, double lengthMeters,
            double streetLengthMeters, double lowerBoundMeters, int oddNodeCount, int matchingSolves, Approach approach) {
        this.beatEdges = beatEdges;
        this.edgeSequence = edgeSequence;
        this.nodeSequence = nodeSequence;
        this.deadheadStep = deadheadStep;
        this.lengthMeters = lengthMeters;
        this.streetLengthMeters = streetLengthMeters;
        this.lowerBoundMeters = lowerBoundMeters;
        this.oddNodeCount = oddNodeCount;
        this.matchingSolves = matchingSolves;
        this.approach = approach;
    }

    /** The walk from the base (station) to the round's start node, outside the round itself. */
    public record Approach(int[] edgeSequence, double lengthMeters) {
        public static final Approach NONE = new Approach(new int[0], 0);
    }

    /** The beat's edge ids, sorted. */
    public int[] beatEdges() {
        return beatEdges.clone();
    }

    public int[] edgeSequence() {
        return edgeSequence.clone();
    }

    /** Nodes visited, one more than the steps; first and last are the start node. */
    public int[] nodeSequence() {
        return nodeSequence.clone();
    }

    public int stepCount() {
        return edgeSequence.length;
    }

    public int edgeAt(int step) {
        return edgeSequence[step];
    }

    public int nodeAt(int index) {
        return nodeSequence[index];
    }

    public boolean isDeadhead(int step) {
        return deadheadStep[step];
    }

    public int startNode() {
        return nodeSequence[0];
    }

    /** Total length of the closed walk. */
    public double lengthMeters() {
        return lengthMeters;
    }

    /** Sum of the lengths of the beat's streets, each once. */
    public double streetLengthMeters() {
        return streetLengthMeters;
    }

    /** Metres walked beyond the beat's streets: repeats and crossings of other beats. */
    public double deadheadMeters() {
        return lengthMeters - streetLengthMeters;
    }

    /** Deadhead as a share of the round length, 0 for an Eulerian beat. */
    public double deadheadShare() {
        return lengthMeters == 0 ? 0 : deadheadMeters() / lengthMeters;
    }

    /**
     * No closed walk covering the beat is shorter. For a walked round: street length plus the
     * matching's LP dual objective, equal to {@link #lengthMeters()} up to rounding (the round is
     * optimal). For a drive that obeys one-way streets: the larger of that undirected bound and the
     * balancing flow's relaxation; the drive is a heuristic's and may be longer.
     */
    public double lowerBoundMeters() {
        return lowerBoundMeters;
    }

    /** Length over lower bound: 1 for a round proven shortest, how far off it may be otherwise. */
    public double gap() {
        return lowerBoundMeters > 0 ? lengthMeters / lowerBoundMeters : 1;
    }

    /** Number of beat nodes of odd degree, which set the size of the matching. */
    public int oddNodeCount() {
        return oddNodeCount;
    }

    /** How many times the sparse matching was solved before its optimality was proven (1 = at once). */
    public int matchingSolves() {
        return matchingSolves;
    }

    public Approach approach() {
        return approach;
    }

    /** Time to walk the round at the given speed (must be positive). */
    public Duration walkingTime(double speedMetersPerSecond) {
        if (!(speedMetersPerSecond > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speedMetersPerSecond + " m/s");
        }
        return Duration.ofMillis(Math.round(lengthMeters / speedMetersPerSecond * 1000));
    }

    @Override
    public String toString() {
        return "Round[" + beatEdges.length + " streets, " + Math.round(lengthMeters) + " m, deadhead "
                + Math.round(deadheadMeters()) + " m, start " + startNode() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Round r && Arrays.equals(edgeSequence, r.edgeSequence)
                && Arrays.equals(nodeSequence, r.nodeSequence);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edgeSequence);
    }
}
