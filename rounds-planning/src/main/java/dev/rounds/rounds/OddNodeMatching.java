package dev.rounds.rounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedPerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Exact minimum-weight perfect matching of odd-degree nodes under shortest-path distances on the
 * whole network, without building the complete metric closure.
 *
 * <p>Idea: match on a sparse candidate graph (each odd node joined to its {@code k} nearest odd
 * nodes, found by bounded Dijkstra) with Kolmogorov's Blossom V, then prove the matching optimal
 * for the complete graph with the LP dual Blossom V returns. With {@code Y(u)} = the dual of the
 * singleton {u} plus the duals of all blossoms holding u (blossom duals are ≥ 0), the dual stays
 * feasible for every pair left out if {@code d(u,v) ≥ Y(u) + Y(v)}; then the matching is optimal
 * by LP duality. Violating pairs are found with one Dijkstra per odd node bounded by
 * {@code 2·Y(u)} (a violating pair is always seen from its end with the larger Y), added as
 * candidates, and the matching is solved again. When the sparse graph has no perfect matching, k
 * is doubled; at k = m − 1 the graph is complete, so the loop ends.
 *
 * <p>Complexity: O(m·k) candidate edges instead of m²/2; each Dijkstra touches only a
 * neighbourhood. Reference: V. Kolmogorov, "Blossom V", Math. Prog. Comp. 1 (2009); Edmonds &amp;
 * Johnson, "Matching, Euler tours and the Chinese postman", Math. Prog. 5 (1973).
 */
final class OddNodeMatching {
    static final int DEFAULT_NEIGHBOURS = 8;
    private static final int MAX_REPAIRS = 50;

    private final NetworkDijkstra dijkstra;
    private final int[] oddIndexOfNode;
    private final int initialNeighbours;

    OddNodeMatching(NetworkDijkstra dijkstra, int nodeCount, int initialNeighbours) {
        if (initialNeighbours < 1) {
            throw new IllegalArgumentException("need at least one candidate neighbour, got " + initialNeighbours);
        }
        this.initialNeighbours = initialNeighbours;
        this.dijkstra = dijkstra;
        this.oddIndexOfNode = new int[nodeCount];
        java.util.Arrays.fill(oddIndexOfNode, -1);
    }

    /** A solved matching: pairs of network nodes, their distance sum and the dual lower bound. */
    record Result(int[] pairA, int[] pairB, double costMeters, double dualBoundMeters, int candidateEdges,
            int solves) {
    }

    /** Solves for the given odd nodes (an even count of distinct network nodes). */
    Result solve(int[] oddNodes) {
        int m = oddNodes.length;
        if (m % 2 != 0) {
            throw new IllegalArgumentException("odd-degree nodes come in pairs, got " + m);
        }
        if (m == 0) {
            return new Result(new int[0], new int[0], 0, 0, 0, 0);
        }
        for (int i = 0; i < m; i++) {
            oddIndexOfNode[oddNodes[i]] = i;
        }
        try {
            return solveIndexed(oddNodes);
        } finally {
            for (int node : oddNodes) {
                oddIndexOfNode[node] = -1;
            }
        }
    }

    private Result solveIndexed(int[] oddNodes) {
        int m = oddNodes.length;
        Map<Long, Double> candidates = new HashMap<>();
        int neighbours = Math.min(initialNeighbours, m - 1);
        addNearest(oddNodes, neighbours, candidates);
        int solves = 0;
        while (true) {
            Solved solved = solveSparse(m, candidates);
            solves++;
            if (solved == null) {
                if (neighbours >= m - 1) {
                    throw new IllegalStateException("complete graph on " + m + " nodes has no perfect matching");
                }
                neighbours = Math.min(m - 1, neighbours * 2);
                addNearest(oddNodes, neighbours, candidates);
                continue;
            }
            int added = addViolations(oddNodes, solved.potential, candidates);
            if (added == 0 || solves > MAX_REPAIRS) {
                if (added > 0) {
                    throw new IllegalStateException("matching not proven optimal after " + solves + " solves");
                }
                return solved.result(oddNodes, candidates.size(), solves);
            }
        }
    }

