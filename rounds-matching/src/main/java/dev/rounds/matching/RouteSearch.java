package dev.rounds.matching;

import dev.rounds.network.StreetNetwork;
import java.util.Arrays;

/**
 * Bounded one-to-many shortest routes between points on edges (edge + offset), for the HMM's
 * transition probabilities and for the walked route between matched points.
 *
 * <p>Idea: a Dijkstra search seeded at both ends of the source edge (cost: the offset to walk to that
 * end) that stops as soon as every end node of the target edges is settled or the queue's minimum
 * passes the bound. A point on the same edge is also reached directly along the edge, which is how a
 * walker turns back in mid-street. One-way edges (car profile) are only walked from {@code edgeFrom}
 * to {@code edgeTo}.
 *
 * <p>Why a bounded search rather than FMM's precomputed table (Yang &amp; Gidofalvi 2018), measured on
 * simulated walks (2 km, 5 to 60 s, 5 to 40 m error): a search settles 5 to 36 nodes on average on
 * Krems and 5 to 29 on Monaco, with 3 to 6 searches per ping, because the bound (top speed times
 * the time between pings, plus the search radii) keeps it local. A table of all node pairs within
 * 500 m holds 68 entries per node on Krems and 112 on Monaco (0.4 M entries, 1.3 s to build
 * there), so some 100 million on a city of a million nodes, and answers each of the
 * 4 k&#178; lookups per ping (k candidates) with a hash probe; it would not be faster than settling a
 * few dozen nodes, and it costs memory and start-up time per map ({@code RouteTableEstimate} in
 * rounds-bench measures it). Complexity: O(s log s) per search for the s nodes within the bound.
 * Arrays are reused between searches (stamped, not cleared), so a search allocates nothing; an
 * instance is therefore not thread-safe.
 *
 * <p>Preconditions: offsets lie within {@code 0..edgeLengthMeters(edge)}; bounds are non-negative.
 */
final class RouteSearch {
    private final StreetNetwork network;
    private final double[] dist;
    private final int[] prevEdge;
    private final int[] stamp;
    private final int[] settledStamp;
    private final int[] targetStamp;
    private int current;
    private double[] heapKey = new double[64];
    private int[] heapNode = new int[64];
    private int heapSize;
    private int sourceEdge;
    private double sourceOffset;
    private double bound;

    RouteSearch(StreetNetwork network) {
        this.network = network;
        int n = network.nodeCount();
        dist = new double[n];
        prevEdge = new int[n];
        stamp = new int[n];
        settledStamp = new int[n];
        targetStamp = new int[n];
    }

    /**
     * Searches from a point on {@code edge} until all ends of {@code targetEdges[0..targetCount)} are
     * settled or routes exceed {@code boundMeters}.
     */
    void search(int edge, double offsetMeters, double boundMeters, int[] targetEdges, int targetCount) {
        current++;
        sourceEdge = edge;
        sourceOffset = offsetMeters;
        bound = boundMeters;
        heapSize = 0;
        int targetsLeft = markTargets(targetEdges, targetCount);
        double length = network.edgeLengthMeters(edge);
        if (!network.edgeOneway(edge)) {
            relax(network.edgeFrom(edge), offsetMeters, -1);
        }
        relax(network.edgeTo(edge), length - offsetMeters, -1);
        while (heapSize > 0 && targetsLeft > 0) {
            double key = heapKey[0];
            int node = heapNode[0];
            pop();
            if (key > bound) {
                break;
            }
            if (settledStamp[node] == current || key > dist[node]) {
                continue;
            }
            settledStamp[node] = current;
            if (targetStamp[node] == current) {
                targetsLeft--;
            }
            expand(node, key);
        }
    }

    private int markTargets(int[] targetEdges, int targetCount) {
        int count = 0;
        for (int i = 0; i < targetCount; i++) {
            int e = targetEdges[i];
            count += markTarget(network.edgeFrom(e));
            count += markTarget(network.edgeTo(e));
        }
        return count;
    }

    private int markTarget(int node) {
        if (targetStamp[node] == current) {
            return 0;
        }
        targetStamp[node] = current;
        return 1;
    }

    private void expand(int node, double key) {
        int degree = network.adjacentEdgeCount(node);
        for (int i = 0; i < degree; i++) {
            int e = network.adjacentEdge(node, i);
            int from = network.edgeFrom(e);
            if (network.edgeOneway(e) && from != node) {
                continue;
            }
            relax(from == node ? network.edgeTo(e) : from, key + network.edgeLengthMeters(e), e);
        }
    }

