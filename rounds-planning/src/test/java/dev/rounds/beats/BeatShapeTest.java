package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Profiles;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** Compactness exposes long thin arms and beats wrapped around others, on hand-drawn grids. */
class BeatShapeTest {
    private static final double LAT = 43.7;
    private static final double LON = 7.4;
    /** 100 m in degrees at this latitude. */
    private static final double DLAT = 100 / 111_320.0;
    private static final double DLON = 100 / (111_320.0 * Math.cos(Math.toRadians(LAT)));

    /**
     * Streets on an 8 × 4 grid, 100 m apart, in two beats: left and right halves, or the left half
     * with an arm along the bottom street to the far end.
     * <pre>
     *   halves:  0 0 0 0 1 1 1 1        arm:  0 0 0 0 1 1 1 1
     *            0 0 0 0 1 1 1 1              0 0 0 0 1 1 1 1
     *            0 0 0 0 1 1 1 1              0 0 0 0 1 1 1 1
     *            0-0-0-0-1-1-1-1              0-0-0-0-0-0-0-0
     * </pre>
     */
    @Test
    void anArmIntoTheNeighbourLowersTheScore() {
        StreetNetwork grid = grid(8, 4);
        BeatShape shape = new BeatShape(grid);
        double[] halves = shape.everyBeat(labels(grid, (x, y) -> x < 3.5), 2);
        double[] arm = shape.everyBeat(labels(grid, (x, y) -> x < 3.5 || y == 0), 2);
        System.out.printf("halves %.3f / %.3f, with an arm %.3f / %.3f%n", halves[0], halves[1], arm[0], arm[1]);
        assertThat(halves[0]).as("a 400 × 300 m half").isGreaterThan(0.6);
        assertThat(arm[0]).as("the same half with a 400 m arm").isLessThan(halves[0] * 0.75);
        assertThat(arm[1]).as("the neighbour the arm runs under").isLessThan(halves[1]);
    }

    /**
     * Streets on a 6 × 6 grid: the inner 3 × 3 blocks are one beat and everything around them the
     * other (wrapped round it), against left and right halves.
     */
    @Test
    void aBeatWrappedAroundAnotherScoresLow() {
        StreetNetwork grid = grid(6, 6);
        BeatShape shape = new BeatShape(grid);
        double[] halves = shape.everyBeat(labels(grid, (x, y) -> x < 2.5), 2);
        double[] ring = shape.everyBeat(labels(grid, (x, y) -> !(x > 0.5 && x < 4.5 && y > 0.5 && y < 4.5)), 2);
        System.out.printf("halves %.3f / %.3f, ring %.3f around %.3f%n", halves[0], halves[1], ring[0], ring[1]);
        assertThat(halves[0]).isGreaterThan(0.6);
        assertThat(ring[0]).as("the ring wrapped around the centre").isLessThan(0.35);
        assertThat(ring[0]).as("the ring against the centre it wraps").isLessThan(ring[1] * 0.6);
    }

    @Test
    void scoresStayBetweenZeroAndOne() {
        StreetNetwork grid = grid(5, 5);
        double[] one = new BeatShape(grid).everyBeat(new int[grid.edgeCount()], 1);
        assertThat(one[0]).as("a single square beat").isBetween(0.7, 1.0);
    }

    /** Beat 0 where {@code inBeatZero} holds at the street's midpoint (in grid units), else beat 1. */
    private static int[] labels(StreetNetwork network, BiPredicate<Double, Double> inBeatZero) {
        int[] labels = new int[network.edgeCount()];
        for (int e = 0; e < labels.length; e++) {
            int last = network.edgePointCount(e) - 1;
            double x = ((network.edgePointLon(e, 0) + network.edgePointLon(e, last)) / 2 - LON) / DLON;
            double y = ((network.edgePointLat(e, 0) + network.edgePointLat(e, last)) / 2 - LAT) / DLAT;
            labels[e] = inBeatZero.test(Math.round(x * 2) / 2.0, Math.round(y * 2) / 2.0) ? 0 : 1;
        }
        return labels;
    }

    /** Streets between neighbouring nodes of a columns × rows grid, 100 m apart, one way per street. */
    private static StreetNetwork grid(int columns, int rows) {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < columns; col++) {
                builder.node(1 + row * columns + col, LAT + row * DLAT, LON + col * DLON);
            }
        }
        Map<String, String> tags = Map.of("highway", "residential");
        long way = 1;
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < columns; col++) {
                long node = 1 + row * columns + col;
                if (col + 1 < columns) {
                    builder.way(way++, new long[] {node, node + 1}, tags);
                }
                if (row + 1 < rows) {
                    builder.way(way++, new long[] {node, node + columns}, tags);
                }
            }
        }
        return builder.build().network();
    }
}
