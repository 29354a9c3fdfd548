package dev.rounds.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.testkit.TestData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The grid index returns exactly what a scan of every segment returns, on random points over real data. */
class SpatialIndexTest {

    @Test
    void gridAnswersEqualBruteForceOnARealExtract() {
        StreetNetwork network = StreetMaps.importFile(TestData.file("osm/monaco-2016.osm.pbf"), Profiles.FOOT,
                ProgressListener.NONE).network();
        long seed = 20261129L;
        SplittableRandom random = new SplittableRandom(seed);
        SpatialIndex index = SpatialIndex.of(network);
        double[] b = network.bounds();
        int nonEmpty = 0;
        for (int i = 0; i < 400; i++) {
            double lat = b[0] + random.nextDouble() * (b[2] - b[0]);
            double lon = b[1] + random.nextDouble() * (b[3] - b[1]);
            double radius = new double[] {5, 25, 60, 150}[i % 4];
            List<StreetCandidate> fast = index.within(lat, lon, radius);
            List<StreetCandidate> slow = index.withinByScan(lat, lon, radius);
            assertThat(fast).as("seed %d, query %d at %f,%f r=%f", seed, i, lat, lon, radius).isEqualTo(slow);
            if (!fast.isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("queries that found streets").isGreaterThan(100);
    }

    @Test
    void nearestFindsTheStreetAPointLiesOn() {
        StreetNetwork network = DemoTown.generate(7).network();
        SpatialIndex index = SpatialIndex.of(network);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            int e = random.nextInt(network.edgeCount());
            double lat = (network.edgePointLat(e, 0) + network.edgePointLat(e, 1)) / 2;
            double lon = (network.edgePointLon(e, 0) + network.edgePointLon(e, 1)) / 2;
            StreetCandidate nearest = index.nearest(lat, lon, 500);
            assertThat(nearest.distanceMeters()).isLessThan(0.01);
            assertThat(nearest.offsetMeters()).isBetween(0.0, network.edgeLengthMeters(nearest.edge()));
        }
        double[] b = network.bounds();
        assertThat(index.nearest(b[2] + 1, b[3] + 1, 1000)).as("a point 100 km away").isNull();
    }
}
