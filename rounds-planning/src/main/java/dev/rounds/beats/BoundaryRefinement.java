package dev.rounds.beats;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.RoundPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers the longest round by moving streets from beats with long rounds to lighter neighbours,
 * judged on real round lengths (exact Chinese postman) after each move.
 *
 * <p>A move peels streets off the heavy beat in breadth-first layers from its border with the
 * neighbour, about half the round-length gap; the heavy beat keeps its largest connected part and
 * any part cut off goes with the peeled streets (it touches them), so both beats stay connected.
 * A move is kept only when both new rounds are shorter than the giver's old round, so the longest
 * round never grows; otherwise smaller moves and other neighbours are tried. The giver is the
 * longest beat not known to be stuck; a beat is stuck until it or a neighbour changes. It stops when
 * every beat is stuck, after a bounded number of moves or after a bounded number of exact round
 * evaluations (counted, not timed, so the result stays deterministic). Deterministic: ties broken by index.
 */
final class BoundaryRefinement {
    private static final int SHRINK_TRIES = 4;
    /** A beat below the mean passes streets on only to a neighbour at least this much lighter. */
    private static final double MIN_GAP_BELOW_MEAN = 0.05;
    /** Single-street moves tried per stuck longest beat (each costs one or two exact rounds). */
    private static final int MAX_SINGLE_STREET_TRIES = 24;

    private final StreetNetwork network;
    private final RoundPlanner planner;
    private final BeatConnectivity connectivity;
    private final int[] nodeMark;
    private int evaluationsLeft;
    private int markStamp;

    BoundaryRefinement(StreetNetwork network, RoundPlanner planner) {
        this.network = network;
        this.planner = planner;
        this.connectivity = new BeatConnectivity(network);
        this.nodeMark = new int[network.nodeCount()];
    }

    /**
     * Refines {@code labels} in place; {@code rounds[r]} holds beat r's round length in metres and is
     * kept up to date. Stops after {@code maxMoves} kept moves or {@code maxEvaluations} exact round
     * evaluations. Returns the number of moves kept.
     */
    int refine(int[] labels, double[] rounds, int maxMoves, int maxEvaluations, ProgressListener progress) {
        boolean[] stuck = new boolean[rounds.length];
        int moves = 0;
        evaluationsLeft = maxEvaluations;
        while (moves < maxMoves && evaluationsLeft > 0) {
            int giver = heaviestNotStuck(rounds, stuck);
            if (giver < 0) {
                break;
            }
            int taker = shed(giver, labels, rounds);
            if (taker < 0) {
                stuck[giver] = true;
                continue;
            }
            release(giver, labels, stuck);
            stuck[taker] = false;
            moves++;
            progress.progress("balancing beats", moves, maxMoves);
        }
        return moves;
    }

    /**
     * The beat with the longest round that may still shed streets. When the longest one is stuck,
     * the next ones shed to their lighter neighbours (below the mean only to clearly lighter ones), which lets load flow away from the longest
     * beat over several steps (diffusion) and frees it on the next try.
     */
    private static int heaviestNotStuck(double[] rounds, boolean[] stuck) {
        int best = -1;
        for (int r = 0; r < rounds.length; r++) {
            if (!stuck[r]
                    && (best < 0 || rounds[r] > rounds[best])) {
                best = r;
            }
        }
        return best;
    }

    /** A beat that got lighter may take streets from its neighbours: they may move again. */
    private void release(int beat, int[] labels, boolean[] stuck) {
        stuck[beat] = false;
        for (int e : edgesOf(labels, beat)) {
            for (int end : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                for (int i = 0; i < network.adjacentEdgeCount(end); i++) {
                    stuck[labels[network.adjacentEdge(end, i)]] = false;
                }
            }
        }
    }

    /** Moves streets from {@code heavy} to a lighter neighbour if that shortens both; returns it or -1. */
    private int shed(int heavy, int[] labels, double[] rounds) {
        int[] heavyEdges = edgesOf(labels, heavy);
        if (heavyEdges.length < 2) {
            return -1;
        }
        double mean = 0;
        for (double round : rounds) {
            mean += round / rounds.length;
        }
        double takerBelow = rounds[heavy] > mean ? rounds[heavy] : rounds[heavy] * (1 - MIN_GAP_BELOW_MEAN);
        List<Integer> takers = neighboursByRound(heavy, heavyEdges, labels, rounds, takerBelow);
        for (int neighbour : takers) {
            double gap = rounds[heavy] - rounds[neighbour];
            double ratio = streetLength(heavyEdges) / rounds[heavy];
            double amount = gap / 2 * ratio;
            for (int attempt = 0; attempt < SHRINK_TRIES; attempt++, amount /= 2) {
                if (tryMove(heavy, neighbour, heavyEdges, amount, labels, rounds)) {
                    return neighbour;
                }
            }
        }
        boolean longest = Arrays.stream(rounds).allMatch(r -> r <= rounds[heavy]);
        return takers.isEmpty() || !longest ? -1 : moveSingleStreet(heavy, heavyEdges, takers, labels, rounds);
    }

