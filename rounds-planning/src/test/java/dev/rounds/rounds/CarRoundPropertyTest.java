package dev.rounds.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.StreetNetwork;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;

/**
 * Car rounds on seeded random networks with one-way streets (the car import keeps the strongly
 * connected part): every round is a valid drive ({@link RoundChecks}); on tiny beats it is compared
 * with the exact optimum ({@link ExactMixedPostman}). Each failure names its seed; jqwik's own seed is fixed so that every run tries the same graphs.
 */
class CarRoundPropertyTest {
    /**
     * The heuristic's round may be at most this much longer than the optimum on tiny beats. Not a
     * proven guarantee: over 3,000 tiny beats (2026-11-29) 98.2 % were optimal and none was 1.20 or more.
     */
    static final double FACTOR_ON_TINY_BEATS = 1.25;

    @Property(tries = 300, seed = "20261129")
    void everyRoundIsAClosedDriveThatObeysOneWayStreets(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        StreetNetwork network = RandomStreets.mixedNetwork(seed, 60, 110, 0.4);
        Assume.that(network.edgeCount() >= 2);
        RoundPlanner planner = new RoundPlanner(network);
        Random random = new Random(seed);
        int[] all = RandomStreets.allEdges(network);
        RoundChecks.assertValid(planner.plan(all), all, network, "seed " + seed + " whole network");
        int[] beat = connectedBeat(network, random, 1 + random.nextInt(network.edgeCount()));
        Round round = planner.plan(beat);
        RoundChecks.assertValid(round, beat, network, "seed " + seed + " beat of " + beat.length);
        assertThat(planner.roundLengthMeters(beat)).as("seed " + seed + ": length without the walk")
                .isCloseTo(round.lengthMeters(), org.assertj.core.data.Offset.offset(1e-6 * round.lengthMeters()));
        for (int e : beat) {
            assertThat(round.lengthMeters()).as("seed " + seed + ": round at least edge " + e + "'s round trip")
                    .isGreaterThanOrEqualTo(planner.shortestRoundTripMeters(e) - 1e-6 * round.lengthMeters());
        }
        int baseNode = random.nextInt(network.nodeCount());
        Round fromBase = planner.planFromBase(beat, network.nodePosition(baseNode));
        RoundChecks.assertValid(fromBase, beat, network, "seed " + seed + " from a base");
        assertDrivesTo(network, fromBase.approach().edgeSequence(), fromBase.startNode(), "seed " + seed + " approach");
    }

    /** The edges, driven in order, end at {@code end}, each one-way edge forwards. */
    private static void assertDrivesTo(StreetNetwork network, int[] edges, int end, String context) {
        int at = end;
        for (int i = edges.length - 1; i >= 0; i--) {
            int e = edges[i];
            assertThat(at).as(context + ": step " + i + " arrives").isIn(network.edgeFrom(e), network.edgeTo(e));
            if (network.edgeOneway(e)) {
                assertThat(network.edgeTo(e)).as(context + ": step " + i + " drives one-way edge " + e + " forwards")
                        .isEqualTo(at);
            }
            at = network.otherEnd(e, at);
        }
    }

    @Property(tries = 1000, seed = "20261129")
    void onTinyBeatsTheRoundIsWithinTheFactorOfTheExactOptimum(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        StreetNetwork network = RandomStreets.mixedNetwork(seed, 9, 16, 0.4);
        Assume.that(network.edgeCount() >= 2);
        Random random = new Random(seed);
        int[] beat = connectedBeat(network, random, Math.min(network.edgeCount(), 2 + random.nextInt(9)));
        Round round = new RoundPlanner(network).plan(beat);
        String context = "seed " + seed + ", beat " + Arrays.toString(beat);
        RoundChecks.assertValid(round, beat, network, context);
        double optimum = ExactMixedPostman.optimumMeters(network, beat);
        double tolerance = 1e-6 * optimum;
        assertThat(round.lowerBoundMeters()).as(context + ": lower bound at most the optimum")
                .isLessThanOrEqualTo(optimum + tolerance);
        assertThat(round.lengthMeters()).as(context + ": no shorter than the optimum")
                .isGreaterThanOrEqualTo(optimum - tolerance);
        int single = beat[random.nextInt(beat.length)];
        double singleOptimum = ExactMixedPostman.optimumMeters(network, new int[] {single});
        assertThat(new RoundPlanner(network).shortestRoundTripMeters(single)).as(context + ": round trip of edge " + single)
                .isCloseTo(singleOptimum, org.assertj.core.data.Offset.offset(1e-6 * singleOptimum));
        double ratio = round.lengthMeters() / optimum;
        Statistics.label("round / optimum").collect(ratio < 1 + 1e-9 ? "optimal" : ratio < 1.05 ? "< 1.05"
                : ratio < 1.1 ? "1.05-1.10" : ratio < 1.2 ? "1.10-1.20" : ">= 1.20");
        Statistics.label("lower bound / optimum").collect(round.lowerBoundMeters() > optimum * (1 - 1e-9) ? "tight"
                : round.lowerBoundMeters() > 0.95 * optimum ? "0.95-1" : "< 0.95");
        assertThat(round.lengthMeters()).as(context + ": within the factor of the optimum")
                .isLessThanOrEqualTo(FACTOR_ON_TINY_BEATS * optimum + tolerance);
    }

    /** A connected set of {@code size} edges grown breadth-first from a random edge. */
    static int[] connectedBeat(StreetNetwork network, Random random, int size) {
        boolean[] taken = new boolean[network.edgeCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int first = random.nextInt(network.edgeCount());
        taken[first] = true;
        queue.add(first);
        int[] beat = new int[size];
        int count = 0;
        while (!queue.isEmpty() && count < size) {
            int e = queue.poll();
            beat[count++] = e;
            for (int node : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                    int next = network.adjacentEdge(node, i);
                    if (!taken[next]) {
                        taken[next] = true;
                        queue.add(next);
                    }
                }
            }
        }
        return Arrays.copyOf(beat, count);
    }
}