    private void relax(int node, double cost, int viaEdge) {
        if (cost > bound || (stamp[node] == current && cost >= dist[node])) {
            return;
        }
        stamp[node] = current;
        dist[node] = cost;
        prevEdge[node] = viaEdge;
        push(cost, node);
    }

    private double reached(int node) {
        return settledStamp[node] == current ? dist[node] : Double.POSITIVE_INFINITY;
    }

    /** Route length in metres from the last search's source to a point on {@code edge}; infinite if beyond the bound. */
    double distanceTo(int edge, double offsetMeters) {
        double best = directAlongSourceEdge(edge, offsetMeters);
        best = Math.min(best, reached(network.edgeFrom(edge)) + offsetMeters);
        if (!network.edgeOneway(edge)) {
            best = Math.min(best, reached(network.edgeTo(edge)) + network.edgeLengthMeters(edge) - offsetMeters);
        }
        return best <= bound ? best : Double.POSITIVE_INFINITY;
    }

    private double directAlongSourceEdge(int edge, double offsetMeters) {
        if (edge != sourceEdge || (network.edgeOneway(edge) && offsetMeters < sourceOffset)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(offsetMeters - sourceOffset);
    }

    /**
     * Appends the route found by the last search to a point on {@code edge} to {@code out}, as pieces
     * (edge, from offset, to offset) in walking order; false when the point is beyond the bound.
     */
    boolean routeTo(int edge, double offsetMeters, RoutePieces out) {
        double total = distanceTo(edge, offsetMeters);
        if (total == Double.POSITIVE_INFINITY) {
            return false;
        }
        if (total == directAlongSourceEdge(edge, offsetMeters)) {
            out.add(edge, sourceOffset, offsetMeters);
            return true;
        }
        boolean viaFrom = reached(network.edgeFrom(edge)) + offsetMeters == total;
        int entry = viaFrom ? network.edgeFrom(edge) : network.edgeTo(edge);
        chain.clear();
        chain.add(edge, viaFrom ? 0 : network.edgeLengthMeters(edge), offsetMeters);
        int seed = appendChainBackwards(entry);
        chain.add(sourceEdge, sourceOffset, exitOffsetAt(seed));
        out.appendReversed(chain);
        return true;
    }

    /** Adds the edges from {@code node} back to a seed node to {@link #chain}; returns the seed. */
    private int appendChainBackwards(int node) {
        int at = node;
        while (prevEdge[at] >= 0) {
            int e = prevEdge[at];
            int before = network.otherEnd(e, at);
            boolean forward = network.edgeTo(e) == at && network.edgeFrom(e) == before;
            double length = network.edgeLengthMeters(e);
            chain.add(e, forward ? 0 : length, forward ? length : 0);
            at = before;
        }
        return at;
    }

    /** Where the route leaves the source edge when it starts at seed node {@code seed}. */
    private double exitOffsetAt(int seed) {
        double length = network.edgeLengthMeters(sourceEdge);
        boolean isTo = seed == network.edgeTo(sourceEdge);
        boolean isFrom = seed == network.edgeFrom(sourceEdge) && !network.edgeOneway(sourceEdge);
        if (isTo && isFrom) {
            return length - sourceOffset <= sourceOffset ? length : 0;
        }
        return isTo ? length : 0;
    }

    private final RoutePieces chain = new RoutePieces();

    private void push(double key, int node) {
        if (heapSize == heapKey.length) {
            heapKey = Arrays.copyOf(heapKey, heapSize * 2);
            heapNode = Arrays.copyOf(heapNode, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heapKey[parent] <= key) {
                break;
            }
            heapKey[i] = heapKey[parent];
            heapNode[i] = heapNode[parent];
            i = parent;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }

    private void pop() {
        double key = heapKey[--heapSize];
        int node = heapNode[heapSize];
        int i = 0;
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < heapSize && heapKey[child + 1] < heapKey[child]) {
                child++;
            }
            if (heapKey[child] >= key) {
                break;
            }
            heapKey[i] = heapKey[child];
            heapNode[i] = heapNode[child];
            i = child;
        }
        heapKey[i] = key;
        heapNode[i] = node;
    }
}
