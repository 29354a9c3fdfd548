package dev.rounds.bench.planning;

import dev.rounds.network.StreetNetwork;
import java.util.ArrayDeque;
import java.util.Arrays;

/** Cuts test beats out of a network: the first N edges reached breadth-first from a central node. */
final class BeatCutter {
    private BeatCutter() {
    }

    /** The node nearest the centre of the network's bounding box. */
    static int centralNode(StreetNetwork network) {
        double[] b = network.bounds();
        double lat = (b[0] + b[2]) / 2;
        double lon = (b[1] + b[3]) / 2;
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int n = 0; n < network.nodeCount(); n++) {
            double d = Math.hypot(network.nodeLat(n) - lat, (network.nodeLon(n) - lon) * Math.cos(Math.toRadians(lat)));
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best;
    }

    /** Up to {@code edges} edges in breadth-first order from {@code start}: a connected beat. */
    static int[] ball(StreetNetwork network, int start, int edges) {
        boolean[] seenNode = new boolean[network.nodeCount()];
        boolean[] taken = new boolean[network.edgeCount()];
        int[] beat = new int[Math.min(edges, network.edgeCount())];
        int count = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seenNode[start] = true;
        while (!queue.isEmpty() && count < beat.length) {
            int node = queue.poll();
            for (int i = 0; i < network.adjacentEdgeCount(node) && count < beat.length; i++) {
                int e = network.adjacentEdge(node, i);
                if (!taken[e]) {
                    taken[e] = true;
                    beat[count++] = e;
                    int other = network.otherEnd(e, node);
                    if (!seenNode[other]) {
                        seenNode[other] = true;
                        queue.add(other);
                    }
                }
            }
        }
        return Arrays.copyOf(beat, count);
    }
}
