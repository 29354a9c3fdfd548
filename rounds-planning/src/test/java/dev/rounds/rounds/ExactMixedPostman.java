package dev.rounds.rounds;

import dev.rounds.network.StreetNetwork;
import java.util.Arrays;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;

/**
 * The slow, obviously correct reference for car rounds: the shortest closed drive covering a beat
 * is the minimum, over every direction of its two-way streets (not loops), of the streets plus the
 * cheapest deadhead that balances drives in and out, which JGraphT's minimum-cost flow finds (the
 * directed postman is exact once every direction is fixed). 2^(two-way streets) flows: tiny beats only.
 */
public final class ExactMixedPostman {
    /** More two-way streets than this would take too long. */
    public static final int MAX_TWO_WAY = 12;

    private ExactMixedPostman() {
    }

    /** Two-way streets of the beat that are not loops: those whose direction the search tries. */
    public static int twoWayCount(StreetNetwork network, int[] beat) {
        return twoWay(network, beat).length;
    }

    public static double optimumMeters(StreetNetwork network, int[] beat) {
        int[] twoWay = twoWay(network, beat);
        if (twoWay.length > MAX_TWO_WAY) {
            throw new IllegalArgumentException("exhaustive search is for beats of at most " + MAX_TWO_WAY
                    + " two-way streets, got " + twoWay.length);
        }
        Graph<Integer, DefaultWeightedEdge> graph = drivable(network);
        double street = Arrays.stream(beat).mapToDouble(network::edgeLengthMeters).sum();
        double best = Double.POSITIVE_INFINITY;
        int[] surplus = new int[network.nodeCount()];
        for (int mask = 0; mask < 1 << twoWay.length; mask++) {
            Arrays.fill(surplus, 0);
            for (int e : beat) {
                if (network.edgeOneway(e)) {
                    surplus[network.edgeTo(e)]++;
                    surplus[network.edgeFrom(e)]--;
                }
            }
            for (int i = 0; i < twoWay.length; i++) {
                boolean forward = (mask >> i & 1) == 0;
                int e = twoWay[i];
                surplus[forward ? network.edgeTo(e) : network.edgeFrom(e)]++;
                surplus[forward ? network.edgeFrom(e) : network.edgeTo(e)]--;
            }
            // JGraphT's flow cost comes from the edge weights; capacities: at most 1000 units, at least 0
            MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
                    new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(graph, v -> surplus[v], a -> 1000, a -> 0);
            best = Math.min(best, street + new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                    .getFlowCost(problem));
        }
        return best;
    }

    private static int[] twoWay(StreetNetwork network, int[] beat) {
        return Arrays.stream(beat).filter(e -> !network.edgeOneway(e) && network.edgeFrom(e) != network.edgeTo(e))
                .toArray();
    }

    /** Every drivable direction of every edge (loops left out: they never balance anything). */
    private static Graph<Integer, DefaultWeightedEdge> drivable(StreetNetwork network) {
        Graph<Integer, DefaultWeightedEdge> graph = new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
        for (int n = 0; n < network.nodeCount(); n++) {
            graph.addVertex(n);
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            if (network.edgeFrom(e) == network.edgeTo(e)) {
                continue;
            }
            graph.setEdgeWeight(graph.addEdge(network.edgeFrom(e), network.edgeTo(e)), network.edgeLengthMeters(e));
            if (!network.edgeOneway(e)) {
                graph.setEdgeWeight(graph.addEdge(network.edgeTo(e), network.edgeFrom(e)), network.edgeLengthMeters(e));
            }
        }
        return graph;
    }
}
