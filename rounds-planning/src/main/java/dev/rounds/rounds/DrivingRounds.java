package dev.rounds.rounds;

import dev.rounds.network.DisjointSets;
import dev.rounds.network.StreetNetwork;
import java.util.Arrays;

/**
 * Car rounds where one-way streets count: a closed drive over the whole network that drives every
 * street of the beat at least once, one-way streets only forwards, two-way streets either way.
 * This is the mixed Chinese postman problem, NP-hard; the drive is a heuristic, not an optimum.
 *
 * <p>Idea (Frederickson's MIXED-1, in its flow-first form): (1) a minimum-cost flow
 * ({@link BalancingFlow}) balances the drives in and out of every node that the one-way streets
 * unbalance, using shortest drivable ways through the network, and may drive each two-way street of
 * the beat once for free in the direction that helps; the two-way streets it used are oriented so.
 * (2) The two-way streets it left undecided are oriented along an Euler walk of their own graph,
 * made even by a minimum-weight matching of its odd nodes (as in the undirected postman), which
 * leaves only the odd nodes off by one, each towards its partner; the walk's sense is a guess, so the
 * opposite sense is tried too. (3) With every direction now fixed,
 * the directed postman is exact: a second flow balances all the beat's drives at least cost (no more
 * than flow (1) plus the repair of the odd nodes, which together are one such balancing). (4)
 * Hierholzer's algorithm drives the balanced, connected multigraph.
 *
 * <p>Lower bound: the streets plus the cost of flow (1), which every feasible drive pays (see
 * {@link BalancingFlow}). Reference: G. N. Frederickson, "Approximation algorithms for some postman
 * problems", J. ACM 26 (1979); Edmonds &amp; Johnson (1973). Preconditions: the beat is connected and
 * the network strongly connected for cars (checked by the flow). Not thread-safe.
 */
final class DrivingRounds {
    private final StreetNetwork network;
    private final BalancingFlow flow;
    private final OddNodeMatching matching;
    private final Surplus surplus;
    private final int[] localOf;

    DrivingRounds(StreetNetwork network, OddNodeMatching matching) {
        this.network = network;
        this.flow = new BalancingFlow(network);
        this.matching = matching;
        this.surplus = new Surplus(network.nodeCount());
        this.localOf = new int[network.nodeCount()];
    }

    /**
     * The drives of a beat's round, not yet in order.
     *
     * @param arcs             {@code 2·edge} along the edge, {@code 2·edge + 1} against it; the first
     *                         {@code beatArcs} drive the beat's streets once each (in the beat's order), the rest are deadhead
     * @param lengthMeters     total length
     * @param flowBoundMeters  street length plus the cost of the relaxed balancing flow: no drive is shorter
     */
    record Drives(int[] arcs, int beatArcs, double lengthMeters, double flowBoundMeters) {
    }

    Drives drives(int[] edges) {
        int[] free = balanceOneWays(edges);
        BalancingFlow.Result first = flow.solve(surplus.nodes(), surplus.amounts(), free);
        surplus.clear();
        int[] direction = first.freeDirection().clone();
        BalancingFlow.Result deadhead;
        if (orientUndecided(free, direction)) {
            deadhead = deadhead(edges, free, direction);
            int[] reversed = direction.clone();
            for (int i = 0; i < free.length; i++) {
                reversed[i] = first.freeDirection()[i] == 0 ? -direction[i] : direction[i];
            }
            BalancingFlow.Result other = deadhead(edges, free, reversed);
            if (other.costMeters() < deadhead.costMeters()) {
                direction = reversed;
                deadhead = other;
            }
        } else {
            deadhead = deadhead(edges, free, direction);
        }
        double street = Arrays.stream(edges).mapToDouble(network::edgeLengthMeters).sum();
        return new Drives(arcs(edges, free, direction, deadhead), edges.length, street + deadhead.costMeters(),
                street + first.costMeters());
    }

    /** The beat's streets in their chosen direction, then the deadhead. */
    private static int[] arcs(int[] edges, int[] free, int[] direction, BalancingFlow.Result deadhead) {
        int[] arcs = new int[edges.length + deadhead.deadheadArcs().length];
        int f = 0;
        for (int i = 0; i < edges.length; i++) {
            boolean isFree = f < free.length && free[f] == edges[i];
            arcs[i] = 2 * edges[i] + (isFree && direction[f] < 0 ? 1 : 0);
            f += isFree ? 1 : 0;
        }
        System.arraycopy(deadhead.deadheadArcs(), 0, arcs, edges.length, deadhead.deadheadArcs().length);
        return arcs;
    }

    /** The cheapest deadhead once every street's direction is fixed: the directed postman, exact. */
    private BalancingFlow.Result deadhead(int[] edges, int[] free, int[] direction) {
        balanceOneWays(edges);
        for (int i = 0; i < free.length; i++) {
            addDrive(free[i], direction[i] > 0);
        }
        BalancingFlow.Result result = flow.solve(surplus.nodes(), surplus.amounts(), new int[0]);
        surplus.clear();
        return result;
    }

