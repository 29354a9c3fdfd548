package dev.rounds.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rounds.network.StreetNetwork;
import java.util.Arrays;

/** Invariants every round must meet, shared by the round and beat tests. */
public final class RoundChecks {
    private RoundChecks() {
    }

    /**
     * A closed walk over existing edges, consecutive edges sharing a node, one-way edges only in their
     * direction, covering every beat edge, its reported lengths equal to sums of edge lengths, and no
     * shorter than its lower bound (equal to it on a network without one-way edges: proven shortest).
     */
    public static void assertValid(Round round, int[] beatEdges, StreetNetwork network, String context) {
        int steps = round.stepCount();
        assertThat(round.nodeAt(0)).as(context + ": closed").isEqualTo(round.nodeAt(steps));
        boolean[] covered = new boolean[network.edgeCount()];
        double length = 0;
        double deadhead = 0;
        for (int step = 0; step < steps; step++) {
            int e = round.edgeAt(step);
            assertThat(e).as(context + ": edge exists").isBetween(0, network.edgeCount() - 1);
            int from = round.nodeAt(step);
            int to = round.nodeAt(step + 1);
            boolean joins = network.edgeFrom(e) == from && network.edgeTo(e) == to
                    || network.edgeTo(e) == from && network.edgeFrom(e) == to;
            assertThat(joins).as(context + ": step " + step + " walks edge " + e + " from its node").isTrue();
            if (network.edgeOneway(e)) {
                assertThat(network.edgeFrom(e)).as(context + ": step " + step + " drives one-way edge " + e
                        + " forwards").isEqualTo(from);
            }
            covered[e] = true;
            length += network.edgeLengthMeters(e);
            if (round.isDeadhead(step)) {
                deadhead += network.edgeLengthMeters(e);
            }
        }
        double street = 0;
        for (int e : beatEdges) {
            assertThat(covered[e]).as(context + ": covers beat edge " + e).isTrue();
            street += network.edgeLengthMeters(e);
        }
        int[] sorted = beatEdges.clone();
        Arrays.sort(sorted);
        assertThat(round.beatEdges()).isEqualTo(sorted);
        double tolerance = 1e-6 * Math.max(1, length);
        assertThat(round.lengthMeters()).as(context + ": length").isCloseTo(length, within(tolerance));
        assertThat(round.streetLengthMeters()).as(context + ": street length").isCloseTo(street, within(tolerance));
        assertThat(round.deadheadMeters()).as(context + ": deadhead").isCloseTo(deadhead, within(tolerance));
        assertThat(round.lengthMeters()).as(context + ": length at least the lower bound")
                .isGreaterThanOrEqualTo(round.lowerBoundMeters() - tolerance);
        if (!network.hasOnewayEdges()) {
            assertThat(round.lowerBoundMeters()).as(context + ": dual bound meets length")
                    .isCloseTo(round.lengthMeters(), within(tolerance));
        }
    }
}
