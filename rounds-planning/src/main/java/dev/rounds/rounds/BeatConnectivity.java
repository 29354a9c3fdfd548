package dev.rounds.rounds;

import dev.rounds.network.DisjointSets;
import dev.rounds.network.StreetNetwork;

/**
 * Connected parts of a set of edges (two edges are connected when they share a node, directly or
 * through other edges of the set). O(edges · α) per call; reuses a node buffer, not thread-safe.
 */
public final class BeatConnectivity {
    private final StreetNetwork network;
    private final int[] localId;
    private final int[] stamp;
    private int current;

    public BeatConnectivity(StreetNetwork network) {
        this.network = network;
        this.localId = new int[network.nodeCount()];
        this.stamp = new int[network.nodeCount()];
    }

    /** Number of connected parts of the edge set; 0 for an empty set. */
    public int componentCount(int[] edges) {
        int[] component = components(edges);
        int count = 0;
        for (int c : component) {
            count = Math.max(count, c + 1);
        }
        return count;
    }

    /** For each edge of the set, the index (from 0, dense, in order of first appearance) of its part. */
    public int[] components(int[] edges) {
        current++;
        int nodes = 0;
        for (int e : edges) {
            nodes = local(network.edgeFrom(e), nodes);
            nodes = local(network.edgeTo(e), nodes);
        }
        DisjointSets sets = new DisjointSets(nodes);
        for (int e : edges) {
            sets.union(localId[network.edgeFrom(e)], localId[network.edgeTo(e)]);
        }
        int[] label = new int[nodes];
        java.util.Arrays.fill(label, -1);
        int[] component = new int[edges.length];
        int next = 0;
        for (int i = 0; i < edges.length; i++) {
            int root = sets.find(localId[network.edgeFrom(edges[i])]);
            if (label[root] < 0) {
                label[root] = next++;
            }
            component[i] = label[root];
        }
        return component;
    }

    private int local(int node, int nodes) {
        if (stamp[node] != current) {
            stamp[node] = current;
            localId[node] = nodes;
            return nodes + 1;
        }
        return nodes;
    }
}