    private void addNearest(int[] oddNodes, int neighbours, Map<Long, Double> candidates) {
        for (int i = 0; i < oddNodes.length; i++) {
            dijkstra.start(oddNodes[i]);
            int found = 0;
            for (int node = dijkstra.next(); node >= 0 && found < neighbours; node = dijkstra.next()) {
                int j = oddIndexOfNode[node];
                if (j >= 0 && j != i) {
                    candidates.putIfAbsent(key(i, j), dijkstra.distance(node));
                    found++;
                }
            }
        }
    }

    /** Adds every pair whose distance breaks the dual constraint; returns how many. */
    private int addViolations(int[] oddNodes, double[] potential, Map<Long, Double> candidates) {
        int added = 0;
        for (int i = 0; i < oddNodes.length; i++) {
            double radius = 2 * potential[i];
            if (radius <= 0) {
                continue;
            }
            dijkstra.start(oddNodes[i]);
            for (int node = dijkstra.next(); node >= 0; node = dijkstra.next()) {
                double d = dijkstra.distance(node);
                if (d >= radius) {
                    break;
                }
                int j = oddIndexOfNode[node];
                if (j < 0 || j == i || potential[j] > potential[i]) {
                    continue;
                }
                double slack = d - potential[i] - potential[j];
                if (slack < -tolerance(d) && !candidates.containsKey(key(i, j))) {
                    candidates.put(key(i, j), d);
                    added++;
                }
            }
        }
        return added;
    }

    private static double tolerance(double meters) {
        return 1e-7 * Math.max(1, meters);
    }

    private static Solved solveSparse(int m, Map<Long, Double> candidates) {
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < m; i++) {
            graph.addVertex(i);
        }
        for (Map.Entry<Long, Double> candidate : candidates.entrySet()) {
            long k = candidate.getKey();
            DefaultWeightedEdge edge = graph.addEdge((int) (k >>> 32), (int) k);
            graph.setEdgeWeight(edge, candidate.getValue());
        }
        KolmogorovWeightedPerfectMatching<Integer, DefaultWeightedEdge> blossom =
                new KolmogorovWeightedPerfectMatching<>(graph);
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching;
        try {
            matching = blossom.getMatching();
        } catch (IllegalArgumentException noPerfectMatching) {
            return null;
        }
        return new Solved(graph, matching, blossom.getDualSolution().getDualVariables(), m);
    }

    private static long key(int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /** A matching on the candidate graph with the node potentials Y of its dual. */
    private static final class Solved {
        final Graph<Integer, DefaultWeightedEdge> graph;
        final MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching;
        final double[] potential;
        final double dualObjective;

        Solved(Graph<Integer, DefaultWeightedEdge> graph, MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching,
                Map<Set<Integer>, Double> duals, int m) {
            this.graph = graph;
            this.matching = matching;
            this.potential = new double[m];
            double objective = 0;
            for (Map.Entry<Set<Integer>, Double> dual : duals.entrySet()) {
                double y = dual.getValue();
                if (dual.getKey().size() > 1 && y < -1e-9) {
                    throw new IllegalStateException("negative blossom dual " + y);
                }
                objective += y;
                for (int v : dual.getKey()) {
                    potential[v] += y;
                }
            }
            this.dualObjective = objective;
        }

        Result result(int[] oddNodes, int candidateEdges, int solves) {
            List<int[]> pairs = new ArrayList<>();
            for (DefaultWeightedEdge edge : matching.getEdges()) {
                pairs.add(new int[] {oddNodes[graph.getEdgeSource(edge)], oddNodes[graph.getEdgeTarget(edge)]});
            }
            int[] a = new int[pairs.size()];
            int[] b = new int[pairs.size()];
            for (int p = 0; p < a.length; p++) {
                a[p] = pairs.get(p)[0];
                b[p] = pairs.get(p)[1];
            }
            return new Result(a, b, matching.getWeight(), dualObjective, candidateEdges, solves);
        }
    }
}
