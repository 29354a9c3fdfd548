package dev.rounds.rounds;

import dev.rounds.network.DisjointSets;
import dev.rounds.network.StreetNetwork;
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
 * feasible for a pair left out when {@code d(u,v) ≥ Y(u) + Y(v)}; only pairs failing this quick
 * test get the exact test (the duals of sets holding exactly one of u, v: shared blossoms are
 * not crossed). When every pair passes, the matching is optimal by LP duality. Candidates for
 * violation are found with one Dijkstra per odd node bounded by {@code 2·Y(u)} (a violating pair
 * is always seen from its end with the larger Y); the most violated pairs (a few per node, all of
 * them after 20 rounds, so the loop ends) are added as
 * candidates, and the matching is solved again. The candidate graph also holds one perfect matching
 * (consecutive odd nodes along a Z-order curve), so it always has one; should Blossom V still find
 * none, odd parts are joined to their neighbours and k doubled, up to the complete graph.
 *
 * <p>Complexity: O(m·k) candidate edges instead of m²/2; each Dijkstra touches only a
 * neighbourhood. Reference: V. Kolmogorov, "Blossom V", Math. Prog. Comp. 1 (2009); Edmonds &amp;
 * Johnson, "Matching, Euler tours and the Chinese postman", Math. Prog. 5 (1973).
 */
final class OddNodeMatching {
    static final int DEFAULT_NEIGHBOURS = 8;
    /** Up to this many odd nodes the candidate graph is complete: one solve, nothing to check. */
    private static final int COMPLETE_UP_TO = 10;
    /** Repairs add at most this many violated pairs per node, so a loose dual cannot flood the graph. */
    private static final int VIOLATIONS_PER_NODE = 4;
    /** After this many capped repairs every violated pair is added; each repair adds at least one. */
    private static final int CAPPED_REPAIRS = 20;

    private final StreetNetwork network;
    private final CachedSearch search;
    private final int[] oddIndexOfNode;
    private final int initialNeighbours;

