package dev.rounds.beats;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.Round;
import dev.rounds.rounds.RoundPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lowers the longest round by moving streets from the beat with the longest round to a lighter
 * neighbour, judged on real round lengths (exact Chinese postman) after each move.
 *
 * <p>A move peels streets off the heavy beat in breadth-first layers from its border with the
 * neighbour, about half the round-length gap; the heavy beat keeps its largest connected part and
 * any part cut off goes with the peeled streets (it touches them), so both beats stay connected.
 * A move is kept only when both new rounds are shorter than the old longest round; otherwise
 * smaller moves and other neighbours are tried. It stops when the longest beat cannot shed streets
 * or after a bounded number of moves. Deterministic: no randomness, ties broken by index.
 */
final class BoundaryRefinement {
    private static final int SHRINK_TRIES = 4;

    private final StreetNetwork network;
    private final RoundPlanner planner;
    private final BeatConnectivity connectivity;
    private final int[] nodeMark;
    private int markStamp;

    BoundaryRefinement(StreetNetwork network, RoundPlanner planner) {
        this.network = network;
        this.planner = planner;
        this.connectivity = new BeatConnectivity(network);
        this.nodeMark = new int[network.nodeCount()];
    }

    /** Refines {@code labels} in place; returns the number of moves kept. */
    int refine(int[] labels, Round[] rounds, int maxMoves, ProgressListener progress) {
        int moves = 0;
        while (moves < maxMoves) {
            int heavy = heaviest(rounds);
            if (!shed(heavy, labels, rounds)) {
                break;
            }
            moves++;
            progress.progress("balancing beats", moves, maxMoves);
        }
        return moves;
    }

    private static int heaviest(Round[] rounds) {
        int best = 0;
        for (int r = 1; r < rounds.length; r++) {
            if (rounds[r].lengthMeters() > rounds[best].lengthMeters()) {
                best = r;
            }
        }
        return best;
    }

    private boolean shed(int heavy, int[] labels, Round[] rounds) {
        int[] heavyEdges = edgesOf(labels, heavy);
        if (heavyEdges.length < 2) {
            return false;
        }
        for (int neighbour : neighboursByRound(heavy, heavyEdges, labels, rounds)) {
            double gap = rounds[heavy].lengthMeters() - rounds[neighbour].lengthMeters();
            double ratio = rounds[heavy].streetLengthMeters() / rounds[heavy].lengthMeters();
            double amount = gap / 2 * ratio;
            for (int attempt = 0; attempt < SHRINK_TRIES; attempt++, amount /= 2) {
                if (tryMove(heavy, neighbour, heavyEdges, amount, labels, rounds)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Integer> neighboursByRound(int heavy, int[] heavyEdges, int[] labels, Round[] rounds) {
        boolean[] seen = new boolean[rounds.length];
        List<Integer> neighbours = new ArrayList<>();
        for (int e : heavyEdges) {
            for (int end : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                for (int i = 0; i < network.adjacentEdgeCount(end); i++) {
                    int other = labels[network.adjacentEdge(end, i)];
                    if (other != heavy && !seen[other]
                            && rounds[other].lengthMeters() < rounds[heavy].lengthMeters()) {
                        seen[other] = true;
                        neighbours.add(other);
                    }
                }
            }
        }
        neighbours.sort((a, b) -> Double.compare(rounds[a].lengthMeters(), rounds[b].lengthMeters()));
        return neighbours;
    }

    private boolean tryMove(int heavy, int neighbour, int[] heavyEdges, double amountMeters, int[] labels,
            Round[] rounds) {
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
        Round heavyRound = planner.plan(heavyAfter);
        Round neighbourRound = planner.plan(neighbourAfter);
        double before = rounds[heavy].lengthMeters();
        if (Math.max(heavyRound.lengthMeters(), neighbourRound.lengthMeters()) < before - 1e-6) {
            rounds[heavy] = heavyRound;
            rounds[neighbour] = neighbourRound;
            return true;
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
