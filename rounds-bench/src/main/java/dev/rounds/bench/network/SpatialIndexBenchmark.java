package dev.rounds.bench.network;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.testkit.DataFolder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH kernel: "streets within r metres" queries on Monaco, grid index against the brute-force scan.
 * Run: {@code java -cp rounds-bench/target/rounds-bench.jar org.openjdk.jmh.Main SpatialIndexBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpatialIndexBenchmark {
    @Param({"25", "100"})
    public double radiusMeters;

    private SpatialIndex index;
    private double[] lats;
    private double[] lons;
    private int next;

    @Setup
    public void setUp() {
        StreetNetwork network = StreetMaps.importFile(DataFolder.require().resolve("osm/monaco-2016.osm.pbf"),
                Profiles.FOOT, ProgressListener.NONE).network();
        index = SpatialIndex.of(network);
        double[] b = network.bounds();
        SplittableRandom random = new SplittableRandom(1);
        lats = new double[4096];
        lons = new double[4096];
        for (int i = 0; i < lats.length; i++) {
            lats[i] = b[0] + random.nextDouble() * (b[2] - b[0]);
            lons[i] = b[1] + random.nextDouble() * (b[3] - b[1]);
        }
    }

    @Benchmark
    public int grid() {
        int i = next++ & 4095;
        return index.within(lats[i], lons[i], radiusMeters).size();
    }

    @Benchmark
    public int scan() {
        int i = next++ & 4095;
        return index.withinByScan(lats[i], lons[i], radiusMeters).size();
    }
}