    OddNodeMatching(StreetNetwork network, int initialNeighbours) {
        int nodeCount = network.nodeCount();
        this.network = network;
        if (initialNeighbours < 1) {
            throw new IllegalArgumentException("need at least one candidate neighbour, got " + initialNeighbours);
        }
        this.initialNeighbours = initialNeighbours;
        this.search = new CachedSearch(network);
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
        if (m >= 1 << 20) {
            throw new IllegalArgumentException("at most 2^20 odd nodes per round, got " + m);
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
        int neighbours = m <= COMPLETE_UP_TO ? m - 1 : Math.min(initialNeighbours, m - 1);
        addNearest(oddNodes, neighbours, candidates);
        addCurvePairs(oddNodes, candidates);
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
                connectOddParts(oddNodes, candidates);
                continue;
            }
            int perNode = solves <= CAPPED_REPAIRS ? VIOLATIONS_PER_NODE : 0;
            if (addViolations(oddNodes, solved, candidates, perNode) == 0) {
                return solved.result(oddNodes, candidates.size(), solves);
            }
        }
    }

    private void addNearest(int[] oddNodes, int neighbours, Map<Long, Double> candidates) {
        for (int i = 0; i < oddNodes.length; i++) {
            search.start(oddNodes[i]);
            int found = 0;
            for (int node = search.next(); node >= 0 && found < neighbours; node = search.next()) {
                int j = oddIndexOfNode[node];
                if (j >= 0 && j != i) {
                    candidates.putIfAbsent(key(i, j), search.lastDistance());
                    found++;
                }
            }
        }
    }

    /**
     * Guarantees a perfect matching in the candidate graph: sort the odd nodes along a Z-order
     * (Morton) curve and join nodes 0-1, 2-3, ... with their street distance. Neighbours on the
     * curve are near each other, so these pairs are short and cheap to measure.
     */
    private void addCurvePairs(int[] oddNodes, Map<Long, Double> candidates) {
        int m = oddNodes.length;
        double minLat = Double.POSITIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double span = 1e-9;
        for (int node : oddNodes) {
            minLat = Math.min(minLat, network.nodeLat(node));
            minLon = Math.min(minLon, network.nodeLon(node));
        }
        for (int node : oddNodes) {
            span = Math.max(span, Math.max(network.nodeLat(node) - minLat, network.nodeLon(node) - minLon));
        }
        long[] order = new long[m];
        for (int i = 0; i < m; i++) {
            long x = (long) ((network.nodeLon(oddNodes[i]) - minLon) / span * 65535);
            long y = (long) ((network.nodeLat(oddNodes[i]) - minLat) / span * 65535);
            order[i] = (interleave(x) | interleave(y) << 1) << 20 | i;
        }
        java.util.Arrays.sort(order);
        for (int p = 0; p + 1 < m; p += 2) {
            int i = (int) (order[p] & 0xfffff);
            int j = (int) (order[p + 1] & 0xfffff);
            if (!candidates.containsKey(key(i, j))) {
                candidates.put(key(i, j), distance(oddNodes[i], oddNodes[j]));
            }
        }
    }

    private static long interleave(long v) {
        long x = v & 0xffff;
        x = (x | x << 8) & 0x00ff00ffL;
        x = (x | x << 4) & 0x0f0f0f0fL;
        x = (x | x << 2) & 0x33333333L;
        x = (x | x << 1) & 0x55555555L;
        return x;
    }

    private double distance(int from, int to) {
        search.start(from);
        for (int node = search.next(); node >= 0; node = search.next()) {
            if (node == to) {
                return search.lastDistance();
            }
        }
        throw new IllegalStateException("odd nodes " + from + " and " + to + " are not connected");
    }

    /**
     * A part of the candidate graph with an odd number of nodes (a village whose odd nodes only see
     * each other) can never be matched inside itself: join each of its nodes to the nearest odd
     * nodes of other parts.
     */
    private void connectOddParts(int[] oddNodes, Map<Long, Double> candidates) {
        int m = oddNodes.length;
        DisjointSets parts = new DisjointSets(m);
        for (long k : candidates.keySet()) {
            parts.union((int) (k >>> 32), (int) k);
        }
        int[] size = new int[m];
        for (int i = 0; i < m; i++) {
            size[parts.find(i)]++;
        }
        for (int i = 0; i < m; i++) {
            int part = parts.find(i);
            if (size[part] % 2 == 0 || size[part] == m) {
                continue;
            }
            search.start(oddNodes[i]);
            int found = 0;
            for (int node = search.next(); node >= 0 && found < 2; node = search.next()) {
                int j = oddIndexOfNode[node];
                if (j >= 0 && parts.find(j) != part) {
                    candidates.putIfAbsent(key(i, j), search.lastDistance());
                    found++;
                }
            }
        }
    }

    /**
     * Adds pairs whose distance breaks the dual constraint, at most {@code perNode} (the most
     * violated) from each node, or all when {@code perNode} is 0; returns how many.
     */
    private int addViolations(int[] oddNodes, Solved solved, Map<Long, Double> candidates, int perNode) {
        double[] potential = solved.potential;
        StraightLines straight = new StraightLines(network, oddNodes);
        int added = 0;
        List<double[]> found = new ArrayList<>();
        for (int i = 0; i < oddNodes.length; i++) {
            double radius = straight.searchRadius(i, potential, candidates);
            if (radius <= 0) {
                continue;
            }
            found.clear();
            search.start(oddNodes[i]);
            for (int node = search.next(); node >= 0; node = search.next()) {
                double d = search.lastDistance();
                if (d >= radius) {
                    break;
                }
                int j = oddIndexOfNode[node];
                if (j < 0 || j == i || potential[j] > potential[i]) {
                    continue;
                }
                if (d - potential[i] - potential[j] >= -tolerance(d) || candidates.containsKey(key(i, j))) {
                    continue;
                }
                double slack = d - solved.crossingDual(i, j);
                if (slack < -tolerance(d)) {
                    found.add(new double[] {slack, j, d});
                }
            }
            if (perNode > 0 && found.size() > perNode) {
                found.sort((a, b) -> Double.compare(a[0], b[0]));
                found.subList(perNode, found.size()).clear();
            }
            for (double[] violation : found) {
                candidates.put(key(i, (int) violation[1]), violation[2]);
                added++;
            }
        }
        return added;
    }

    /**
     * Straight-line distances between odd nodes, a lower bound of street distances, to skip the
     * Dijkstra of nodes that cannot be in a violated pair and to shorten the others.
     */
    private static final class StraightLines {
        /** Margin for the flat projection's error over a town-sized area. */
        private static final double SAFETY = 0.98;
        private static final int MAX_NODES = 4000;
        private final double[] x;
        private final double[] y;

        StraightLines(StreetNetwork network, int[] oddNodes) {
            int m = oddNodes.length;
            x = new double[m];
            y = new double[m];
            double meanLat = 0;
            for (int node : oddNodes) {
                meanLat += network.nodeLat(node) / m;
            }
            double metersPerDegree = Math.toRadians(dev.rounds.network.Earth.RADIUS_METERS);
            double lonScale = metersPerDegree * Math.cos(Math.toRadians(meanLat));
            for (int i = 0; i < m; i++) {
                x[i] = network.nodeLon(oddNodes[i]) * lonScale;
                y[i] = network.nodeLat(oddNodes[i]) * metersPerDegree;
            }
        }

        /**
         * How far the Dijkstra from node i must look: the largest Y(i) + Y(j) over nodes j with
         * Y(j) ≤ Y(i), not yet candidates, whose straight-line distance does not already rule out
         * a violation; 0 when there is none. Above {@code MAX_NODES} odd nodes, 2·Y(i) unfiltered.
         */
        double searchRadius(int i, double[] potential, Map<Long, Double> candidates) {
            if (potential[i] <= 0) {
                return 0;
            }
            if (x.length > MAX_NODES) {
                return 2 * potential[i];
            }
            double radius = 0;
            for (int j = 0; j < x.length; j++) {
                double reach = potential[i] + potential[j];
                if (j == i || potential[j] > potential[i] || reach <= radius) {
                    continue;
                }
                double dx = x[i] - x[j];
                double dy = y[i] - y[j];
                double bound = Math.sqrt(dx * dx + dy * dy) * SAFETY;
                if (bound < reach && !candidates.containsKey(key(i, j))) {
                    radius = reach;
                }
            }
            return radius;
        }
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
        private final List<Set<Integer>> blossoms = new ArrayList<>();
        private final List<Double> blossomDuals = new ArrayList<>();
        private final int[][] blossomsOfNode;

        Solved(Graph<Integer, DefaultWeightedEdge> graph, MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching,
                Map<Set<Integer>, Double> duals, int m) {
            this.graph = graph;
            this.matching = matching;
            this.potential = new double[m];
            int[] blossomCount = new int[m];
            double objective = 0;
            for (Map.Entry<Set<Integer>, Double> dual : duals.entrySet()) {
                double y = dual.getValue();
                if (dual.getKey().size() > 1) {
                    if (y < -1e-9) {
                        throw new IllegalStateException("negative blossom dual " + y);
                    }
                    blossoms.add(dual.getKey());
                    blossomDuals.add(y);
                    for (int v : dual.getKey()) {
                        blossomCount[v]++;
                    }
                }
                objective += y;
                for (int v : dual.getKey()) {
                    potential[v] += y;
                }
            }
            this.dualObjective = objective;
            this.blossomsOfNode = new int[m][];
            for (int v = 0; v < m; v++) {
                blossomsOfNode[v] = new int[blossomCount[v]];
                blossomCount[v] = 0;
            }
            for (int b = 0; b < blossoms.size(); b++) {
                for (int v : blossoms.get(b)) {
                    blossomsOfNode[v][blossomCount[v]++] = b;
                }
            }
        }

        /** Sum of the duals of the sets that pair (i, j) crosses (those holding exactly one of them). */
        double crossingDual(int i, int j) {
            double shared = 0;
            for (int b : blossomsOfNode[i]) {
                if (blossoms.get(b).contains(j)) {
                    shared += blossomDuals.get(b);
                }
            }
            return potential[i] + potential[j] - 2 * shared;
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
