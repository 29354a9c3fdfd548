package dev.rounds.beats;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers the longest round by moving streets from beats with long rounds to lighter neighbours,
 * judged on real round lengths (exact Chinese postman) after each move.
 *
 * <p>A move peels streets off the heavy beat from its border with the neighbour, growing towards
 * the neighbour's centre ({@link BeatBoundary#peel}), about half the round-length gap; the heavy beat keeps its largest connected part and
 * any part cut off goes with the peeled streets (it touches them), so both beats stay connected.
 * A move is kept only when both new rounds are shorter than the giver's old round, so the longest
 * round never grows; otherwise smaller moves (a peel that takes the same streets is not evaluated
 * twice) and other neighbours are tried. When the longest beat cannot give to any neighbour, it
 * tries single border streets, then chains of beats ({@link ChainTransfer}) that carry its work
 * to a short beat some borders away. The giver is the longest beat not known to be stuck; a beat
 * is stuck until it or a neighbour changes.
 *
 * <p>Every kept move lowers the longest round among the beats it changes, so the rounds sorted
 * longest first only fall lexicographically, and the 2nd, 3rd, … longest beats keep shedding
 * while the longest is stuck. On a plateau (the longest beat among neighbours nearly as long:
 * Monaco K = 64 ended with its 8 longest rounds within 2 % of each other, one beat at 0.62 of
 * the mean) a further pass ({@code plateau}) lets every beat above the mean try single streets
 * and chains to up to {@link ChainTransfer#PLATEAU_SINKS_TRIED} short beats, not only the longest:
 * shortening its neighbours makes room for the longest beat again ({@link BeatPlanner} runs it on
 * the best plan with the budget its starts left: Monaco K = 64 11,505 → 11,382 m, north-bayreuth
 * K = 64 13,137 → 13,029 m).
 *
 * <p>It stops when every beat is stuck, after a bounded number of moves or when the budget of exact
 * round evaluations is spent (counted, not timed, so the result stays deterministic).
 * Deterministic: ties broken by index.
 */
final class BoundaryRefinement {
    private static final int SHRINK_TRIES = 4;
    /** A beat below the mean passes streets on only to a neighbour at least this much lighter. */
    private static final double MIN_GAP_BELOW_MEAN = 0.05;
    /** Single-street moves tried per stuck longest beat (each costs one or two exact rounds). */
    private static final int MAX_SINGLE_STREET_TRIES = 24;

    private final StreetNetwork network;
    private final BeatConnectivity connectivity;
    private final BeatBoundary boundary;
    private final CountedRounds rounds;
    private final ChainTransfer chains;

    BoundaryRefinement(StreetNetwork network, CountedRounds rounds) {
        this.network = network;
        this.rounds = rounds;
        this.connectivity = new BeatConnectivity(network);
        this.boundary = new BeatBoundary(network);
        this.chains = new ChainTransfer(network, boundary, rounds);
    }

    /**
     * Refines {@code labels} in place; {@code roundMeters[r]} holds beat r's round length and is kept
     * up to date. Stops after {@code maxMoves} kept moves or when the evaluation budget is spent.
     * With {@code plateau}, every beat above the mean may shed through single streets and chains
     * (see the class comment). Returns the number of moves kept (a chain counts as one).
     */
    int refine(int[] labels, double[] roundMeters, int maxMoves, boolean plateau, ProgressListener progress) {
        boolean[] stuck = new boolean[roundMeters.length];
        int moves = 0;
        while (moves < maxMoves && !rounds.exhausted()) {
            int giver = heaviestNotStuck(roundMeters, stuck);
            if (giver < 0) {
                break;
            }
            int[] changed = shed(giver, labels, roundMeters, plateau);
            if (changed.length == 0) {
                stuck[giver] = true;
                continue;
            }
            for (int beat : changed) {
                release(beat, labels, stuck);
            }
            moves++;
            progress.progress("balancing beats", moves, maxMoves);
        }
        return moves;
    }

    /**
     * The beat with the longest round that may still shed streets. When the longest one is stuck,
     * the next ones shed to their lighter neighbours (below the mean only to clearly lighter ones),
     * which lets load flow away from the longest beat over several steps and frees it on the next try.
     */
    private static int heaviestNotStuck(double[] roundMeters, boolean[] stuck) {
        int best = -1;
        for (int r = 0; r < roundMeters.length; r++) {
            if (!stuck[r] && (best < 0 || roundMeters[r] > roundMeters[best])) {
                best = r;
            }
        }
        return best;
    }

    /** A beat that changed may take streets from its neighbours: they and it may move again. */
    private void release(int beat, int[] labels, boolean[] stuck) {
        stuck[beat] = false;
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] != beat) {
                continue;
            }
            for (int end = 0; end < 2; end++) {
                int node = end == 0 ? network.edgeFrom(e) : network.edgeTo(e);
                for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                    stuck[labels[network.adjacentEdge(node, i)]] = false;
                }
            }
        }
    }

    /** Moves streets from {@code heavy} so that its round gets shorter; returns the beats changed, or none. */
    private int[] shed(int heavy, int[] labels, double[] roundMeters, boolean plateau) {
        int[] heavyEdges = BeatBoundary.edgesOf(labels, heavy);
        if (heavyEdges.length < 2) {
            return new int[0];
        }
        double mean = Arrays.stream(roundMeters).average().orElse(0);
        double takerBelow = roundMeters[heavy] > mean ? roundMeters[heavy]
                : roundMeters[heavy] * (1 - MIN_GAP_BELOW_MEAN);
        List<Integer> takers = neighboursByRound(heavy, heavyEdges, labels, roundMeters, takerBelow);
        double ratio = streetLength(heavyEdges) / roundMeters[heavy];
        for (int neighbour : takers) {
            double amount = (roundMeters[heavy] - roundMeters[neighbour]) / 2 * ratio;
            int lastPeel = -1;
            for (int attempt = 0; attempt < SHRINK_TRIES; attempt++, amount /= 2) {
                int[] peeled = boundary.peel(heavy, neighbour, amount, labels);
                if (peeled.length == lastPeel) {
                    continue;
                }
                lastPeel = peeled.length;
                if (tryMove(heavy, neighbour, heavyEdges, peeled, labels, roundMeters)) {
                    return new int[] {heavy, neighbour};
                }
            }
        }
        boolean longest = Arrays.stream(roundMeters).allMatch(r -> r <= roundMeters[heavy]);
        if (!longest && !(plateau && roundMeters[heavy] > mean)) {
            return new int[0];
        }
        int taker = takers.isEmpty() ? -1 : moveSingleStreet(heavy, heavyEdges, takers, labels, roundMeters);
        if (taker >= 0) {
            return new int[] {heavy, taker};
        }
        int[] changed = chains.shorten(heavy, labels, roundMeters, minimumGain(roundMeters[heavy]),
                plateau ? ChainTransfer.PLATEAU_SINKS_TRIED : ChainTransfer.SINKS_TRIED);
        return changed;
    }

    /**
     * Last resort for the beat with the longest round when no layer can be peeled: each border
     * street alone that leaves the heavy beat connected, to each lighter neighbour it touches.
     * Single streets are where a peel in breadth-first order may miss the one move that shortens
     * both rounds.
     */
    private int moveSingleStreet(int heavy, int[] heavyEdges, List<Integer> takers, int[] labels,
            double[] roundMeters) {
        boolean[] taker = new boolean[roundMeters.length];
        for (int t : takers) {
            taker[t] = true;
        }
        double before = roundMeters[heavy] - minimumGain(roundMeters[heavy]);
        int[] rest = new int[heavyEdges.length - 1];
        int tries = 0;
        for (int index = 0; index < heavyEdges.length && tries < MAX_SINGLE_STREET_TRIES; index++) {
            int e = heavyEdges[index];
            for (int neighbour : touchingTakers(e, heavy, taker, labels)) {
                System.arraycopy(heavyEdges, 0, rest, 0, index);
                System.arraycopy(heavyEdges, index + 1, rest, index, rest.length - index);
                if (connectivity.componentCount(rest) != 1) {
                    break;
                }
                int[] neighbourEdges = BeatBoundary.edgesOf(labels, neighbour);
                int[] grown = Arrays.copyOf(neighbourEdges, neighbourEdges.length + 1);
                grown[neighbourEdges.length] = e;
                tries++;
                double neighbourRound = rounds.lengthMeters(grown);
                if (neighbourRound < before) {
                    double heavyRound = rounds.lengthMeters(rest);
                    if (heavyRound < before) {
                        labels[e] = neighbour;
                        roundMeters[heavy] = heavyRound;
                        roundMeters[neighbour] = neighbourRound;
                        return neighbour;
                    }
                }
            }
        }
        return -1;
    }

    private List<Integer> touchingTakers(int edge, int heavy, boolean[] taker, int[] labels) {
        List<Integer> found = new ArrayList<>(2);
        for (int end = 0; end < 2; end++) {
            int node = end == 0 ? network.edgeFrom(edge) : network.edgeTo(edge);
            for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                int other = labels[network.adjacentEdge(node, i)];
                if (other != heavy && taker[other] && !found.contains(other)) {
                    found.add(other);
                }
            }
        }
        return found;
    }

    private List<Integer> neighboursByRound(int heavy, int[] heavyEdges, int[] labels, double[] roundMeters,
            double takerBelow) {
        boolean[] seen = new boolean[roundMeters.length];
        List<Integer> neighbours = new ArrayList<>();
        for (int e : heavyEdges) {
            for (int end = 0; end < 2; end++) {
                int node = end == 0 ? network.edgeFrom(e) : network.edgeTo(e);
                for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                    int other = labels[network.adjacentEdge(node, i)];
                    if (other != heavy && !seen[other] && roundMeters[other] < takerBelow) {
                        seen[other] = true;
                        neighbours.add(other);
                    }
                }
            }
        }
        neighbours.sort((a, b) -> roundMeters[a] != roundMeters[b] ? Double.compare(roundMeters[a], roundMeters[b])
                : Integer.compare(a, b));
        return neighbours;
    }

    private boolean tryMove(int heavy, int neighbour, int[] heavyEdges, int[] peeled, int[] labels,
            double[] roundMeters) {
        if (!boundary.move(heavy, neighbour, peeled, labels)) {
            return false;
        }
        int[] heavyAfter = BeatBoundary.edgesOf(labels, heavy);
        int[] neighbourAfter = BeatBoundary.edgesOf(labels, neighbour);
        double before = roundMeters[heavy] - minimumGain(roundMeters[heavy]);
        double neighbourRound = streetLength(neighbourAfter) < before ? rounds.lengthMeters(neighbourAfter)
                : Double.POSITIVE_INFINITY;
        if (neighbourRound < before) {
            double heavyRound = rounds.lengthMeters(heavyAfter);
            if (heavyRound < before) {
                roundMeters[heavy] = heavyRound;
                roundMeters[neighbour] = neighbourRound;
                return true;
            }
        }
        for (int e : heavyEdges) {
            labels[e] = heavy;
        }
        return false;
    }

    /** A move must shorten the giver's round by this much: 0.03 % (at least 1 m), so tiny shuffles stop. */
    static double minimumGain(double roundMeters) {
        return Math.max(1, roundMeters * 0.0003);
    }

    private double streetLength(int[] edges) {
        double sum = 0;
        for (int e : edges) {
            sum += network.edgeLengthMeters(e);
        }
        return sum;
    }
}
