package dev.rounds.network;

import static dev.rounds.network.OsmFixtures.load;
import static dev.rounds.network.OsmFixtures.node;
import static dev.rounds.network.OsmFixtures.way;
import static dev.rounds.network.OsmFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-drawn networks: each test shows its streets as a sketch (columns →, rows ↑, 1 = node 1). */
class StreetNetworkBuilderTest {
    @TempDir
    Path dir;

    /**
     * <pre>
     *        3
     *        |
     *   1 ---5--- 2      way 10: 1-5-2, way 11: 3-5-4 cross at node 5
     *        |
     *        4
     * </pre>
     */
    @Test
    void crossingBecomesFourEdgesAroundOneIntersection() {
        Path file = write(dir, "crossing.osm", node(1, 0, 1) + node(2, 2, 1) + node(3, 1, 2) + node(4, 1, 0)
                + node(5, 1, 1) + way(10, "highway=residential;name=Main Street", 1, 5, 2)
                + way(11, "highway=residential;name=Cross Street", 3, 5, 4));
        StreetNetwork network = load(file, Profiles.FOOT, true).network();
        assertThat(network.nodeCount()).isEqualTo(5);
        assertThat(network.edgeCount()).isEqualTo(4);
        int centre = nodeAt(network, 1, 1);
        assertThat(network.adjacentEdgeCount(centre)).isEqualTo(4);
        assertThat(names(network)).containsExactlyInAnyOrder("Main Street", "Main Street", "Cross Street",
                "Cross Street");
    }

    /**
     * <pre>
     *   1 ---2--- 3          way 10: 1-2-3; node 2 is only a shape point
     *        |               way 11: 2-4 is a dead end at 4
     *        4
     * </pre>
     */
    @Test
    void deadEndKeepsItsEndNodeAndSplitsTheStreetAtTheJunction() {
        Path file = write(dir, "deadend.osm", node(1, 0, 1) + node(2, 1, 1) + node(3, 2, 1) + node(4, 1, 0)
                + way(10, "highway=residential", 1, 2, 3) + way(11, "highway=service", 2, 4));
        StreetNetwork network = load(file, Profiles.FOOT, true).network();
        assertThat(network.edgeCount()).isEqualTo(3);
        int deadEnd = nodeAt(network, 1, 0);
        assertThat(network.adjacentEdgeCount(deadEnd)).isEqualTo(1);
        assertThat(network.adjacentEdgeCount(nodeAt(network, 1, 1))).isEqualTo(3);
    }

    /**
     * <pre>
     *   1 --- 2 --- 3 --- 4    way 10: 1-2-3-4, shape points 2 and 3 become
     *                          part of one edge when nothing else touches them
     * </pre>
     */
    @Test
    void shapePointsStayInsideOneEdge() {
        Path file = write(dir, "shape.osm", node(1, 0, 0) + node(2, 1, 0) + node(3, 2, 0) + node(4, 3, 0)
                + way(10, "highway=footway", 1, 2, 3, 4));
        StreetNetwork network = load(file, Profiles.FOOT, true).network();
        assertThat(network.edgeCount()).isEqualTo(1);
        assertThat(network.edgePointCount(0)).isEqualTo(4);
        assertThat(network.edgeLengthMeters(0)).isCloseTo(3 * 75.8, org.assertj.core.data.Offset.offset(1.0));
    }

    /**
     * <pre>
     *   1 --- 2   (9)   3 --- 4     way 10: 1-2-9-3-4, node 9 is missing (outside the extract)
     *                               way 11: 3-5 makes the east part larger
     *                     \
     *                      5
     * </pre>
     */
    @Test
    void wayCutAtTheExtractBorderIsSplitWhereTheDataStops() {
        Path file = write(dir, "border.osm", node(1, 0, 1) + node(2, 1, 1) + node(3, 3, 1) + node(4, 4, 1)
                + node(5, 4, 0) + way(10, "highway=residential", 1, 2, 9, 3, 4) + way(11, "highway=residential", 3, 5));
        ImportResult all = load(file, Profiles.FOOT, false);
        assertThat(all.network().edgeCount()).isEqualTo(3);
        assertThat(all.report().missingNodeRefs()).isEqualTo(1);
        assertThat(all.report().waysCut()).isEqualTo(1);
        assertThat(all.report().components()).isEqualTo(2);

        ImportResult largest = load(file, Profiles.FOOT, true);
        assertThat(largest.network().edgeCount()).isEqualTo(2);
        assertThat(largest.report().leftOutEdges()).isEqualTo(1);
        assertThat(largest.report().leftOutLengthMeters()).isCloseTo(75.8, org.assertj.core.data.Offset.offset(1.0));
    }

