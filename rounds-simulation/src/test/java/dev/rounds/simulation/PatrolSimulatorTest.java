package dev.rounds.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.network.DemoTown;
import dev.rounds.network.Profiles;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetCandidate;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatrolSimulatorTest {
    static final Instant START = Instant.parse("2026-11-29T08:00:00Z");

    /**
     * A block with a dead end, about 100 m a side.
     * <pre>
     *   4 ------ 3
     *   |        |
     *   1 ------ 2 ---- 5 (dead end)
     * </pre>
     * Round: 1-2, 2-5, 5-2, 2-3, 3-4, 4-1.
     */
    static StreetNetwork block() {
        StreetNetworkBuilder b = new StreetNetworkBuilder(Profiles.FOOT, null);
        b.node(1, 47.0, 8.0);
        b.node(2, 47.0, 8.0013);
        b.node(3, 47.0009, 8.0013);
        b.node(4, 47.0009, 8.0);
        b.node(5, 47.0, 8.0020);
        Map<String, String> tags = Map.of("highway", "residential");
        b.way(10, new long[] {1, 2}, tags);
        b.way(11, new long[] {2, 5}, tags);
        b.way(12, new long[] {2, 3}, tags);
        b.way(13, new long[] {3, 4}, tags);
        b.way(14, new long[] {4, 1}, tags);
        return b.build().network();
    }

    static int[] blockRound() {
        return new int[] {0, 1, 1, 2, 3, 4};
    }

    /** A closed walk over every edge of a connected network, each edge out and back (depth-first). */
    static int[] doubledDepthFirstWalk(StreetNetwork network, int start) {
        List<Integer> walk = new ArrayList<>();
        boolean[] usedEdge = new boolean[network.edgeCount()];
        boolean[] seenNode = new boolean[network.nodeCount()];
        dfs(network, start, usedEdge, seenNode, walk);
        return walk.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void dfs(StreetNetwork network, int node, boolean[] usedEdge, boolean[] seenNode, List<Integer> walk) {
        seenNode[node] = true;
        for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
            int e = network.adjacentEdge(node, i);
            if (usedEdge[e]) {
                continue;
            }
            usedEdge[e] = true;
            int other = network.otherEnd(e, node);
            walk.add(e);
            if (!seenNode[other]) {
                dfs(network, other, usedEdge, seenNode, walk);
            }
            walk.add(e);
        }
    }

    @Test
    void sameSeedSamePatrolOtherSeedOther() {
        StreetNetwork town = DemoTown.generate(1).network();
        int[] round = doubledDepthFirstWalk(town, 0);
        Instant end = START.plus(Duration.ofHours(1));
        SimulatedPatrol a = new PatrolSimulator(town, WalkerBehaviour.ON_FOOT, PhoneModel.TYPICAL, 5)
                .simulate("p1", round, 0, START, end);
        SimulatedPatrol b = new PatrolSimulator(town, WalkerBehaviour.ON_FOOT, PhoneModel.TYPICAL, 5)
                .simulate("p1", round, 0, START, end);
        SimulatedPatrol c = new PatrolSimulator(town, WalkerBehaviour.ON_FOOT, PhoneModel.TYPICAL, 6)
                .simulate("p1", round, 0, START, end);
        assertThat(a).isEqualTo(b);
        assertThat(a.pings()).isNotEqualTo(c.pings());
        assertThat(a.pings()).hasSize(360);
    }

    @Test
    void exactWalkerWithPerfectPhoneFollowsTheRound() {
        StreetNetwork network = block();
        SimulatedPatrol patrol = new PatrolSimulator(network, WalkerBehaviour.EXACT, PhoneModel.PERFECT, 1)
                .simulate("p1", blockRound(), 0, START, START.plus(Duration.ofMinutes(30)));
        List<Integer> firstRound = patrol.walked().subList(0, 6).stream().map(WalkedStreet::edge).toList();
        assertThat(firstRound).containsExactly(0, 1, 1, 2, 3, 4);
        double roundMeters = Arrays.stream(blockRound()).mapToDouble(network::edgeLengthMeters).sum();
        Duration firstRoundTime = Duration.between(START, patrol.walked().get(5).exit());
        assertThat(firstRoundTime.toMillis() / 1000.0).isCloseTo(roundMeters / 1.2,
                org.assertj.core.data.Offset.offset(1.0));
        for (int i = 1; i < patrol.walked().size(); i++) {
            assertThat(patrol.walked().get(i).entry()).isEqualTo(patrol.walked().get(i - 1).exit());
        }
        SpatialIndex index = SpatialIndex.of(network);
        for (SimulatedPing ping : patrol.pings()) {
            StreetCandidate nearest = index.nearest(ping.lat(), ping.lon(), 50);
            assertThat(nearest.distanceMeters()).isLessThan(0.05);
            assertThat(ping.deliverAt()).isBetween(ping.fixTime(), ping.fixTime().plusSeconds(2));
            assertThat(ping.sos()).isFalse();
        }
    }

    @Test
    void typicalPhoneErrsByMetresNotByStreets() {
        StreetNetwork town = DemoTown.generate(2).network();
        SimulatedPatrol patrol = new PatrolSimulator(town, WalkerBehaviour.ON_FOOT,
                PhoneModel.TYPICAL.withInterval(Duration.ofSeconds(5)), 9)
                .simulate("p1", doubledDepthFirstWalk(town, 0), 0, START, START.plus(Duration.ofHours(2)));
        SpatialIndex index = SpatialIndex.of(town);
        double[] distances = patrol.pings().stream().mapToDouble(p -> {
            StreetCandidate nearest = index.nearest(p.lat(), p.lon(), 500);
            return nearest == null ? 500 : nearest.distanceMeters();
        }).sorted().toArray();
        double median = distances[distances.length / 2];
        assertThat(median).as("median distance to the nearest street").isBetween(1.0, 15.0);
        assertThat(distances[(int) (distances.length * 0.9)]).as("90th percentile").isLessThan(40.0);
    }

    @Test
    void signalLossDelaysDeliveryAndPingsArriveInDeliveryOrder() {
        PhoneModel flaky = new PhoneModel(Duration.ofSeconds(10), 3, 3, Duration.ofMinutes(2), 0, 0, 6,
                Duration.ofMinutes(5), 0);
        StreetNetwork network = block();
        SimulatedPatrol patrol = new PatrolSimulator(network, WalkerBehaviour.EXACT, flaky, 3)
                .simulate("p1", blockRound(), 0, START, START.plus(Duration.ofHours(3)));
        long late = patrol.pings().stream()
                .filter(p -> Duration.between(p.fixTime(), p.deliverAt()).toSeconds() >= 60).count();
        assertThat(late).isGreaterThan(20);
        for (int i = 1; i < patrol.pings().size(); i++) {
            assertThat(patrol.pings().get(i).deliverAt()).isAfterOrEqualTo(patrol.pings().get(i - 1).deliverAt());
        }
        Set<Instant> fixTimes = new HashSet<>();
        patrol.pings().forEach(p -> fixTimes.add(p.fixTime()));
        assertThat(fixTimes).hasSize(patrol.pings().size());
    }

    @Test
    void behavioursShowInTheGroundTruth() {
        StreetNetwork network = block();
        WalkerBehaviour skipsAndTurns = new WalkerBehaviour(1.2, 0, 0, Duration.ofSeconds(1), 1, 1, 0);
        SimulatedPatrol patrol = new PatrolSimulator(network, skipsAndTurns, PhoneModel.PERFECT, 4)
                .simulate("p1", blockRound(), 0, START, START.plus(Duration.ofMinutes(20)));
        assertThat(patrol.walked()).noneMatch(w -> w.edge() == 1);
        assertThat(patrol.walked()).anyMatch(w -> w.share() < 1 && w.share() >= 0.3);
        WalkerBehaviour pauses = new WalkerBehaviour(1.2, 0, 1, Duration.ofMinutes(3), 0, 0, 0);
        SimulatedPatrol paused = new PatrolSimulator(network, pauses, PhoneModel.PERFECT, 4)
                .simulate("p1", blockRound(), 0, START, START.plus(Duration.ofMinutes(30)));
        long standing = paused.pings().stream().filter(p -> p.speedMps() == 0).count();
        assertThat(standing).as("pings while pausing").isGreaterThan(30);
    }

    @Test
    void sosPressesAppearAndAreSentAsOsmAndAlarms() {
        PhoneModel panicky = new PhoneModel(Duration.ofSeconds(10), 0, 0, Duration.ofMinutes(2), 0, 0, 0,
                Duration.ofMinutes(1), 30);
        SimulatedPatrol patrol = new PatrolSimulator(block(), WalkerBehaviour.EXACT, panicky, 8)
                .simulate("dev 1", blockRound(), 0, START, START.plus(Duration.ofHours(1)));
        SimulatedPing sos = patrol.pings().stream().filter(SimulatedPing::sos).findFirst().orElseThrow();
        String query = OsmAndRequest.query(sos, "k3y");
        assertThat(query).startsWith("id=dev+1&timestamp=" + sos.fixTime().getEpochSecond() + "&lat=47.")
                .contains("&lon=8.").contains("&speed=2.33").contains("&alarm=sos").endsWith("&key=k3y");
        assertThat(patrol.pings().stream().filter(SimulatedPing::sos).count()).isBetween(10L, 60L);
    }

    @Test
    void aRoundThatIsNotAClosedWalkIsRefused() {
        StreetNetwork network = block();
        PatrolSimulator simulator = new PatrolSimulator(network, WalkerBehaviour.EXACT, PhoneModel.PERFECT, 1);
        Instant end = START.plusSeconds(600);
        assertThatThrownBy(() -> simulator.simulate("p", new int[] {0, 3}, 0, START, end))
                .hasMessageContaining("does not start at node");
        assertThatThrownBy(() -> simulator.simulate("p", new int[] {0}, 0, START, end))
                .hasMessageContaining("not where it started");
        assertThatThrownBy(() -> simulator.simulate("p", new int[] {}, 0, START, end))
                .hasMessageContaining("no streets");
    }
}
