package dev.rounds.rounds;

import dev.rounds.network.Profile;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedPseudograph;

/** Seeded random street networks for differential tests, and their JGraphT twin. */
public final class RandomStreets {
    private RandomStreets() {
    }

    /**
     * About {@code nodes} intersections scattered over ~1 km², joined by random short streets, some
     * bent (parallel edges) and some closed (loops); the largest connected part is kept.
     */
    public static StreetNetwork network(long seed, int nodes, int streets) {
        return network(seed, nodes, streets, Profiles.FOOT, 0);
    }

    /**
     * As {@link #network(long, int, int)}, but for cars with a share of the streets one-way (either
     * way round): the car import keeps the largest part a car can drive round (strongly connected).
     */
    public static StreetNetwork mixedNetwork(long seed, int nodes, int streets, double onewayShare) {
        return network(seed, nodes, streets, Profiles.CAR, onewayShare);
    }

    private static StreetNetwork network(long seed, int nodes, int streets, Profile profile, double onewayShare) {
        Random random = new Random(seed);
        StreetNetworkBuilder builder = new StreetNetworkBuilder(profile, null);
        for (int n = 0; n < nodes; n++) {
            builder.node(n + 1, 43.7 + random.nextDouble() * 0.01, 7.4 + random.nextDouble() * 0.014);
        }
        long extraNode = nodes + 1;
        Map<String, String> twoWay = Map.of("highway", "residential", "name", "Street");
        Map<String, String> oneWay = Map.of("highway", "residential", "name", "One-way Street", "oneway", "yes");
        for (int s = 0; s < streets; s++) {
            Map<String, String> tags = onewayShare > 0 && random.nextDouble() < onewayShare ? oneWay : twoWay;
            long a = 1 + random.nextInt(nodes);
            long b = 1 + nearby(random, (int) a - 1, nodes);
            int shape = random.nextInt(10);
            if (shape == 0) {
                long bend = extraNode++;
                builder.node(bend, 43.7 + random.nextDouble() * 0.01, 7.4 + random.nextDouble() * 0.014);
                builder.way(s + 1, new long[] {a, bend, b}, tags);
            } else if (shape == 1) {
                long p = extraNode++;
                long q = extraNode++;
                builder.node(p, 43.7 + random.nextDouble() * 0.01, 7.4 + random.nextDouble() * 0.014);
                builder.node(q, 43.7 + random.nextDouble() * 0.01, 7.4 + random.nextDouble() * 0.014);
                builder.way(s + 1, new long[] {a, p, q, a}, tags);
            } else {
                builder.way(s + 1, new long[] {a, b}, tags);
            }
        }
        return builder.build().network();
    }

    private static int nearby(Random random, int node, int nodes) {
        int step = 1 + random.nextInt(Math.max(1, Math.min(nodes - 1, 12)));
        return (node + step) % nodes;
    }

    /** The network as a JGraphT pseudograph: vertices are node ids, edge weights are lengths. */
    static Graph<Integer, DefaultWeightedEdge> jgrapht(StreetNetwork network) {
        Graph<Integer, DefaultWeightedEdge> graph = new WeightedPseudograph<>(DefaultWeightedEdge.class);
        for (int n = 0; n < network.nodeCount(); n++) {
            graph.addVertex(n);
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            DefaultWeightedEdge edge = graph.addEdge(network.edgeFrom(e), network.edgeTo(e));
            graph.setEdgeWeight(edge, network.edgeLengthMeters(e));
        }
        return graph;
    }

    static int[] allEdges(StreetNetwork network) {
        int[] edges = new int[network.edgeCount()];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = e;
        }
        return edges;
    }
}
