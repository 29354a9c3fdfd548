package dev.rounds.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rounds.network.Earth;
import dev.rounds.network.LatLon;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.util.Map;
import org.jgrapht.alg.cycle.ChinesePostman;
import org.junit.jupiter.api.Test;

/** Hand-drawn fixtures and seeded random graphs against JGraphT's Chinese postman. */
class RoundPlannerTest {
    private static final double LAT = 43.73;
    private static final double LON = 7.42;
    private static final double DEG_PER_100M_LAT = 100 / 111_195.0;

    /**
     * A square with one diagonal, 100 m sides:
     * <pre>
     *   D ---- C
     *   |    / |
     *   |  /   |
     *   A ---- B
     * </pre>
     * A and C have degree 3; the best repeat is the diagonal itself (141 m &lt; 200 m), so the round
     * is the four sides plus the diagonal twice.
     */
    @Test
    void squareWithDiagonalRepeatsTheDiagonal() {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        double dLon = DEG_PER_100M_LAT / Math.cos(Math.toRadians(LAT));
        builder.node(1, LAT, LON);
        builder.node(2, LAT, LON + dLon);
        builder.node(3, LAT + DEG_PER_100M_LAT, LON + dLon);
        builder.node(4, LAT + DEG_PER_100M_LAT, LON);
        builder.way(10, new long[] {1, 2, 3, 4, 1}, Map.of("highway", "residential", "name", "Ring"));
        builder.way(11, new long[] {1, 3}, Map.of("highway", "residential", "name", "Cross"));
        StreetNetwork network = builder.build().network();
        assertThat(network.edgeCount()).isEqualTo(3);
        double diagonal = Earth.distanceMeters(LAT, LON, LAT + DEG_PER_100M_LAT, LON + dLon);
        double sides = network.totalLengthMeters() - diagonal;
        assertThat(sides).isCloseTo(400, within(1.0));

        Round round = new RoundPlanner(network).plan(RandomStreets.allEdges(network));

        assertThat(round.lengthMeters()).isCloseTo(sides + 2 * diagonal, within(1e-6));
        assertThat(round.deadheadMeters()).isCloseTo(diagonal, within(1e-6));
        assertThat(round.oddNodeCount()).isEqualTo(2);
        RoundChecks.assertValid(round, RandomStreets.allEdges(network), network, "square");
    }

    /**
     * The beat is one long bent street A~B (about 300 m); the neighbouring beat's streets A-C-B
     * (about 200 m) are the shorter way back, so the round walks through them:
     * <pre>
     *        ~~~~~~~~~~
     *       /          \
     *   A --- C ------- B   (A-C and C-B belong to another beat)
     * </pre>
     */
    @Test
    void deadheadWalksThroughTheNeighbouringBeatWhenShorter() {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        double dLon = DEG_PER_100M_LAT / Math.cos(Math.toRadians(LAT));
        builder.node(1, LAT, LON);
        builder.node(2, LAT, LON + 2 * dLon);
        builder.node(3, LAT, LON + 0.5 * dLon);
        builder.node(4, LAT + 0.5 * DEG_PER_100M_LAT, LON);
        builder.node(5, LAT + 0.5 * DEG_PER_100M_LAT, LON + 2 * dLon);
        builder.way(1, new long[] {1, 4, 5, 2}, Map.of("highway", "residential", "name", "Bent"));
        builder.way(2, new long[] {1, 3}, Map.of("highway", "residential", "name", "Short"));
        builder.way(3, new long[] {3, 2}, Map.of("highway", "residential", "name", "Long"));
        StreetNetwork network = builder.build().network();
        int bent = edgeNamed(network, "Bent");
        double back = network.totalLengthMeters() - network.edgeLengthMeters(bent);
        assertThat(back).isLessThan(network.edgeLengthMeters(bent));

        Round round = new RoundPlanner(network).plan(new int[] {bent});

        assertThat(round.lengthMeters()).isCloseTo(network.totalLengthMeters(), within(1e-6));
        assertThat(round.stepCount()).isEqualTo(3);
        RoundChecks.assertValid(round, new int[] {bent}, network, "bent");
        assertThat(new RoundPlanner(network).shortestRoundTripMeters(bent))
                .isCloseTo(network.totalLengthMeters(), within(1e-6));
    }

