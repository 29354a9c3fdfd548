package dev.rounds.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.StreetNetwork;
import java.util.List;

/** Checks shared by the matching tests. */
final class PathChecks {
    private static final double TOLERANCE_METERS = 1e-6;

    private PathChecks() {
    }

    /**
     * Within each part, each traversal starts where the previous one ended: at the same node, or at
     * the same point of the same edge when the walker turned back there.
     */
    static void assertContinuous(StreetNetwork network, List<Traversal> traversals) {
        for (int i = 1; i < traversals.size(); i++) {
            Traversal a = traversals.get(i - 1);
            Traversal b = traversals.get(i);
            if (a.part() != b.part()) {
                assertThat(b.part()).as("parts are in order").isGreaterThan(a.part());
                continue;
            }
            assertThat(b.entryTime()).as("traversal %d starts after %d ends", i, i - 1).isAfterOrEqualTo(a.exitTime());
            if (a.edge() == b.edge() && Math.abs(a.toOffsetMeters() - b.fromOffsetMeters()) < TOLERANCE_METERS) {
                continue;
            }
            int endNode = nodeAt(network, a.edge(), a.toOffsetMeters());
            int startNode = nodeAt(network, b.edge(), b.fromOffsetMeters());
            assertThat(endNode).as("traversal %d ends at a node", i - 1).isNotNegative();
            assertThat(startNode).as("traversal %d starts at the node where %d ended", i, i - 1).isEqualTo(endNode);
        }
    }

    /** The node at this offset of the edge, or -1 when the offset is inside the edge. */
    static int nodeAt(StreetNetwork network, int edge, double offsetMeters) {
        if (Math.abs(offsetMeters) < TOLERANCE_METERS) {
            return network.edgeFrom(edge);
        }
        if (Math.abs(offsetMeters - network.edgeLengthMeters(edge)) < TOLERANCE_METERS) {
            return network.edgeTo(edge);
        }
        return -1;
    }

    static double lengthOnStreet(StreetNetwork network, List<Traversal> traversals, String name) {
        return traversals.stream().filter(t -> network.edgeName(t.edge()).equals(name))
                .mapToDouble(Traversal::lengthMeters).sum();
    }
}
