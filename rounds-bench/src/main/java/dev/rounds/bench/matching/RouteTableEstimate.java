package dev.rounds.bench.matching;

import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * What FMM's precomputed table (Yang &amp; Gidofalvi 2018: all node pairs within a distance delta)
 * would cost on a map: build time, entries, and the time of one lookup, to weigh against the bounded
 * searches the matcher does instead. Run: {@code java -jar rounds-bench/target/rounds-bench.jar
 * route-table MAP_FILE [DELTA_M]}. Lookups are timed on a boxed {@code HashMap<Long, Double>}; a
 * primitive open-addressing map would be several times faster.
 */
public final class RouteTableEstimate {
    private RouteTableEstimate() {
    }

    public static void main(String[] args) {
        Path map = Path.of(args[0]);
        double delta = args.length > 1 ? Double.parseDouble(args[1]) : 500;
        StreetNetwork network = StreetMaps.importFile(map, Profiles.FOOT, ProgressListener.NONE).network();
        long start = System.nanoTime();
        Map<Long, Double> table = new HashMap<>();
        double[] dist = new double[network.nodeCount()];
        for (int source = 0; source < network.nodeCount(); source++) {
            boundedDijkstra(network, source, delta, dist, table);
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        Random random = new Random(1);
        long[] keys = table.keySet().stream().mapToLong(Long::longValue).toArray();
        long[] probes = new long[1_000_000];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = random.nextBoolean() ? keys[random.nextInt(keys.length)]
                    : ((long) random.nextInt(network.nodeCount()) << 32) | random.nextInt(network.nodeCount());
        }
        double sink = 0;
        long lookupStart = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            for (long probe : probes) {
                Double d = table.get(probe);
                sink += d == null ? 0 : d;
            }
        }
        double lookupNanos = (System.nanoTime() - lookupStart) / (5.0 * probes.length);
        System.out.printf("%s: %d nodes, delta %.0f m: %d table entries (%.1f per node), build %.2f s, "
                + "lookup %.0f ns (checksum %.0f)%n", map.getFileName(), network.nodeCount(), delta, table.size(),
                table.size() / (double) network.nodeCount(), buildSeconds, lookupNanos, sink);
    }

    private static void boundedDijkstra(StreetNetwork network, int source, double delta, double[] dist,
            Map<Long, Double> table) {
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        dist[source] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        queue.add(new double[] {0, source});
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int node = (int) top[1];
            if (top[0] > dist[node]) {
                continue;
            }
            table.put(((long) source << 32) | node, top[0]);
            for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                int e = network.adjacentEdge(node, i);
                int other = network.otherEnd(e, node);
                double d = top[0] + network.edgeLengthMeters(e);
                if (d <= delta && d < dist[other]) {
                    dist[other] = d;
                    queue.add(new double[] {d, other});
                }
            }
        }
    }
}