    /**
     * Last resort for the beat with the longest round when no layer can be peeled: each border street alone that leaves the heavy beat
     * connected, to each lighter neighbour it touches. Single streets are where a peel in index
     * order may miss the one move that shortens both rounds.
     */
    private int moveSingleStreet(int heavy, int[] heavyEdges, List<Integer> takers, int[] labels, double[] rounds) {
        boolean[] taker = new boolean[rounds.length];
        for (int t : takers) {
            taker[t] = true;
        }
        double before = rounds[heavy] - minimumGain(rounds[heavy]);
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
                int[] neighbourEdges = edgesOf(labels, neighbour);
                int[] grown = Arrays.copyOf(neighbourEdges, neighbourEdges.length + 1);
                grown[neighbourEdges.length] = e;
                tries++;
                double neighbourRound = evaluate(grown);
                if (neighbourRound < before) {
                    double heavyRound = evaluate(rest);
                    if (heavyRound < before) {
                        labels[e] = neighbour;
                        rounds[heavy] = heavyRound;
                        rounds[neighbour] = neighbourRound;
                        return neighbour;
                    }
                }
            }
        }
        return -1;
    }

    private List<Integer> touchingTakers(int edge, int heavy, boolean[] taker, int[] labels) {
        List<Integer> found = new ArrayList<>(2);
        for (int end : new int[] {network.edgeFrom(edge), network.edgeTo(edge)}) {
            for (int i = 0; i < network.adjacentEdgeCount(end); i++) {
                int other = labels[network.adjacentEdge(end, i)];
                if (other != heavy && taker[other] && !found.contains(other)) {
                    found.add(other);
                }
            }
        }
        return found;
    }

    private List<Integer> neighboursByRound(int heavy, int[] heavyEdges, int[] labels, double[] rounds,
            double takerBelow) {
        boolean[] seen = new boolean[rounds.length];
        List<Integer> neighbours = new ArrayList<>();
        for (int e : heavyEdges) {
            for (int end : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                for (int i = 0; i < network.adjacentEdgeCount(end); i++) {
                    int other = labels[network.adjacentEdge(end, i)];
                    if (other != heavy && !seen[other]
                            && rounds[other] < takerBelow) {
                        seen[other] = true;
                        neighbours.add(other);
                    }
                }
            }
        }
        neighbours.sort((a, b) -> Double.compare(rounds[a], rounds[b]));
        return neighbours;
    }

    private boolean tryMove(int heavy, int neighbour, int[] heavyEdges, double amountMeters, int[] labels,
            double[] rounds) {
        int[] peeled = peel(heavy, neighbour, amountMeters, labels);
        if (peeled.length == 0 || peeled.length >= heavyEdges.length) {
            return false;
        }
        for (int e : peeled) {
            labels[e] = neighbour;
        }
        keepLargestPart(heavy, neighbour, labels);
        int[] heavyAfter = edgesOf(labels, heavy);
        int[] neighbourAfter = edgesOf(labels, neighbour);
        double before = rounds[heavy] - minimumGain(rounds[heavy]);
        double neighbourRound = streetLength(neighbourAfter) < before ? evaluate(neighbourAfter)
                : Double.POSITIVE_INFINITY;
        if (neighbourRound < before) {
            double heavyRound = evaluate(heavyAfter);
            if (heavyRound < before) {
                rounds[heavy] = heavyRound;
                rounds[neighbour] = neighbourRound;
                return true;
            }
        }
        for (int e : heavyEdges) {
            labels[e] = heavy;
        }
        return false;
    }

    /** Streets of {@code heavy} in breadth-first order from its border with {@code neighbour}. */
    private int[] peel(int heavy, int neighbour, double amountMeters, int[] labels) {
        markStamp++;
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] == neighbour) {
                nodeMark[network.edgeFrom(e)] = markStamp;
                nodeMark[network.edgeTo(e)] = markStamp;
            }
        }
        int[] queue = new int[labels.length];
        boolean[] queued = new boolean[labels.length];
        int tail = 0;
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] == heavy && (nodeMark[network.edgeFrom(e)] == markStamp
                    || nodeMark[network.edgeTo(e)] == markStamp)) {
                queue[tail++] = e;
                queued[e] = true;
            }
        }
        double taken = 0;
        int head = 0;
        while (head < tail && taken < amountMeters) {
            int e = queue[head++];
            taken += network.edgeLengthMeters(e);
            for (int end : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                for (int i = 0; i < network.adjacentEdgeCount(end); i++) {
                    int next = network.adjacentEdge(end, i);
                    if (labels[next] == heavy && !queued[next]) {
                        queued[next] = true;
                        queue[tail++] = next;
                    }
                }
            }
        }
        return Arrays.copyOf(queue, head);
    }

    /** Keeps the longest connected part of {@code heavy}; the rest goes to {@code neighbour}. */
    private void keepLargestPart(int heavy, int neighbour, int[] labels) {
        int[] edges = edgesOf(labels, heavy);
        int[] part = connectivity.components(edges);
        double[] length = new double[edges.length + 1];
        int best = 0;
        for (int i = 0; i < edges.length; i++) {
            length[part[i]] += network.edgeLengthMeters(edges[i]);
        }
        for (int p = 1; p < length.length; p++) {
            if (length[p] > length[best]) {
                best = p;
            }
        }
        for (int i = 0; i < edges.length; i++) {
            if (part[i] != best) {
                labels[edges[i]] = neighbour;
            }
        }
    }

    /** A move must shorten the giver's round by this much: 0.03 % (at least 1 m), so tiny shuffles stop. */
    private static double minimumGain(double roundMeters) {
        return Math.max(1, roundMeters * 0.0003);
    }

    /** An exact round length, counted against the evaluation budget. */
    private double evaluate(int[] edges) {
        evaluationsLeft--;
        return planner.roundLengthMeters(edges);
    }

    private double streetLength(int[] edges) {
        double sum = 0;
        for (int e : edges) {
            sum += network.edgeLengthMeters(e);
        }
        return sum;
    }

    static int[] edgesOf(int[] labels, int beat) {
        int count = 0;
        for (int label : labels) {
            if (label == beat) {
                count++;
            }
        }
        int[] edges = new int[count];
        int i = 0;
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] == beat) {
                edges[i++] = e;
            }
        }
        return edges;
    }
}
