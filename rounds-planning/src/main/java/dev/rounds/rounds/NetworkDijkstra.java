package dev.rounds.rounds;

import dev.rounds.network.StreetNetwork;
import java.util.Arrays;

/**
 * Dijkstra's shortest paths over the whole street network (edge lengths in metres), settled one
 * node at a time so callers can stop at a radius or after enough targets. Either undirected, or
 * driving: one-way edges only from {@link StreetNetwork#edgeFrom} to {@link StreetNetwork#edgeTo}.
 *
 * <p>Buffers are reused between searches (a stamp marks which entries are current), so a search
 * costs only what it touches. Not thread-safe.
 */
final class NetworkDijkstra {
    private final StreetNetwork network;
    private final boolean obeyOneway;
    private final double[] distance;
    private final int[] predecessorEdge;
    private final int[] stamp;
    private final boolean[] settled;
    private int current;
    private final MinHeap heap = new MinHeap();

    /** Undirected: one-way flags are ignored. */
    NetworkDijkstra(StreetNetwork network) {
        this(network, false);
    }

    /** With {@code obeyOneway}, one-way edges are only followed in their direction. */
    NetworkDijkstra(StreetNetwork network, boolean obeyOneway) {
        this.network = network;
        this.obeyOneway = obeyOneway;
        int n = network.nodeCount();
        this.distance = new double[n];
        this.predecessorEdge = new int[n];
        this.stamp = new int[n];
        this.settled = new boolean[n];
    }

    /** Starts a new search from {@code source}. */
    void start(int source) {
        current++;
        if (current == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            current = 1;
        }
        heap.clear();
        touch(source, 0, -1);
        heap.push(0, source);
    }

    /** Settles and returns the next nearest node, or -1 when all reachable nodes are settled. */
    int next() {
        while (!heap.isEmpty()) {
            double key = heap.peekKey();
            int node = heap.pop();
            if (settled[node] || key > distance[node]) {
                continue;
            }
            settled[node] = true;
            relax(node, key);
            return node;
        }
        return -1;
    }

    /** Distance of the node nearest the source not yet settled, or infinity. */
    double peekDistance() {
        while (!heap.isEmpty() && (settled[heap.peekValue()] || heap.peekKey() > distance[heap.peekValue()])) {
            heap.pop();
        }
        return heap.isEmpty() ? Double.POSITIVE_INFINITY : heap.peekKey();
    }

    /** Distance from the source of a settled node. */
    double distance(int node) {
        return distance[node];
    }

    boolean isSettled(int node) {
        return stamp[node] == current && settled[node];
    }

    /** Edges of the shortest path from the source to a settled node, in walking order. */
    int[] pathTo(int node) {
        int count = 0;
        for (int v = node; predecessorEdge[v] >= 0; v = network.otherEnd(predecessorEdge[v], v)) {
            count++;
        }
        int[] path = new int[count];
        for (int v = node; predecessorEdge[v] >= 0; v = network.otherEnd(predecessorEdge[v], v)) {
            path[--count] = predecessorEdge[v];
        }
        return path;
    }

    private void relax(int node, double key) {
        int degree = network.adjacentEdgeCount(node);
        for (int i = 0; i < degree; i++) {
            int edge = network.adjacentEdge(node, i);
            if (obeyOneway && network.edgeOneway(edge) && network.edgeFrom(edge) != node) {
                continue;
            }
            int other = network.otherEnd(edge, node);
            double candidate = key + network.edgeLengthMeters(edge);
            if (stamp[other] != current) {
                touch(other, candidate, edge);
                heap.push(candidate, other);
            } else if (!settled[other] && candidate < distance[other]) {
                distance[other] = candidate;
                predecessorEdge[other] = edge;
                heap.push(candidate, other);
            }
        }
    }

    private void touch(int node, double dist, int edge) {
        stamp[node] = current;
        settled[node] = false;
        distance[node] = dist;
        predecessorEdge[node] = edge;
    }
}
