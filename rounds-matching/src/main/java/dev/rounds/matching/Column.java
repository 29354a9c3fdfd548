package dev.rounds.matching;

import dev.rounds.network.StreetCandidate;
import java.util.Arrays;
import java.util.List;

/** One step of the Viterbi trellis: an anchor's candidate points on edges with their scores. */
final class Column {
    final Anchor anchor;
    final int size;
    final int[] edges;
    final double[] offsets;
    final double[] emission;
    final double[] score;
    final int[] back;
    /** log transition from state i of {@link #prev} to state j here, at {@code i * size + j}; null at a part's start. */
    double[] transition;
    Column prev;

    Column(Anchor anchor, List<StreetCandidate> candidates, int maxCandidates) {
        this.anchor = anchor;
        this.size = Math.min(maxCandidates, candidates.size());
        edges = new int[size];
        offsets = new double[size];
        emission = new double[size];
        score = new double[size];
        back = new int[size];
        for (int i = 0; i < size; i++) {
            StreetCandidate c = candidates.get(i);
            edges[i] = c.edge();
            offsets[i] = c.offsetMeters();
            double z = c.distanceMeters() / anchor.sigmaMeters();
            emission[i] = -0.5 * z * z;
        }
        Arrays.fill(back, -1);
    }

    /** Makes this column the first of a part: scores are emissions only. */
    void startPart() {
        prev = null;
        transition = null;
        System.arraycopy(emission, 0, score, 0, size);
    }

    /** Viterbi step from {@link #prev} with the stored transitions; false when no state is reachable. */
    boolean forward() {
        boolean any = false;
        for (int j = 0; j < size; j++) {
            double best = Double.NEGATIVE_INFINITY;
            int arg = -1;
            for (int i = 0; i < prev.size; i++) {
                double s = prev.score[i] + transition[i * size + j];
                if (s > best) {
                    best = s;
                    arg = i;
                }
            }
            score[j] = best + emission[j];
            back[j] = arg;
            any |= arg >= 0;
        }
        return any;
    }

    int bestState() {
        int arg = 0;
        for (int j = 1; j < size; j++) {
            if (score[j] > score[arg]) {
                arg = j;
            }
        }
        return arg;
    }

    /** Keeps only {@code state} as possible (after it was committed). */
    void fix(int state) {
        for (int j = 0; j < size; j++) {
            if (j != state) {
                score[j] = Double.NEGATIVE_INFINITY;
            }
        }
    }
}