    /** Puts the one-way streets' surplus in {@link #surplus}; returns the two-way streets (not loops), in beat order. */
    private int[] balanceOneWays(int[] edges) {
        surplus.clear();
        int[] free = new int[edges.length];
        int count = 0;
        for (int e : edges) {
            if (network.edgeFrom(e) == network.edgeTo(e)) {
                continue;
            }
            if (network.edgeOneway(e)) {
                addDrive(e, true);
            } else {
                free[count++] = e;
            }
        }
        return Arrays.copyOf(free, count);
    }

    private void addDrive(int edge, boolean forward) {
        int tail = forward ? network.edgeFrom(edge) : network.edgeTo(edge);
        int head = forward ? network.edgeTo(edge) : network.edgeFrom(edge);
        surplus.add(head, 1);
        surplus.add(tail, -1);
    }

    /**
     * Orients the free streets the first flow left undecided (direction 0) along a closed Euler walk
     * of their graph made even: odd nodes paired by a minimum-weight matching on street distance
     * ({@link OddNodeMatching}), each part joined twice to a virtual node. Every node stays balanced
     * except the odd ones, off by one towards their partner nearby, which the second flow then joins.
     * Returns whether any street was left to orient.
     */
    private boolean orientUndecided(int[] free, int[] direction) {
        int[] undecided = new int[free.length];
        int count = 0;
        for (int i = 0; i < free.length; i++) {
            if (direction[i] == 0) {
                undecided[count++] = i;
            }
        }
        if (count == 0) {
            return false;
        }
        int[] edges = new int[count];
        for (int i = 0; i < count; i++) {
            edges[i] = free[undecided[i]];
        }
        int virtual = network.nodeCount();
        int[][] ends = evenedEnds(edges, virtual);
        int[] order = EulerTour.closedWalk(ends[0], ends[1], virtual, virtual + 1);
        int at = virtual;
        for (int index : order) {
            if (index < count) {
                direction[undecided[index]] = network.edgeFrom(edges[index]) == at ? 1 : -1;
            }
            at = ends[0][index] == at ? ends[1][index] : ends[0][index];
        }
        return true;
    }

    /**
     * End arrays of the edges, then of a matching of their odd nodes, then of two edges from
     * {@code virtual} to one node of each connected part: an even, connected multigraph.
     */
    private int[][] evenedEnds(int[] edges, int virtual) {
        for (int e : edges) {
            surplus.add(network.edgeFrom(e), 1);
            surplus.add(network.edgeTo(e), 1);
        }
        int[] nodes = surplus.nodes();
        int[] degree = surplus.amounts();
        surplus.clear();
        int oddCount = 0;
        for (int i = 0; i < nodes.length; i++) {
            localOf[nodes[i]] = i;
            if (degree[i] % 2 != 0) {
                nodes[oddCount] = nodes[i];
                degree[oddCount++] = i;
            }
        }
        OddNodeMatching.Result pairs = matching.solve(Arrays.copyOf(nodes, oddCount));
        int pairCount = pairs.pairA().length;
        int[] endA = new int[edges.length + pairCount + 2 * degree.length];
        int[] endB = new int[endA.length];
        DisjointSets parts = new DisjointSets(degree.length);
        int filled = 0;
        for (int e : edges) {
            endA[filled] = network.edgeFrom(e);
            endB[filled++] = network.edgeTo(e);
            parts.union(localOf[network.edgeFrom(e)], localOf[network.edgeTo(e)]);
        }
        for (int p = 0; p < pairCount; p++) {
            endA[filled] = pairs.pairA()[p];
            endB[filled++] = pairs.pairB()[p];
            parts.union(localOf[pairs.pairA()[p]], localOf[pairs.pairB()[p]]);
        }
        boolean[] joined = new boolean[degree.length];
        for (int e : edges) {
            int root = parts.find(localOf[network.edgeFrom(e)]);
            if (!joined[root]) {
                joined[root] = true;
                for (int twice = 0; twice < 2; twice++) {
                    endA[filled] = virtual;
                    endB[filled++] = network.edgeFrom(e);
                }
            }
        }
        return new int[][] {Arrays.copyOf(endA, filled), Arrays.copyOf(endB, filled)};
    }

    /** A sparse per-node integer (surplus of drives, or degree) over the nodes it was given for. */
    private static final class Surplus {
        private final int[] amount;
        private final boolean[] listed;
        private int[] nodes = new int[64];
        private int count;

        Surplus(int nodeCount) {
            amount = new int[nodeCount];
            listed = new boolean[nodeCount];
        }

        void add(int node, int value) {
            if (!listed[node]) {
                listed[node] = true;
                if (count == nodes.length) {
                    nodes = Arrays.copyOf(nodes, count * 2);
                }
                nodes[count++] = node;
            }
            amount[node] += value;
        }

        int amountAt(int node) {
            return amount[node];
        }

        int[] nodes() {
            return Arrays.copyOf(nodes, count);
        }

        int[] amounts() {
            int[] values = new int[count];
            for (int i = 0; i < count; i++) {
                values[i] = amount[nodes[i]];
            }
            return values;
        }

        void clear() {
            for (int i = 0; i < count; i++) {
                amount[nodes[i]] = 0;
                listed[nodes[i]] = false;
            }
            count = 0;
        }
    }
}
