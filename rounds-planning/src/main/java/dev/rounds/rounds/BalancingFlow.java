package dev.rounds.rounds;

import dev.rounds.network.StreetNetwork;
import java.util.Arrays;

/**
 * The cheapest extra drives that give every node as many drives in as out: a minimum-cost flow on
 * the whole street network, where a node's surplus (drives in minus drives out of the streets
 * already chosen) must be carried away along drivable directions (one-way edges only forwards, two-way
 * edges both ways) at one edge length per unit.
 *
 * <p>Optionally some two-way streets are <em>free</em>: each must be driven once anyway, in a
 * direction still open, so the flow may send one unit along it, either way, at no cost. That is the
 * relaxation behind a car round's lower bound: any closed drive that covers the beat gives such a
 * flow (its one-way streets fixed, one drive of each two-way street free, the rest deadhead), so no
 * round is shorter than the streets plus this flow's cost.
 *
 * <p>Successive shortest paths with node potentials (reduced costs stay non-negative, so each path
 * is a Dijkstra from a virtual source over the residual network, stopped when the virtual sink is
 * settled). O(U · (E log V)) for U units of surplus; each search only touches the neighbourhood it
 * needs. Reference: Ahuja, Magnanti &amp; Orlin, "Network Flows" (1993), ch. 9. Precondition,
 * checked: every surplus can reach a deficit (the network is strongly connected for cars). Not
 * thread-safe: buffers are reused.
 */
final class BalancingFlow {
    private static final int DEADHEAD = 0;
    private static final int CANCEL_DEADHEAD = 1;
    private static final int FREE = 2;
    private static final int CANCEL_FREE = 3;
    /** Direction of a free edge's drive not chosen yet; a touched edge that is not free has {@link #NOT_FREE}. */
    private static final int FREE_UNUSED = 0;
    private static final int NOT_FREE = Integer.MIN_VALUE;

    private final StreetNetwork network;
    private final int sink;
    private final int[] excess;
    private final double[] potential;
    private final int[] nodeStamp;
    private final int[] deadheadUnits;
    private final int[] freeDirection;
    private final int[] edgeStamp;
    private final double[] distance;
    private final int[] predecessorEdge;
    private final int[] predecessorKind;
    private final int[] searchStamp;
    private final boolean[] settled;
    private final MinHeap heap = new MinHeap();
    private int solveStamp;
    private int search;
    private double sourcePotential;
    private int[] touchedEdges = new int[64];
    private int touchedCount;
    private int[] settledNodes = new int[64];
    private int settledCount;
    private int[] surplusNodes;

    BalancingFlow(StreetNetwork network) {
        this.network = network;
        int n = network.nodeCount();
        this.sink = n;
        this.excess = new int[n];
        this.potential = new double[n + 1];
        this.nodeStamp = new int[n + 1];
        this.deadheadUnits = new int[2 * network.edgeCount()];
        this.freeDirection = new int[network.edgeCount()];
        this.edgeStamp = new int[network.edgeCount()];
        this.distance = new double[n + 1];
        this.predecessorEdge = new int[n + 1];
        this.predecessorKind = new int[n + 1];
        this.searchStamp = new int[n + 1];
        this.settled = new boolean[n + 1];
    }

    /**
     * A solved flow.
     *
     * @param deadheadArcs  one entry per extra drive: {@code 2·edge} along the edge, {@code 2·edge + 1} against it
     * @param freeDirection per free edge (same order as given): 1 driven along it, -1 against it, 0 not used
     * @param costMeters    length of the extra drives
     */
    record Result(int[] deadheadArcs, int[] freeDirection, double costMeters) {
    }

    /**
     * Balances the given surpluses ({@code surplus[i]} at {@code nodes[i]}, distinct nodes: positive
     * where more drives come in than go out; they must sum to 0), with one free drive allowed on each
     * of {@code freeEdges} (two-way, not loops).
     */
    Result solve(int[] nodes, int[] surplus, int[] freeEdges) {
        begin(nodes, surplus, freeEdges);
        int left = 0;
        for (int node : nodes) {
            left += Math.max(0, excess[node]);
        }
        while (left > 0) {
            int source = shortestPathToSink();
            left -= augment(source);
        }
        return result(freeEdges);
    }