    /**
     * <pre>
     *   1 ---- 2 ---- 3      way 10: 1-2 residential; way 11: 2-3 residential with foot=no
     *          |             way 12: 2-4 private service road; way 13: 4-5 private with foot=yes
     *          4 ---- 5
     * </pre>
     */
    @Test
    void accessTagsDecideByProfile() {
        String body = node(1, 0, 1) + node(2, 1, 1) + node(3, 2, 1) + node(4, 1, 0) + node(5, 2, 0)
                + way(10, "highway=residential", 1, 2) + way(11, "highway=residential;foot=no", 2, 3)
                + way(12, "highway=service;access=private", 2, 4)
                + way(13, "highway=service;access=private;foot=yes", 4, 5);
        Path file = write(dir, "access.osm", body);
        StreetNetwork foot = load(file, Profiles.FOOT, false).network();
        assertThat(wayIds(foot)).containsExactlyInAnyOrder(10L, 13L);
        StreetNetwork car = load(file, Profiles.CAR, false).network();
        assertThat(wayIds(car)).containsExactlyInAnyOrder(10L, 11L);
    }

    /**
     * <pre>
     *   4 ---- 3             ways 10-13: a block of two-way streets 1-2-3-4-1
     *   |      |             way 14: 2-5 oneway=yes, and node 6 beyond 5 is missing from the
     *   1 ---- 2 ---> 5 ...  extract: a car that turns into it can never come back
     * </pre>
     */
    @Test
    void oneWayDeadEndLeavingTheExtractIsDroppedForCarsAndKeptOnFoot() {
        Path file = write(dir, "oneway-exit.osm", node(1, 0, 0) + node(2, 1, 0) + node(3, 1, 1) + node(4, 0, 1)
                + node(5, 2, 0) + way(10, "highway=residential", 1, 2) + way(11, "highway=residential", 2, 3)
                + way(12, "highway=residential", 3, 4) + way(13, "highway=residential", 4, 1)
                + way(14, "highway=residential;oneway=yes", 2, 5, 6));
        ImportResult car = load(file, Profiles.CAR, true);
        assertThat(wayIds(car.network())).containsExactlyInAnyOrder(10L, 11L, 12L, 13L);
        assertThat(car.report().leftOutEdges()).isZero();
        assertThat(car.report().oneWayLeftOutEdges()).isEqualTo(1);
        assertThat(car.report().oneWayLeftOutLengthMeters()).isCloseTo(75.8, org.assertj.core.data.Offset.offset(1.0));
        ImportResult foot = load(file, Profiles.FOOT, true);
        assertThat(wayIds(foot.network())).containsExactlyInAnyOrder(10L, 11L, 12L, 13L, 14L);
        assertThat(foot.report().oneWayLeftOutEdges()).isZero();
        ImportResult everyPart = load(file, Profiles.CAR, false);
        assertThat(everyPart.network().edgeCount()).isEqualTo(5);
    }

    /**
     * <pre>
     *   1 ==== 2     ways 10 and 11 both run 1-2 (11 drawn the other way): one edge stays
     *   |      |     way 12: 1-3-4-2 closes a block
     *   3 ---- 4
     * </pre>
     */
    @Test
    void duplicateSegmentsAreMerged() {
        Path file = write(dir, "duplicate.osm", node(1, 0, 1) + node(2, 1, 1) + node(3, 0, 0) + node(4, 1, 0)
                + way(10, "highway=residential", 1, 2) + way(11, "highway=residential", 2, 1)
                + way(12, "highway=residential", 1, 3, 4, 2));
        ImportResult result = load(file, Profiles.FOOT, true);
        assertThat(result.network().edgeCount()).isEqualTo(2);
        assertThat(result.report().duplicatesMerged()).isEqualTo(1);
    }

