package dev.rounds.bench.network;

import dev.rounds.network.ImportResult;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.testkit.DataFolder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Street network import speed and memory for every shared extract, foot profile: median wall time
 * of the measured runs after warm-up, OSM elements (nodes + ways) read per second, and peak heap
 * used during one import (sum of the heap pools' peaks after a GC and a peak reset; an upper bound,
 * since garbage not yet collected counts too).
 *
 * <p>Run: {@code java -Xmx2g -jar rounds-bench/target/rounds-bench.jar import [warmups] [runs]}
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Path> extracts = DataFolder.osmExtracts(DataFolder.require());
        System.out.printf(Locale.ROOT, "street network import, foot profile, %d warm-up + %d measured runs each%n",
                warmups, runs);
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s %14s %12s %10s%n", "extract", "file MB", "elements",
                "edges", "median ms", "elements/s", "peak MB");
        for (Path extract : extracts) {
            measure(extract, warmups, runs);
        }
    }

    private static void measure(Path extract, int warmups, int runs) {
        ImportResult result = null;
        for (int i = 0; i < warmups; i++) {
            result = importOnce(extract);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = importOnce(extract);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        double median = millis[runs / 2];
        long elements = result.report().nodesRead() + result.report().waysRead();
        long peak = peakHeapBytes(extract);
        System.out.printf(Locale.ROOT, "%-28s %10.2f %10d %10d %14.1f %12.0f %10.1f%n", extract.getFileName(),
                extract.toFile().length() / 1e6, elements, result.network().edgeCount(), median,
                elements / (median / 1000), peak / 1e6);
    }

    private static ImportResult importOnce(Path extract) {
        return StreetMaps.importFile(extract, Profiles.FOOT, ProgressListener.NONE);
    }

    private static long peakHeapBytes(Path extract) {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        ImportResult kept = importOnce(extract);
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (kept.network().edgeCount() < 0) {
            throw new AssertionError("unreachable: keeps the result alive while the peak is read");
        }
        return Math.max(0, peak - before);
    }
}
