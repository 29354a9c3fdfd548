package dev.rounds.rounds;

import java.util.Arrays;

/**
 * Hierholzer's algorithm on a multigraph given as edge end arrays over network node ids: returns
 * the closed walk using every edge once, starting and ending at {@code start}; undirected
 * ({@link #closedWalk}) or with every edge driven from its tail to its head ({@link #closedDrive}).
 *
 * <p>Precondition: every node has even degree (directed: as many edges in as out) and the edges
 * touching {@code start} reach all others (checked: the walk must use every edge). O(nodes +
 * edges), iterative.
 */
final class EulerTour {
    private EulerTour() {
    }

    /** Indexes into the edge arrays in walking order. */
    static int[] closedWalk(int[] endA, int[] endB, int start, int nodeCount) {
        return tour(endA, endB, start, nodeCount, false);
    }

    /** Indexes into the edge arrays in driving order; edge i leads from {@code tail[i]} to {@code head[i]}. */
    static int[] closedDrive(int[] tail, int[] head, int start, int nodeCount) {
        return tour(tail, head, start, nodeCount, true);
    }

    private static int[] tour(int[] endA, int[] endB, int start, int nodeCount, boolean directed) {
        int edges = endA.length;
        int[] offset = new int[nodeCount + 1];
        for (int e = 0; e < edges; e++) {
            offset[endA[e] + 1]++;
            if (!directed) {
                offset[endB[e] + 1]++;
            }
        }
        for (int n = 0; n < nodeCount; n++) {
            offset[n + 1] += offset[n];
        }
        int[] incidence = new int[offset[nodeCount]];
        int[] fill = Arrays.copyOf(offset, nodeCount);
        for (int e = 0; e < edges; e++) {
            incidence[fill[endA[e]]++] = e;
            if (!directed) {
                incidence[fill[endB[e]]++] = e;
            }
        }
        return walk(endA, endB, start, offset, incidence);
    }

    private static int[] walk(int[] endA, int[] endB, int start, int[] offset, int[] incidence) {
        int edges = endA.length;
        boolean[] used = new boolean[edges];
        int[] pointer = Arrays.copyOf(offset, offset.length - 1);
        int[] nodeStack = new int[edges + 1];
        int[] edgeStack = new int[edges + 1];
        int depth = 0;
        nodeStack[0] = start;
        edgeStack[0] = -1;
        int[] circuit = new int[edges];
        int written = edges;
        while (depth >= 0) {
            int v = nodeStack[depth];
            while (pointer[v] < offset[v + 1] && used[incidence[pointer[v]]]) {
                pointer[v]++;
            }
            if (pointer[v] < offset[v + 1]) {
                int e = incidence[pointer[v]++];
                used[e] = true;
                depth++;
                nodeStack[depth] = endA[e] == v ? endB[e] : endA[e];
                edgeStack[depth] = e;
            } else {
                if (edgeStack[depth] >= 0) {
                    circuit[--written] = edgeStack[depth];
                }
                depth--;
            }
        }
        if (written != 0) {
            throw new IllegalStateException("edges do not form one connected even multigraph: "
                    + written + " of " + edges + " edges unreachable from node " + start);
        }
        return circuit;
    }
}
