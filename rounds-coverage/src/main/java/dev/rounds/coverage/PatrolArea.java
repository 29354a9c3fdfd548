package dev.rounds.coverage;

import java.util.Arrays;
import java.util.List;

/**
 * The streets of an area as coverage sees them: each street segment's length and beat, and each
 * beat's target from the plan. Edge ids are those of the street network the plan was made on.
 */
public final class PatrolArea {
    private final double[] edgeLengthMeters;
    private final int[] edgeBeat;
    private final List<BeatTarget> beats;
    private final double[] beatLengthMeters;

    /**
     * @param edgeLengthMeters length of every edge, positive
     * @param edgeBeat         beat of every edge, 0..beats.size()-1
     * @param beats            the plan's target for each beat
     */
    public PatrolArea(double[] edgeLengthMeters, int[] edgeBeat, List<BeatTarget> beats) {
        if (edgeLengthMeters.length != edgeBeat.length) {
            throw new IllegalArgumentException("one beat per edge needed: " + edgeLengthMeters.length + " lengths but "
                    + edgeBeat.length + " beats");
        }
        this.edgeLengthMeters = edgeLengthMeters.clone();
        this.edgeBeat = edgeBeat.clone();
        this.beats = List.copyOf(beats);
        this.beatLengthMeters = new double[beats.size()];
        for (int e = 0; e < edgeBeat.length; e++) {
            if (edgeBeat[e] < 0 || edgeBeat[e] >= beats.size()) {
                throw new IllegalArgumentException("edge " + e + " is in beat " + edgeBeat[e] + " but the plan has beats 0.."
                        + (beats.size() - 1));
            }
            if (!(edgeLengthMeters[e] > 0)) {
                throw new IllegalArgumentException("edge " + e + " has length " + edgeLengthMeters[e] + "; must be positive");
            }
            beatLengthMeters[edgeBeat[e]] += edgeLengthMeters[e];
        }
    }

    public int edgeCount() {
        return edgeBeat.length;
    }

    public int beatCount() {
        return beats.size();
    }

    public double edgeLengthMeters(int edge) {
        return edgeLengthMeters[edge];
    }

    public int edgeBeat(int edge) {
        return edgeBeat[edge];
    }

    public BeatTarget beat(int beat) {
        return beats.get(beat);
    }

    public double beatLengthMeters(int beat) {
        return beatLengthMeters[beat];
    }

    /** The edges of one beat, in id order. */
    public int[] beatEdges(int beat) {
        return java.util.stream.IntStream.range(0, edgeBeat.length).filter(e -> edgeBeat[e] == beat).toArray();
    }

    @Override
    public String toString() {
        return "PatrolArea[" + edgeBeat.length + " edges, " + beats.size() + " beats, lengths "
                + Arrays.toString(beatLengthMeters) + "]";
    }
}
