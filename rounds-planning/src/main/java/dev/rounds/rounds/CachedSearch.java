package dev.rounds.rounds;

import dev.rounds.network.StreetNetwork;
import java.util.Arrays;

/**
 * Shortest-path searches whose settle order (node and distance) is remembered per source, so that
 * the many searches from the same odd nodes while beats are balanced cost an array scan instead of
 * a Dijkstra. A search that goes past what is remembered runs Dijkstra again from the source (same
 * deterministic order) and remembers the longer prefix. Memory is bounded; not thread-safe.
 */
final class CachedSearch {
    private static final int MAX_PER_SOURCE = 4096;
    private static final long MAX_TOTAL = 3_000_000;

    private final NetworkDijkstra live;
    private final int[][] cachedNodes;
    private final double[][] cachedDistances;
    private final boolean[] complete;
    private long total;

    private int source = -1;
    private int position;
    private boolean liveMode;
    private boolean exhausted;
    private int[] recordedNodes = new int[256];
    private double[] recordedDistances = new double[256];
    private int recorded;
    private double lastDistance;

    CachedSearch(StreetNetwork network) {
        this.live = new NetworkDijkstra(network);
        this.cachedNodes = new int[network.nodeCount()][];
        this.cachedDistances = new double[network.nodeCount()][];
        this.complete = new boolean[network.nodeCount()];
    }

    /** Starts a search from {@code from}. */
    void start(int from) {
        remember();
        source = from;
        position = 0;
        liveMode = false;
        exhausted = false;
        if (cachedNodes[from] == null) {
            goLive(0);
        }
    }

    /** The next nearest node, or -1 when every reachable node has been returned. */
    int next() {
        if (!liveMode) {
            int[] nodes = cachedNodes[source];
            if (position < nodes.length) {
                lastDistance = cachedDistances[source][position];
                return nodes[position++];
            }
            if (complete[source]) {
                return -1;
            }
            goLive(position);
        }
        int node = live.next();
        if (node < 0) {
            exhausted = true;
            return -1;
        }
        record(node, live.distance(node));
        lastDistance = live.distance(node);
        return node;
    }

    /** Distance from the source of the node {@link #next()} returned last. */
    double lastDistance() {
        return lastDistance;
    }

    private void goLive(int skip) {
        live.start(source);
        liveMode = true;
        recorded = 0;
        for (int i = 0; i < skip; i++) {
            int node = live.next();
            record(node, live.distance(node));
        }
    }

    private void record(int node, double distance) {
        if (recorded == recordedNodes.length) {
            recordedNodes = Arrays.copyOf(recordedNodes, recorded * 2);
            recordedDistances = Arrays.copyOf(recordedDistances, recorded * 2);
        }
        recordedNodes[recorded] = node;
        recordedDistances[recorded++] = distance;
    }

    /** Keeps what the last live search settled, if it is longer than what was kept before. */
    private void remember() {
        if (!liveMode || source < 0) {
            return;
        }
        int keep = Math.min(recorded, MAX_PER_SOURCE);
        int[] before = cachedNodes[source];
        int previous = before == null ? 0 : before.length;
        if (keep <= previous || total + keep - previous > MAX_TOTAL) {
            return;
        }
        total += keep - previous;
        cachedNodes[source] = Arrays.copyOf(recordedNodes, keep);
        cachedDistances[source] = Arrays.copyOf(recordedDistances, keep);
        complete[source] = exhausted && keep == recorded;
    }
}
