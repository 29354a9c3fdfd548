package dev.rounds.beats;

import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.RoundPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Every connected set of streets whose shortest round is at most a given length: the beats a plan
 * with that longest round could be made of ({@link LongestRoundProof}).
 *
 * <p>How: each set is found once, from its smallest street id, by growing it one touching street at
 * a time (Wernicke's ESU enumeration on the street adjacency graph). A round covering a set of
 * streets also covers any part of it, and a round may walk any street of the network, so a set's
 * shortest round is never shorter than its parts': once a set's round is over the length, no set
 * grown from it can be under it, and the growth stops there. That is what keeps the count small;
 * it holds for exact walking rounds, not for the car profile's heuristic drives, which are refused.
 *
 * <p>Cost: one exact round per set found plus one per set that stopped the growth; novi-sad (80
 * streets) up to 2,557 m: 940,330 sets from 2.6 million rounds, about a minute. The count grows
 * quickly with the length, so a limit on it is required.
 */
public final class ConnectedStreetSets {
    private final StreetNetwork network;
    private final RoundPlanner planner;
    private final int[][] touching;
    private final List<int[]> sets = new ArrayList<>();
    private final List<Double> rounds = new ArrayList<>();
    private double capMeters;
    private int maxSets;
    private long roundsComputed;

    public ConnectedStreetSets(StreetNetwork network, RoundPlanner planner) {
        if (network.hasOnewayEdges()) {
            throw new IllegalArgumentException("street sets are enumerated for walking rounds only; this network has"
                    + " one-way streets (car profile), whose rounds are heuristic and may shrink when a street is added");
        }
        this.network = network;
        this.planner = planner;
        this.touching = touchingStreets(network);
    }

    /** The sets found and their exact round lengths. */
    public record Pool(int[][] sets, double[] roundMeters, long roundsComputed) {
        public int size() {
            return sets.length;
        }
    }

    /**
     * All connected street sets with a round of at most {@code capMeters}, each in increasing order;
     * throws {@link IllegalStateException} when there are more than {@code maxSets}.
     */
    public Pool upTo(double capMeters, int maxSets) {
        this.capMeters = capMeters;
        this.maxSets = maxSets;
        sets.clear();
        rounds.clear();
        roundsComputed = 0;
        for (int root = 0; root < network.edgeCount(); root++) {
            int[] single = {root};
            if (!keep(single)) {
                continue;
            }
            int smallest = root;
            grow(single, Arrays.stream(touching[root]).filter(e -> e > smallest).toArray(), root);
        }
        return new Pool(sets.toArray(int[][]::new), rounds.stream().mapToDouble(Double::doubleValue).toArray(),
                roundsComputed);
    }

    /** ESU step: every set grown from {@code set} by streets of {@code extension} (and their new neighbours). */
    private void grow(int[] set, int[] extension, int root) {
        int[] pending = extension.clone();
        int count = pending.length;
        while (count > 0) {
            int added = pending[--count];
            int[] grown = BeatAnnealing.with(set, added);
            if (!keep(grown)) {
                continue;
            }
            int[] next = Arrays.copyOf(pending, count + touching[added].length);
            int nextCount = count;
            for (int candidate : touching[added]) {
                if (candidate > root && Arrays.binarySearch(grown, candidate) < 0
                        && !BeatAnnealing.contains(next, nextCount, candidate) && !touchesAny(set, candidate)) {
                    next[nextCount++] = candidate;
                }
            }
            grow(grown, Arrays.copyOf(next, nextCount), root);
        }
    }

    /** Records the set when its round is within the length; says whether it was. */
    private boolean keep(int[] sortedSet) {
        double round = planner.roundLengthMeters(sortedSet);
        roundsComputed++;
        if (round > capMeters) {
            return false;
        }
        if (sets.size() >= maxSets) {
            throw new IllegalStateException("more than " + maxSets + " street sets have a round of at most "
                    + Math.round(capMeters) + " m; prove a shorter length or allow more sets");
        }
        sets.add(sortedSet);
        rounds.add(round);
        return true;
    }

    private boolean touchesAny(int[] set, int street) {
        for (int member : set) {
            if (Arrays.binarySearch(touching[member], street) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** For each street, the other streets sharing an intersection with it, in increasing order. */
    private static int[][] touchingStreets(StreetNetwork network) {
        int[][] touching = new int[network.edgeCount()][];
        for (int e = 0; e < network.edgeCount(); e++) {
            TreeSet<Integer> found = new TreeSet<>();
            for (int node : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                    found.add(network.adjacentEdge(node, i));
                }
            }
            found.remove(e);
            touching[e] = found.stream().mapToInt(Integer::intValue).toArray();
        }
        return touching;
    }
}
