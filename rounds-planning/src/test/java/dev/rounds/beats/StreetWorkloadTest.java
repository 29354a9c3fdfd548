package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Profiles;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.RandomStreets;
import dev.rounds.rounds.RoundPlanner;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bridges (streets walked at least twice in any round) against removing each street in turn. */
class StreetWorkloadTest {

    /**
     * <pre>
     *   1 ---- 2             7
     *   |      |             |
     *   4 ---- 3 ---- 5 ---- 6      3-5, 5-6, 6-7, 6-8 are bridges (a dead-end fork)
     *                        |
     *                        8
     * </pre>
     */
    @Test
    void deadEndTailIsBridgedAndCountedTwice() {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        builder.node(1, 43.7000, 7.4000);
        builder.node(2, 43.7000, 7.4010);
        builder.node(3, 43.6990, 7.4010);
        builder.node(4, 43.6990, 7.4000);
        builder.node(5, 43.6990, 7.4020);
        builder.node(6, 43.6990, 7.4030);
        builder.node(7, 43.6995, 7.4030);
        builder.node(8, 43.6985, 7.4030);
        Map<String, String> tags = Map.of("highway", "residential");
        builder.way(1, new long[] {1, 2, 3, 4, 1}, tags);
        builder.way(2, new long[] {3, 5}, tags);
        builder.way(3, new long[] {5, 6}, tags);
        builder.way(4, new long[] {7, 6, 8}, tags);
        StreetNetwork network = builder.build().network();
        boolean[] bridge = StreetWorkload.bridges(network);
        double[] workload = StreetWorkload.lowerBoundMeters(network);
        int bridges = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            bridges += bridge[e] ? 1 : 0;
            assertThat(workload[e]).isEqualTo(network.edgeLengthMeters(e) * (bridge[e] ? 2 : 1));
        }
        assertThat(bridges).as("3-5, 5-6, 6-7, 6-8").isEqualTo(4);
        int[] all = IntStream.range(0, network.edgeCount()).toArray();
        double lowerBound = java.util.Arrays.stream(workload).sum();
        assertThat(new RoundPlanner(network).roundLengthMeters(all)).isCloseTo(lowerBound,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void bridgesMatchRemovingEachStreetOnRandomNetworks() {
        for (long seed = 0; seed < 40; seed++) {
            StreetNetwork network = RandomStreets.network(seed, 40 + (int) seed, 45 + (int) seed);
            boolean[] bridge = StreetWorkload.bridges(network);
            BeatConnectivity connectivity = new BeatConnectivity(network);
            int[] all = IntStream.range(0, network.edgeCount()).toArray();
            int parts = connectivity.componentCount(all);
            for (int e = 0; e < network.edgeCount(); e++) {
                final int removed = e;
                int[] rest = IntStream.range(0, network.edgeCount()).filter(x -> x != removed).toArray();
                boolean splits = connectedNodes(network, rest) < connectedNodes(network, all)
                        || connectivity.componentCount(rest) > parts;
                assertThat(bridge[e]).as("seed %d edge %d", seed, e).isEqualTo(splits);
            }
        }
    }

    @Test
    void workloadIsALowerBoundOfEveryBeatsRound() {
        for (long seed = 0; seed < 20; seed++) {
            StreetNetwork network = RandomStreets.network(seed, 60, 80);
            double[] workload = StreetWorkload.lowerBoundMeters(network);
            BeatPlan plan = new BeatPlanner(network, dev.rounds.network.ProgressListener.NONE).plan(3, seed);
            for (Beat beat : plan.beats()) {
                double bound = IntStream.of(beat.edges()).mapToDouble(e -> workload[e]).sum();
                assertThat(beat.roundLengthMeters()).as("seed %d beat %d", seed, beat.index())
                        .isGreaterThanOrEqualTo(bound - 1e-6);
            }
        }
    }

    /** Nodes touched by the edge set: removing a dead-end street drops its tip. */
    private static int connectedNodes(StreetNetwork network, int[] edges) {
        java.util.Set<Integer> nodes = new java.util.HashSet<>();
        for (int e : edges) {
            nodes.add(network.edgeFrom(e));
            nodes.add(network.edgeTo(e));
        }
        return nodes.size();
    }
}
