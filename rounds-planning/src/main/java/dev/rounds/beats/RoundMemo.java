package dev.rounds.beats;

import dev.rounds.rounds.RoundPlanner;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact round lengths remembered by street set, for searches that meet the same beats again and
 * again ({@link BeatAnnealing}: a step undone, a street passed back and forth). The memory is
 * cleared when it holds {@link #MAX_ENTRIES} sets; the lengths do not depend on it, so neither do
 * the plans. Not thread-safe.
 */
final class RoundMemo {
    static final int MAX_ENTRIES = 200_000;

    private final RoundPlanner planner;
    private final Map<StreetSet, Double> lengths = new HashMap<>();
    private int evaluations;

    RoundMemo(RoundPlanner planner) {
        this.planner = planner;
    }

    /** The round length of a connected set of streets given in increasing order. */
    double lengthMeters(int[] sortedEdges) {
        StreetSet key = new StreetSet(sortedEdges);
        Double known = lengths.get(key);
        if (known != null) {
            return known;
        }
        if (lengths.size() >= MAX_ENTRIES) {
            lengths.clear();
        }
        double length = planner.roundLengthMeters(sortedEdges);
        evaluations++;
        lengths.put(key, length);
        return length;
    }

    /** Exact rounds computed so far (not those found in memory). */
    int evaluations() {
        return evaluations;
    }

    /** A set of edge ids in increasing order, compared by content. */
    private record StreetSet(int[] edges) {
        @Override
        public boolean equals(Object other) {
            return other instanceof StreetSet set && Arrays.equals(edges, set.edges);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(edges);
        }
    }
}