    @Test
    void roundSheetMergesConsecutiveStepsOfOneStreet() {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        double dLon = DEG_PER_100M_LAT / Math.cos(Math.toRadians(LAT));
        for (int i = 0; i < 4; i++) {
            builder.node(i + 1, LAT, LON + i * dLon);
        }
        builder.node(9, LAT + DEG_PER_100M_LAT, LON + dLon);
        builder.way(1, new long[] {1, 2, 3, 4}, Map.of("highway", "residential", "name", "Rue Grimaldi"));
        builder.way(2, new long[] {2, 9}, Map.of("highway", "residential", "name", "Rue Princesse"));
        builder.way(3, new long[] {3, 9}, Map.of("highway", "footway"));
        StreetNetwork network = builder.build().network();

        Round round = new RoundPlanner(network).planFrom(RandomStreets.allEdges(network), nodeAt(network, 0));
        RoundSheet sheet = RoundSheet.of(round, network);

        assertThat(sheet.legs()).hasSizeLessThan(round.stepCount());
        assertThat(sheet.legs().stream().mapToDouble(RoundSheet.Leg::lengthMeters).sum())
                .isCloseTo(round.lengthMeters(), within(1e-6));
        for (int i = 1; i < sheet.legs().size(); i++) {
            RoundSheet.Leg a = sheet.legs().get(i - 1);
            RoundSheet.Leg b = sheet.legs().get(i);
            assertThat(a.street().equals(b.street()) && a.deadhead() == b.deadhead()).isFalse();
        }
        assertThat(sheet.text()).startsWith("Rue Grimaldi ").contains("unnamed footway").contains(", then ");
        RoundChecks.assertValid(round, RandomStreets.allEdges(network), network, "sheet");
    }

    @Test
    void seededRandomGraphsMatchJGraphTChinesePostman() {
        for (long seed = 1; seed <= 60; seed++) {
            int nodes = 10 + (int) (seed * 7 % 150);
            StreetNetwork network = RandomStreets.network(seed, nodes, nodes * 3 / 2);
            int[] all = RandomStreets.allEdges(network);
            Round ours = new RoundPlanner(network).plan(all);
            double reference = new ChinesePostman<Integer, org.jgrapht.graph.DefaultWeightedEdge>()
                    .getCPPSolution(RandomStreets.jgrapht(network)).getWeight();
            String context = "seed " + seed + " (" + network.edgeCount() + " edges)";
            assertThat(ours.lengthMeters()).as(context).isCloseTo(reference, within(1e-6 * reference));
            RoundChecks.assertValid(ours, all, network, context);
        }
    }

    /** One or two candidates per odd node force the dual check, the repairs and the densifying. */
    @Test
    void tinyCandidateGraphsAreRepairedToTheSameOptimum() {
        int repaired = 0;
        for (long seed = 100; seed < 140; seed++) {
            StreetNetwork network = RandomStreets.network(seed, 120, 200);
            int[] all = RandomStreets.allEdges(network);
            double reference = new RoundPlanner(network, network.nodeCount()).plan(all).lengthMeters();
            for (int k = 1; k <= 2; k++) {
                Round sparse = new RoundPlanner(network, k).plan(all);
                String context = "seed " + seed + ", k " + k;
                assertThat(sparse.lengthMeters()).as(context).isCloseTo(reference, within(1e-6 * reference));
                RoundChecks.assertValid(sparse, all, network, context);
                repaired += sparse.matchingSolves() > 1 ? 1 : 0;
            }
        }
        assertThat(repaired).as("cases that needed a repair").isPositive();
    }

    @Test
    void startsAtTheBeatNodeNearestTheBaseAndReportsTheWalkThere() {
        StreetNetwork network = RandomStreets.network(7, 80, 120);
        int[] beat = {0, 1, 2};
        int[] firstHalf = java.util.Arrays.copyOf(RandomStreets.allEdges(network), network.edgeCount() / 2);
        int[] connected = largestPart(network, firstHalf);
        LatLon base = network.nodePosition(network.edgeFrom(network.edgeCount() - 1));
        Round round = new RoundPlanner(network).planFromBase(connected, base);
        RoundChecks.assertValid(round, connected, network, "base");
        double walked = 0;
        for (int e : round.approach().edgeSequence()) {
            walked += network.edgeLengthMeters(e);
        }
        assertThat(round.approach().lengthMeters()).isCloseTo(walked, within(1e-6));
        assertThatThrownBy(() -> new RoundPlanner(network).plan(new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one street");
        assertThatThrownBy(() -> new RoundPlanner(network).plan(new int[] {beat[0], beat[0]}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    private static int[] largestPart(StreetNetwork network, int[] edges) {
        int[] component = new BeatConnectivity(network).components(edges);
        int[] size = new int[edges.length + 1];
        int best = 0;
        for (int c : component) {
            if (++size[c] > size[best]) {
                best = c;
            }
        }
        final int chosen = best;
        return java.util.stream.IntStream.range(0, edges.length).filter(i -> component[i] == chosen)
                .map(i -> edges[i]).toArray();
    }

    private static int edgeNamed(StreetNetwork network, String name) {
        for (int e = 0; e < network.edgeCount(); e++) {
            if (network.edgeName(e).equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no edge " + name);
    }

    private static int nodeAt(StreetNetwork network, int index) {
        double bestLon = Double.POSITIVE_INFINITY;
        int best = -1;
        for (int n = 0; n < network.nodeCount(); n++) {
            if (network.nodeLon(n) < bestLon && Math.abs(network.nodeLat(n) - LAT) < 1e-9) {
                bestLon = network.nodeLon(n);
                best = n;
            }
        }
        return index == 0 ? best : -1;
    }
}
