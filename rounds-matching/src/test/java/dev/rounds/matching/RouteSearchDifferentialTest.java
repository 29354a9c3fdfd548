package dev.rounds.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.StreetNetwork;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounded one-to-many search against a plain full Dijkstra on seeded random grids with missing
 * streets: same distance whenever it is within the bound, infinite otherwise, and the route it
 * returns is continuous and as long as the distance.
 */
class RouteSearchDifferentialTest {

    @Test
    void boundedSearchAgreesWithFullDijkstra() {
        for (long seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed);
            StreetNetwork network = randomGrid(random);
            RouteSearch search = new RouteSearch(network);
            for (int query = 0; query < 20; query++) {
                checkQuery(network, search, random, seed);
            }
        }
    }

    private static void checkQuery(StreetNetwork network, RouteSearch search, Random random, long seed) {
        int source = random.nextInt(network.edgeCount());
        double sourceOffset = random.nextDouble() * network.edgeLengthMeters(source);
        int[] targets = new int[1 + random.nextInt(6)];
        double[] offsets = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextInt(network.edgeCount());
            offsets[i] = random.nextDouble() * network.edgeLengthMeters(targets[i]);
        }
        double bound = 50 + random.nextDouble() * 400;
        search.search(source, sourceOffset, bound, targets, targets.length);
        double[] reference = fullDijkstra(network, source, sourceOffset);
        for (int i = 0; i < targets.length; i++) {
            double expected = referenceDistance(network, reference, source, sourceOffset, targets[i], offsets[i]);
            double actual = search.distanceTo(targets[i], offsets[i]);
            String where = "seed " + seed + ", from edge " + source + " to edge " + targets[i];
            if (expected <= bound) {
                assertThat(actual).as(where).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
                RoutePieces pieces = new RoutePieces();
                assertThat(search.routeTo(targets[i], offsets[i], pieces)).as(where).isTrue();
                assertRouteIsContinuous(network, pieces, source, sourceOffset, targets[i], offsets[i], expected, where);
            } else {
                assertThat(actual).as(where).isEqualTo(Double.POSITIVE_INFINITY);
            }
        }
    }

    private static void assertRouteIsContinuous(StreetNetwork network, RoutePieces pieces, int source, double sourceOffset,
            int target, double targetOffset, double expected, String where) {
        assertThat(pieces.edge(0)).as(where).isEqualTo(source);
        assertThat(pieces.fromOffset(0)).as(where).isCloseTo(sourceOffset, org.assertj.core.data.Offset.offset(1e-9));
        int last = pieces.size() - 1;
        assertThat(pieces.edge(last)).as(where).isEqualTo(target);
        assertThat(pieces.toOffset(last)).as(where).isCloseTo(targetOffset, org.assertj.core.data.Offset.offset(1e-9));
        double length = 0;
        for (int i = 0; i < pieces.size(); i++) {
            length += pieces.lengthMeters(i);
            if (i > 0) {
                int end = PathChecks.nodeAt(network, pieces.edge(i - 1), pieces.toOffset(i - 1));
                int start = PathChecks.nodeAt(network, pieces.edge(i), pieces.fromOffset(i));
                assertThat(start).as(where + ": piece " + i + " starts where " + (i - 1) + " ends").isEqualTo(end)
                        .isNotNegative();
            }
        }
        assertThat(length).as(where).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** A grid of 8 x 8 nodes 60 m apart with jitter, each street kept with probability 0.8. */
    private static StreetNetwork randomGrid(Random random) {
        Sketch sketch = new Sketch();
        int n = 8;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sketch.node(i * n + j + 1, 60 * i + 10 * random.nextDouble(), 60 * j + 10 * random.nextDouble());
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                long id = i * n + j + 1;
                if (i + 1 < n && random.nextDouble() < 0.8) {
                    sketch.street("s", id, id + n);
                }
                if (j + 1 < n && random.nextDouble() < 0.8) {
                    sketch.street("s", id, id + 1);
                }
            }
        }
        return sketch.network();
    }

    /** Node distances from a point on an edge by a textbook Dijkstra without bound. */
    private static double[] fullDijkstra(StreetNetwork network, int edge, double offset) {
        double[] dist = new double[network.nodeCount()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        dist[network.edgeFrom(edge)] = Math.min(dist[network.edgeFrom(edge)], offset);
        dist[network.edgeTo(edge)] = Math.min(dist[network.edgeTo(edge)], network.edgeLengthMeters(edge) - offset);
        queue.add(new double[] {dist[network.edgeFrom(edge)], network.edgeFrom(edge)});
        queue.add(new double[] {dist[network.edgeTo(edge)], network.edgeTo(edge)});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[1];
            if (top[0] > dist[node]) {
                continue;
            }
            for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                int e = network.adjacentEdge(node, i);
                int other = network.otherEnd(e, node);
                double d = top[0] + network.edgeLengthMeters(e);
                if (d < dist[other]) {
                    dist[other] = d;
                    queue.add(new double[] {d, other});
                }
            }
        }
        return dist;
    }

    private static double referenceDistance(StreetNetwork network, double[] dist, int source, double sourceOffset,
            int target, double targetOffset) {
        double best = source == target ? Math.abs(targetOffset - sourceOffset) : Double.POSITIVE_INFINITY;
        best = Math.min(best, dist[network.edgeFrom(target)] + targetOffset);
        return Math.min(best, dist[network.edgeTo(target)] + network.edgeLengthMeters(target) - targetOffset);
    }
}
