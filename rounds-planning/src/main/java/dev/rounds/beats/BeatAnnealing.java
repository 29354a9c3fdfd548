package dev.rounds.beats;

import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Simulated annealing on the longest round, for plans whose beats hold only a few streets each.
 *
 * <p>Why: with about five streets a beat, one street is 10–25 % of a round, and many beats are
 * trees of long dead ends walked twice; the border moves and chains of {@link BoundaryRefinement}
 * accept only moves that shorten the longest round at once, and get stuck (novi-sad at K = 16:
 * 2,715 m, longest / mean 1.199). There a round costs microseconds, so a much longer search is
 * affordable, one that may pass through worse plans on the way.
 *
 * <p>How: each step takes a random street and a neighbouring beat it touches, and either moves the
 * street there (a border move) or exchanges it for a street of that beat touching the giver (a
 * swap), as long as both beats stay connected and non-empty. The step is judged on the two new
 * rounds (exact, remembered by {@link RoundMemo}) by the energy Σ max(0, round − target)², rounds
 * as shares of the starting mean, where the target is {@link #TARGET_SHARE} of the best longest
 * round so far: only beats near the top count, the longer the more, and beats below the target may
 * be reshaped freely, which lets the search wander. Better steps are always taken, worse ones with
 * probability exp(−Δ / T), the temperature T falling geometrically from {@link #START_TEMPERATURE}
 * to {@link #END_TEMPERATURE}. The plan kept is the best one seen by longest round, then by sum of
 * squared rounds, so the longest round never ends longer than at the start.
 *
 * <p>Tried and not kept, on novi-sad at K = 16: the energy Σ (round / mean)^12 (a power mean,
 * stayed at 2,599–2,715 m at 160,000 steps), and the squared spread around the current mean
 * (longest / mean 1.076–1.098, but by making short beats walk more: the total walked grew by a
 * tenth and the longest round stayed 2,699–2,715 m).
 *
 * <p>The work is a number of steps and of exact rounds computed, counted, not timed: the same seed
 * gives the same plan. Each step costs two exact rounds at most (none when the street sets were met
 * before: on novi-sad 1.6 million steps computed about 80,000) and O(streets a beat + K)
 * bookkeeping. Not thread-safe.
 */
final class BeatAnnealing {
    /** The energy counts rounds above this share of the best longest round so far. */
    static final double TARGET_SHARE = 0.98;
    /** Temperatures in energy units (squared shares of the mean round): about a 5 % overshoot at the start. */
    static final double START_TEMPERATURE = 0.003;
    static final double END_TEMPERATURE = 0.00001;
    /** Share of steps that try a swap rather than a single border move. */
    private static final double SWAP_SHARE = 0.5;

    private final StreetNetwork network;
    private final RoundMemo rounds;
    private final BeatConnectivity connectivity;
    private final int[] nodeMark;
    private int stamp;

    BeatAnnealing(StreetNetwork network, RoundMemo rounds) {
        this.network = network;
        this.rounds = rounds;
        this.connectivity = new BeatConnectivity(network);
        this.nodeMark = new int[network.nodeCount()];
    }

    /**
     * Anneals {@code labels} (every beat 0..K-1 non-empty and connected) for {@code steps} steps, or
     * until the memo has computed {@code maxExactRounds} rounds (the temperature then stops where it
     * is), and leaves in it the best plan seen; {@code roundMeters[r]} holds beat r's round on entry
     * and on return. Returns the number of streets whose beat changed.
     */
    int anneal(int[] labels, double[] roundMeters, int steps, int maxExactRounds, long seed) {
        int k = roundMeters.length;
        int[][] beats = new int[k][];
        for (int r = 0; r < k; r++) {
            beats[r] = BeatBoundary.edgesOf(labels, r);
        }
        double[] round = roundMeters.clone();
        double scale = Arrays.stream(round).average().orElse(1);
        int[] start = labels.clone();
        int[] best = labels.clone();
        double[] bestRound = round.clone();
        double bestLongest = max(round);
        double bestSquares = squares(round);
        SplittableRandom random = new SplittableRandom(seed);
        int[] touching = new int[16];
        double cooling = Math.log(END_TEMPERATURE / START_TEMPERATURE);
        int exactBefore = rounds.evaluations();
        for (int step = 0; step < steps && rounds.evaluations() - exactBefore < maxExactRounds; step++) {
            double temperature = START_TEMPERATURE * Math.exp(cooling * step / steps);
            int street = random.nextInt(labels.length);
            int giver = labels[street];
            int count = touchingBeats(street, giver, labels, touching);
            if (count == 0) {
                continue;
            }
            int taker = touching[random.nextInt(count)];
            boolean swap = beats[giver].length == 1 || random.nextDouble() < SWAP_SHARE;
            int back = swap ? swapCandidate(street, beats[giver], beats[taker], random) : -1;
            if (swap && back < 0) {
                continue;
            }
            int[] giverAfter = with(without(beats[giver], street), back);
            int[] takerAfter = with(without(beats[taker], back), street);
            if (connectivity.componentCount(giverAfter) != 1
                    || (back >= 0 && connectivity.componentCount(takerAfter) != 1)) {
                continue;
            }
            double giverRound = rounds.lengthMeters(giverAfter);
            double takerRound = rounds.lengthMeters(takerAfter);
            double target = bestLongest * TARGET_SHARE;
            double delta = overshoot(giverRound, target, scale) + overshoot(takerRound, target, scale)
                    - overshoot(round[giver], target, scale) - overshoot(round[taker], target, scale);
            if (delta > 0 && random.nextDouble() >= Math.exp(-delta / temperature)) {
                continue;
            }
            labels[street] = taker;
            if (back >= 0) {
                labels[back] = giver;
            }
            beats[giver] = giverAfter;
            beats[taker] = takerAfter;
            round[giver] = giverRound;
            round[taker] = takerRound;
            double longest = max(round);
            if (longest < bestLongest || (longest == bestLongest && squares(round) < bestSquares)) {
                bestLongest = longest;
                bestSquares = squares(round);
                System.arraycopy(labels, 0, best, 0, labels.length);
                System.arraycopy(round, 0, bestRound, 0, k);
            }
        }
        int changed = 0;
        for (int e = 0; e < labels.length; e++) {
            changed += best[e] != start[e] ? 1 : 0;
        }
        System.arraycopy(best, 0, labels, 0, labels.length);
        System.arraycopy(bestRound, 0, roundMeters, 0, k);
        return changed;
    }

    /** The squared overshoot of a round over the target, as a share of the mean round. */
    private static double overshoot(double roundMeters, double target, double scale) {
        double over = Math.max(0, roundMeters - target) / scale;
        return over * over;
    }

    /** The beats other than {@code own} with a street at either end of {@code street}, each once. */
    private int touchingBeats(int street, int own, int[] labels, int[] found) {
        int count = 0;
        for (int end = 0; end < 2; end++) {
            int node = end == 0 ? network.edgeFrom(street) : network.edgeTo(street);
            for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                int beat = labels[network.adjacentEdge(node, i)];
                if (beat != own && !contains(found, count, beat) && count < found.length) {
                    found[count++] = beat;
                }
            }
        }
        return count;
    }

    /** A random street of the taker that touches the giver's streets, or -1 when none does. */
    private int swapCandidate(int street, int[] giver, int[] taker, SplittableRandom random) {
        stamp++;
        for (int e : giver) {
            nodeMark[network.edgeFrom(e)] = stamp;
            nodeMark[network.edgeTo(e)] = stamp;
        }
        int candidates = 0;
        int chosen = -1;
        for (int e : taker) {
            if (e != street && (nodeMark[network.edgeFrom(e)] == stamp || nodeMark[network.edgeTo(e)] == stamp)) {
                candidates++;
                if (random.nextInt(candidates) == 0) {
                    chosen = e;
                }
            }
        }
        return chosen;
    }

    /** Whether {@code value} is among the first {@code count} of {@code values}. */
    static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** The sorted set without {@code edge} (unchanged when it is -1 or absent). */
    static int[] without(int[] sorted, int edge) {
        int at = edge < 0 ? -1 : Arrays.binarySearch(sorted, edge);
        if (at < 0) {
            return sorted;
        }
        int[] rest = new int[sorted.length - 1];
        System.arraycopy(sorted, 0, rest, 0, at);
        System.arraycopy(sorted, at + 1, rest, at, rest.length - at);
        return rest;
    }

    /** The sorted set with {@code edge} added (unchanged when it is -1). */
    static int[] with(int[] sorted, int edge) {
        if (edge < 0) {
            return sorted;
        }
        int at = -Arrays.binarySearch(sorted, edge) - 1;
        int[] grown = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, grown, 0, at);
        grown[at] = edge;
        System.arraycopy(sorted, at, grown, at + 1, sorted.length - at);
        return grown;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static double squares(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }
}
