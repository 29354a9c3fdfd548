package dev.rounds.beats;

import dev.rounds.network.StreetNetwork;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shortens the longest round when every neighbour of its beat is about as long: workload is passed
 * along a chain of neighbouring beats, from the longest to a beat below the mean some hops away.
 *
 * <p>Why: measured on north-bayreuth and Monaco at K = 64, the refinement stalled with the longest
 * beat inside a cluster of beats all within 2 % of it while beats elsewhere sat at half the mean;
 * no single border move can shorten the longest round there, because any neighbour that takes
 * streets becomes the longest. A chain L → P1 → … → S moves about the same workload across each
 * border, so the beats in between keep theirs and only L and S change.
 *
 * <p>How: the chain is the fewest-hops path in the graph of neighbouring beats from L to a beat S
 * with a round under the mean, ties broken by the lowest "tallest beat in between" (so the beats
 * passing work on have room), then by index. Moves are made from the far end back (S takes from
 * P(n-1) first, then P(n-1) takes from P(n-2), …, P1 from L), each the streets of the giver nearest
 * the border (see {@link BeatBoundary}), so every beat stays connected. S takes about
 * min(L − mean, mean − S); each beat further up takes back what it just gave plus half its room
 * under L's round. Each taker's exact round is checked at once and must stay under L's old round;
 * a peel that overshoots is retried smaller, scaled by the room it overshot (at most
 * {@link #FIT_TRIES} sizes per border). If a border cannot be crossed, or L does not end shorter,
 * the whole chain is undone. Up to {@link #SINKS_TRIED} chains per stuck beat (more on a plateau,
 * see {@link BoundaryRefinement}), each costing about 2n + 1 exact rounds for n borders. L need not
 * be the longest beat: every taker stays under L's old round, so no round grows past it. Deterministic (ties broken by index).
 */
final class ChainTransfer {
    /** Longest chain tried, in borders crossed. */
    static final int MAX_HOPS = 8;
    /** Short beats tried as the end of a chain, per stuck longest beat. */
    static final int SINKS_TRIED = 3;
    /** Short beats tried per stuck beat in the plateau pass, which spends the budget the starts left. */
    static final int PLATEAU_SINKS_TRIED = 10;
    /** Peel sizes tried per border: each next size scaled by the room the last one overshot. */
    private static final int FIT_TRIES = 4;

    private final StreetNetwork network;
    private final BeatBoundary boundary;
    private final CountedRounds rounds;

    ChainTransfer(StreetNetwork network, BeatBoundary boundary, CountedRounds rounds) {
        this.network = network;
        this.boundary = boundary;
        this.rounds = rounds;
    }

    /**
     * Tries to shorten beat {@code longest}'s round through chains; on success updates
     * {@code labels} and {@code roundMeters} and returns the beats changed, else returns an empty array
     * and changes nothing.
     */
    int[] shorten(int longest, int[] labels, double[] roundMeters, double minimumGainMeters, int sinksTried) {
        int k = roundMeters.length;
        double mean = Arrays.stream(roundMeters).average().orElse(0);
        int[][] neighbours = beatGraph(labels, k);
        int[] parent = new int[k];
        int[] hops = new int[k];
        shortestChains(longest, neighbours, roundMeters, parent, hops);
        double bound = roundMeters[longest] - minimumGainMeters;
        for (int sink : sinks(hops, roundMeters, mean, sinksTried)) {
            int[] chain = chainTo(sink, parent, hops);
            double work = Math.min(roundMeters[longest] - mean, mean - roundMeters[sink]);
            if (!rounds.exhausted() && carry(chain, work, bound, labels, roundMeters)) {
                return chain;
            }
        }
        return new int[0];
    }

    /** Breadth-first over beats from {@code from}; each beat's parent is the one with the least tall beat in between. */
    private static void shortestChains(int from, int[][] neighbours, double[] roundMeters, int[] parent, int[] hops) {
        Arrays.fill(parent, -1);
        Arrays.fill(hops, Integer.MAX_VALUE);
        double[] tallest = new double[neighbours.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        hops[from] = 0;
        queue.add(from);
        while (!queue.isEmpty()) {
            int beat = queue.poll();
            if (hops[beat] >= MAX_HOPS) {
                continue;
            }
            double through = beat == from ? 0 : Math.max(tallest[beat], roundMeters[beat]);
            for (int next : neighbours[beat]) {
                if (hops[next] == Integer.MAX_VALUE) {
                    hops[next] = hops[beat] + 1;
                    parent[next] = beat;
                    tallest[next] = through;
                    queue.add(next);
                } else if (hops[next] == hops[beat] + 1 && through < tallest[next]) {
                    parent[next] = beat;
                    tallest[next] = through;
                }
            }
        }
    }

    /** Beats under the mean at least two borders away (direct neighbours were tried before), nearest first. */
    private static List<Integer> sinks(int[] hops, double[] roundMeters, double mean, int sinksTried) {
        List<Integer> sinks = new ArrayList<>();
        for (int r = 0; r < hops.length; r++) {
            if (hops[r] >= 2 && hops[r] != Integer.MAX_VALUE && roundMeters[r] < mean) {
                sinks.add(r);
            }
        }
        sinks.sort((a, b) -> hops[a] != hops[b] ? Integer.compare(hops[a], hops[b])
                : roundMeters[a] != roundMeters[b] ? Double.compare(roundMeters[a], roundMeters[b])
                : Integer.compare(a, b));
        return sinks.subList(0, Math.min(sinksTried, sinks.size()));
    }

    private static int[] chainTo(int sink, int[] parent, int[] hops) {
        int[] chain = new int[hops[sink] + 1];
        for (int beat = sink, i = chain.length - 1; i >= 0; beat = parent[beat], i--) {
            chain[i] = beat;
        }
        return chain;
    }

    /**
     * Moves work across every border of the chain, far end first, all or nothing. The sink takes
     * about {@code workMeters}; each beat further up then takes back what it gave, plus half its
     * room under the bound, so the beats in between end near their old rounds.
     */
    private boolean carry(int[] chain, double workMeters, double bound, int[] labels, double[] roundMeters) {
        int[] savedLabels = labels.clone();
        double[] savedRounds = roundMeters.clone();
        double work = workMeters;
        for (int hop = chain.length - 2; hop >= 0; hop--) {
            int giver = chain[hop];
            int taker = chain[hop + 1];
            if (hop < chain.length - 2) {
                double given = savedRounds[taker] - measure(taker, labels, roundMeters);
                work = given + (bound - savedRounds[taker]) / 2;
            }
            if (work <= 0 || !give(giver, taker, work, savedRounds[giver], bound, labels, roundMeters)) {
                return undo(savedLabels, savedRounds, labels, roundMeters);
            }
        }
        if (measure(chain[0], labels, roundMeters) >= bound) {
            return undo(savedLabels, savedRounds, labels, roundMeters);
        }
        return true;
    }

    /**
     * Moves about {@code workMeters} of round from giver to taker, fewer streets if the taker would
     * reach the bound; false when no peel fits.
     */
    private boolean give(int giver, int taker, double workMeters, double giverRound, double bound, int[] labels,
            double[] roundMeters) {
        int[] giverEdges = BeatBoundary.edgesOf(labels, giver);
        double takerBefore = roundMeters[taker];
        double streetMeters = workMeters * streetLength(giverEdges) / giverRound;
        int lastPeel = -1;
        for (int attempt = 0; attempt < FIT_TRIES && streetMeters > 0; attempt++) {
            int[] streets = boundary.peel(giver, taker, streetMeters, labels);
            if (streets.length == lastPeel) {
                streetMeters /= 2;
                continue;
            }
            lastPeel = streets.length;
            if (!boundary.move(giver, taker, streets, labels, 2 * streetMeters + streetLength(streets))) {
                streetMeters /= 2;
                continue;
            }
            double taken = streetLength(streets);
            if (shorterThan(taker, bound, labels, roundMeters)) {
                return true;
            }
            double grown = Math.max(roundMeters[taker], takerBefore + taken) - takerBefore;
            roundMeters[taker] = takerBefore;
            for (int e : giverEdges) {
                labels[e] = giver;
            }
            double room = bound - takerBefore;
            streetMeters = Math.min(taken * 0.9 * room / Math.max(grown, 1), streetMeters / 2);
        }
        return false;
    }

    private double measure(int beat, int[] labels, double[] roundMeters) {
        roundMeters[beat] = rounds.lengthMeters(BeatBoundary.edgesOf(labels, beat));
        return roundMeters[beat];
    }

    /** Measures {@code beat}'s new round into {@code roundMeters}; true when under {@code bound}. */
    private boolean shorterThan(int beat, double bound, int[] labels, double[] roundMeters) {
        int[] edges = BeatBoundary.edgesOf(labels, beat);
        if (streetLength(edges) >= bound) {
            return false;
        }
        roundMeters[beat] = rounds.lengthMeters(edges);
        return roundMeters[beat] < bound;
    }

    private static boolean undo(int[] savedLabels, double[] savedRounds, int[] labels, double[] roundMeters) {
        System.arraycopy(savedLabels, 0, labels, 0, labels.length);
        System.arraycopy(savedRounds, 0, roundMeters, 0, roundMeters.length);
        return false;
    }

    private double streetLength(int[] edges) {
        double sum = 0;
        for (int e : edges) {
            sum += network.edgeLengthMeters(e);
        }
        return sum;
    }

    /** For each beat, the beats sharing an intersection with it, in increasing order. */
    int[][] beatGraph(int[] labels, int k) {
        List<List<Integer>> lists = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            lists.add(new ArrayList<>(8));
        }
        for (int node = 0; node < network.nodeCount(); node++) {
            int count = network.adjacentEdgeCount(node);
            for (int i = 0; i < count; i++) {
                int a = labels[network.adjacentEdge(node, i)];
                for (int j = 0; j < count; j++) {
                    int b = labels[network.adjacentEdge(node, j)];
                    if (a != b && !lists.get(a).contains(b)) {
                        lists.get(a).add(b);
                    }
                }
            }
        }
        int[][] neighbours = new int[k][];
        for (int r = 0; r < k; r++) {
            neighbours[r] = lists.get(r).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return neighbours;
    }
}
