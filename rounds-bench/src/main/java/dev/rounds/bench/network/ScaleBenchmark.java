package dev.rounds.bench.network;

import dev.rounds.network.ImportResult;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Does a city of a million edges fit? Builds a synthetic grid city (each street segment with one
 * shape point) of about the given number of edges through the real builder and reports the heap
 * the finished network retains (after GC) and the peak while building.
 *
 * <p>Run: {@code java -Xmx4g -jar rounds-bench/target/rounds-bench.jar scale [edges]}
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    public static void main(String[] args) {
        int targetEdges = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int side = (int) Math.ceil(Math.sqrt(targetEdges / 2.0));
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = usedAfterGc(heap);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        StreetNetwork network = grid(side).network();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
        long retained = usedAfterGc(heap) - before;
        System.out.printf(Locale.ROOT, "synthetic grid %d x %d: %,d nodes, %,d edges, built in %.1f s%n", side, side,
                network.nodeCount(), network.edgeCount(), seconds);
        System.out.printf(Locale.ROOT, "retained heap %.0f MB (%.0f bytes per edge), peak while building %.0f MB%n",
                retained / 1e6, (double) retained / network.edgeCount(), peak / 1e6);
        if (network.edgeCount() == 0) {
            throw new AssertionError("keeps the network alive until the heap was read");
        }
    }

    private static ImportResult grid(int side) {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        double step = 0.0008;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                builder.node(id(i, j, side), 40 + j * step, 10 + i * step);
            }
        }
        long shape = (long) side * side + 1;
        long way = 1;
        Map<String, String> tags = Map.of("highway", "residential");
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                if (i + 1 < side) {
                    builder.node(shape, 40 + j * step + step / 10, 10 + i * step + step / 2);
                    builder.way(way++, new long[] {id(i, j, side), shape++, id(i + 1, j, side)}, tags);
                }
                if (j + 1 < side) {
                    builder.node(shape, 40 + j * step + step / 2, 10 + i * step + step / 10);
                    builder.way(way++, new long[] {id(i, j, side), shape++, id(i, j + 1, side)}, tags);
                }
            }
        }
        return builder.build();
    }

    private static long id(int i, int j, int side) {
        return (long) i * side + j + 1;
    }

    private static long usedAfterGc(List<MemoryPoolMXBean> heap) {
        System.gc();
        System.gc();
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