    private void begin(int[] nodes, int[] surplus, int[] freeEdges) {
        solveStamp++;
        touchedCount = 0;
        sourcePotential = 0;
        nodeStamp[sink] = solveStamp;
        potential[sink] = 0;
        int sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            if (nodeStamp[nodes[i]] == solveStamp) {
                throw new IllegalArgumentException("node " + nodes[i] + " is given twice: sum its surpluses first");
            }
            node(nodes[i]);
            excess[nodes[i]] += surplus[i];
            sum += surplus[i];
        }
        if (sum != 0) {
            throw new IllegalArgumentException("surpluses must sum to 0, got " + sum);
        }
        for (int e : freeEdges) {
            if (network.edgeOneway(e)) {
                throw new IllegalArgumentException("edge " + e + " is one-way: it cannot be driven either way");
            }
            edge(e);
            freeDirection[e] = FREE_UNUSED;
        }
        surplusNodes = nodes;
    }

    private void node(int v) {
        if (nodeStamp[v] != solveStamp) {
            nodeStamp[v] = solveStamp;
            excess[v] = 0;
            potential[v] = 0;
        }
    }

    private void edge(int e) {
        if (edgeStamp[e] != solveStamp) {
            edgeStamp[e] = solveStamp;
            deadheadUnits[2 * e] = 0;
            deadheadUnits[2 * e + 1] = 0;
            freeDirection[e] = NOT_FREE;
            if (touchedCount == touchedEdges.length) {
                touchedEdges = Arrays.copyOf(touchedEdges, touchedCount * 2);
            }
            touchedEdges[touchedCount++] = e;
        }
    }

    private double potentialOf(int v) {
        return nodeStamp[v] == solveStamp ? potential[v] : 0;
    }

    private int excessOf(int v) {
        return nodeStamp[v] == solveStamp ? excess[v] : 0;
    }

    /**
     * Dijkstra on reduced costs from the virtual source (joined to every node with surplus) until the
     * virtual sink (joined from every node with deficit) is settled; updates the potentials and
     * returns the node the path to the sink leaves through.
     */
    private int shortestPathToSink() {
        search++;
        heap.clear();
        settledCount = 0;
        for (int v : surplusNodes) {
            if (excess[v] > 0) {
                reach(v, sourcePotential - potential[v], -1, -1);
            }
        }
        while (!heap.isEmpty()) {
            double key = heap.peekKey();
            int v = heap.pop();
            if (settled[v] || key > distance[v]) {
                continue;
            }
            if (v == sink) {
                updatePotentials(key);
                return predecessorEdge[sink];
            }
            settled[v] = true;
            remember(v);
            if (excessOf(v) < 0) {
                reach(sink, key + potentialOf(v) - potential[sink], -1, v);
            }
            relax(v, key);
        }
        throw new IllegalArgumentException("some streets cannot be driven round: no drivable way leads from node "
                + sourceNode() + " to where the round must go on; import the map with the car profile keeping its "
                + "largest strongly connected part (without --keep-all-parts)");
    }

    private int sourceNode() {
        for (int v : surplusNodes) {
            if (excess[v] > 0) {
                return v;
            }
        }
        return -1;
    }

    private void relax(int v, double key) {
        double pv = potentialOf(v);
        for (int i = 0; i < network.adjacentEdgeCount(v); i++) {
            int e = network.adjacentEdge(v, i);
            int w = network.otherEnd(e, v);
            if (w == v) {
                continue;
            }
            int arc = 2 * e + (network.edgeFrom(e) == v ? 0 : 1);
            int kind = cheapestResidual(e, arc);
            if (kind < 0) {
                continue;
            }
            double reduced = Math.max(0, cost(kind, e) + pv - potentialOf(w));
            reach(w, key + reduced, e, kind);
        }
    }

    /** The cheapest residual arc along {@code arc}'s direction of edge e, or -1 when there is none. */
    private int cheapestResidual(int e, int arc) {
        boolean known = edgeStamp[e] == solveStamp;
        if (known && deadheadUnits[arc ^ 1] > 0) {
            return CANCEL_DEADHEAD;
        }
        if (known && freeDirection[e] != NOT_FREE) {
            int direction = (arc & 1) == 0 ? 1 : -1;
            if (freeDirection[e] == -direction) {
                return CANCEL_FREE;
            }
            if (freeDirection[e] == FREE_UNUSED) {
                return FREE;
            }
        }
        boolean drivable = !network.edgeOneway(e) || (arc & 1) == 0;
        return drivable ? DEADHEAD : -1;
    }

    private double cost(int kind, int e) {
        return switch (kind) {
            case DEADHEAD -> network.edgeLengthMeters(e);
            case CANCEL_DEADHEAD -> -network.edgeLengthMeters(e);
            default -> 0;
        };
    }

    private void reach(int v, double key, int viaEdge, int kindOrFrom) {
        if (searchStamp[v] != search) {
            searchStamp[v] = search;
            settled[v] = false;
        } else if (settled[v] || key >= distance[v]) {
            return;
        }
        distance[v] = key;
        predecessorEdge[v] = v == sink ? kindOrFrom : viaEdge;
        predecessorKind[v] = v == sink ? -1 : kindOrFrom;
        heap.push(key, v);
    }

    private void remember(int v) {
        if (settledCount == settledNodes.length) {
            settledNodes = Arrays.copyOf(settledNodes, settledCount * 2);
        }
        settledNodes[settledCount++] = v;
    }

    /** Johnson's update stopped at the sink: nodes settled closer than it move down by the difference. */
    private void updatePotentials(double sinkDistance) {
        for (int i = 0; i < settledCount; i++) {
            int v = settledNodes[i];
            node(v);
            potential[v] += distance[v] - sinkDistance;
        }
        sourcePotential -= sinkDistance;
    }

    /** Pushes as many units as the path from the sink back to its source allows; returns how many. */
    private int augment(int last) {
        int units = -excess[last];
        int v = last;
        while (predecessorKind[v] >= 0) {
            int kind = predecessorKind[v];
            int e = predecessorEdge[v];
            int from = network.otherEnd(e, v);
            int arc = 2 * e + (network.edgeFrom(e) == from ? 0 : 1);
            if (kind == CANCEL_DEADHEAD) {
                units = Math.min(units, deadheadUnits[arc ^ 1]);
            } else if (kind != DEADHEAD) {
                units = 1;
            }
            v = from;
        }
        units = Math.min(units, excess[v]);
        excess[v] -= units;
        excess[last] += units;
        for (v = last; predecessorKind[v] >= 0; ) {
            int e = predecessorEdge[v];
            int from = network.otherEnd(e, v);
            apply(predecessorKind[v], e, 2 * e + (network.edgeFrom(e) == from ? 0 : 1), units);
            v = from;
        }
        return units;
    }

    private void apply(int kind, int e, int arc, int units) {
        edge(e);
        switch (kind) {
            case DEADHEAD -> deadheadUnits[arc] += units;
            case CANCEL_DEADHEAD -> deadheadUnits[arc ^ 1] -= units;
            case FREE -> freeDirection[e] = (arc & 1) == 0 ? 1 : -1;
            default -> freeDirection[e] = FREE_UNUSED;
        }
    }

    private Result result(int[] freeEdges) {
        int count = 0;
        double cost = 0;
        for (int i = 0; i < touchedCount; i++) {
            int e = touchedEdges[i];
            count += deadheadUnits[2 * e] + deadheadUnits[2 * e + 1];
            cost += (deadheadUnits[2 * e] + deadheadUnits[2 * e + 1]) * network.edgeLengthMeters(e);
        }
        int[] arcs = new int[count];
        int filled = 0;
        for (int i = 0; i < touchedCount; i++) {
            int e = touchedEdges[i];
            for (int arc = 2 * e; arc <= 2 * e + 1; arc++) {
                for (int u = 0; u < deadheadUnits[arc]; u++) {
                    arcs[filled++] = arc;
                }
            }
        }
        int[] direction = new int[freeEdges.length];
        for (int i = 0; i < freeEdges.length; i++) {
            direction[i] = freeDirection[freeEdges[i]];
        }
        return new Result(arcs, direction, cost);
    }
}