    /**
     * <pre>
     *   1 <--- 2 ---> 3    way 10: 1-2 oneway=-1 (so travel 2→1); way 11: 2-3 oneway=yes
     *                      way 12: 3-4 motorway: cars only, implied one-way
     *                 4
     * </pre>
     */
    @Test
    void carProfileKeepsOneWayDirectionAndFootIgnoresIt() {
        Path file = write(dir, "oneway.osm", node(1, 0, 1) + node(2, 1, 1) + node(3, 2, 1) + node(4, 2, 0)
                + way(10, "highway=residential;oneway=-1", 1, 2) + way(11, "highway=residential;oneway=yes", 2, 3)
                + way(12, "highway=motorway", 3, 4));
        StreetNetwork car = load(file, Profiles.CAR, false).network();
        assertThat(car.edgeCount()).isEqualTo(3);
        for (int e = 0; e < car.edgeCount(); e++) {
            assertThat(car.edgeOneway(e)).isTrue();
            if (car.edgeOsmWayId(e) == 10) {
                assertThat(car.nodeLon(car.edgeFrom(e))).isEqualTo(8.001, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(car.nodeLon(car.edgeTo(e))).isEqualTo(8.000, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        StreetNetwork foot = load(file, Profiles.FOOT, true).network();
        assertThat(wayIds(foot)).containsExactlyInAnyOrder(10L, 11L);
        for (int e = 0; e < foot.edgeCount(); e++) {
            assertThat(foot.edgeOneway(e)).isFalse();
        }
    }

    /**
     * <pre>
     *   1 ---- 2      way 10: a closed footway 1-2-3-4-1 around a square, joined at 1 by way 11: 5-1
     *   |      |
     *   4 ---- 3 ---- (none)
     *   5 is west of 1
     * </pre>
     */
    @Test
    void closedWayBecomesALoopAtItsJunction() {
        Path file = write(dir, "loop.osm", node(1, 1, 1) + node(2, 2, 1) + node(3, 2, 0) + node(4, 1, 0)
                + node(5, 0, 1) + way(10, "highway=footway", 1, 2, 3, 4, 1) + way(11, "highway=footway", 5, 1));
        StreetNetwork network = load(file, Profiles.FOOT, true).network();
        assertThat(network.edgeCount()).isEqualTo(2);
        int loops = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            if (network.edgeFrom(e) == network.edgeTo(e)) {
                loops++;
                assertThat(network.edgePointCount(e)).isEqualTo(5);
            }
        }
        assertThat(loops).isEqualTo(1);
    }

    @Test
    void unknownProfileListsTheValidOnes() {
        assertThatThrownBy(() -> Profiles.named("bike"))
                .hasMessage("unknown profile 'bike', choose one of: car, foot");
    }

    @Test
    void areaWithoutStreetsIsRefusedClearly() {
        Path file = write(dir, "empty.osm", node(1, 0, 0) + node(2, 1, 0) + way(10, "building=yes", 1, 2));
        assertThatThrownBy(() -> load(file, Profiles.FOOT, true))
                .isInstanceOf(MapReadException.class).hasMessageContaining("has no streets for the foot profile");
    }

    private static int nodeAt(StreetNetwork network, int column, int row) {
        for (int n = 0; n < network.nodeCount(); n++) {
            if (Math.abs(network.nodeLat(n) - (47.0 + row * 0.001)) < 1e-9
                    && Math.abs(network.nodeLon(n) - (8.0 + column * 0.001)) < 1e-9) {
                return n;
            }
        }
        throw new AssertionError("no node at column " + column + ", row " + row);
    }

    private static List<String> names(StreetNetwork network) {
        List<String> names = new ArrayList<>();
        for (int e = 0; e < network.edgeCount(); e++) {
            names.add(network.edgeName(e));
        }
        return names;
    }

    private static List<Long> wayIds(StreetNetwork network) {
        List<Long> ids = new ArrayList<>();
        for (int e = 0; e < network.edgeCount(); e++) {
            ids.add(network.edgeOsmWayId(e));
        }
        return ids;
    }
}
