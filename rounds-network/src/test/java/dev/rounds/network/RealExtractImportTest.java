package dev.rounds.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.testkit.TestData;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shared extract imports with both profiles and the network invariants hold. */
class RealExtractImportTest {

    static Stream<Arguments> extractsAndProfiles() {
        List<Path> extracts = TestData.osmExtracts();
        return extracts.stream().flatMap(p -> Stream.of(Arguments.of(p, "foot"), Arguments.of(p, "car")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("extractsAndProfiles")
    void importsWithInvariants(Path extract, String profile) {
        ImportResult result = StreetMaps.importFile(extract, Profiles.named(profile), ProgressListener.NONE);
        StreetNetwork network = result.network();
        assertThat(network.edgeCount()).isPositive();
        assertThat(network.attribution()).isEqualTo("© OpenStreetMap contributors");
        Set<String> segments = new HashSet<>();
        for (int e = 0; e < network.edgeCount(); e++) {
            assertThat(network.edgeLengthMeters(e)).as("length of edge %d", e).isPositive();
            assertThat(network.edgeLengthMeters(e)).isCloseTo(geometryLength(network, e),
                    org.assertj.core.data.Offset.offset(1e-6));
            int last = network.edgePointCount(e) - 1;
            assertThat(network.edgePointLat(e, 0)).isEqualTo(network.nodeLat(network.edgeFrom(e)));
            assertThat(network.edgePointLon(e, 0)).isEqualTo(network.nodeLon(network.edgeFrom(e)));
            assertThat(network.edgePointLat(e, last)).isEqualTo(network.nodeLat(network.edgeTo(e)));
            assertThat(network.edgePointLon(e, last)).isEqualTo(network.nodeLon(network.edgeTo(e)));
            assertThat(segments.add(canonicalGeometry(network, e))).as("edge %d is a duplicate", e).isTrue();
        }
        assertThat(reachableEdges(network)).as("kept network is connected").isEqualTo(network.edgeCount());
        assertThat(drivableReach(network, true)).as("a car reaches every node from node 0").isEqualTo(network.nodeCount());
        assertThat(drivableReach(network, false)).as("a car reaches node 0 from every node").isEqualTo(network.nodeCount());
        if (profile.equals("foot")) {
            assertThat(result.report().oneWayLeftOutEdges()).isZero();
        }
        ImportReport report = result.report();
        assertThat(report.waysAccepted()).isPositive();
        if (report.components() > 1) {
            assertThat(report.leftOutEdges()).isPositive();
        }
    }

    /** Haversine written out again here, independent of {@link Earth}. */
    static double geometryLength(StreetNetwork network, int e) {
        double sum = 0;
        for (int i = 1; i < network.edgePointCount(e); i++) {
            double la1 = Math.toRadians(network.edgePointLat(e, i - 1));
            double la2 = Math.toRadians(network.edgePointLat(e, i));
            double dla = la2 - la1;
            double dlo = Math.toRadians(network.edgePointLon(e, i) - network.edgePointLon(e, i - 1));
            double h = Math.pow(Math.sin(dla / 2), 2) + Math.cos(la1) * Math.cos(la2) * Math.pow(Math.sin(dlo / 2), 2);
            sum += 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
        }
        return sum;
    }

    private static String canonicalGeometry(StreetNetwork network, int e) {
        StringBuilder forward = new StringBuilder();
        StringBuilder backward = new StringBuilder();
        int n = network.edgePointCount(e);
        for (int i = 0; i < n; i++) {
            forward.append(network.edgePointLat(e, i)).append(',').append(network.edgePointLon(e, i)).append(';');
            backward.append(network.edgePointLat(e, n - 1 - i)).append(',')
                    .append(network.edgePointLon(e, n - 1 - i)).append(';');
        }
        String f = forward.toString();
        String b = backward.toString();
        return f.compareTo(b) <= 0 ? f : b;
    }

    /**
     * Nodes a car reaches from node 0 ({@code forward}) or that reach node 0, one-way edges only in
     * their direction: both are every node when the network is strongly connected.
     */
    static int drivableReach(StreetNetwork network, boolean forward) {
        boolean[] seen = new boolean[network.nodeCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        seen[0] = true;
        int count = 1;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                int e = network.adjacentEdge(node, i);
                int along = forward ? network.edgeFrom(e) : network.edgeTo(e);
                int other = network.otherEnd(e, node);
                if ((!network.edgeOneway(e) || along == node) && !seen[other]) {
                    seen[other] = true;
                    count++;
                    queue.add(other);
                }
            }
        }
        return count;
    }

    static int reachableEdges(StreetNetwork network) {
        boolean[] seenNode = new boolean[network.nodeCount()];
        boolean[] seenEdge = new boolean[network.edgeCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(network.edgeFrom(0));
        seenNode[network.edgeFrom(0)] = true;
        int edges = 0;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                int e = network.adjacentEdge(node, i);
                if (!seenEdge[e]) {
                    seenEdge[e] = true;
                    edges++;
                }
                int other = network.otherEnd(e, node);
                if (!seenNode[other]) {
                    seenNode[other] = true;
                    queue.add(other);
                }
            }
        }
        return edges;
    }
}
