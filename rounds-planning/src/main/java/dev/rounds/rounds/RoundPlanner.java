package dev.rounds.rounds;

import dev.rounds.network.Earth;
import dev.rounds.network.LatLon;
import dev.rounds.network.StreetNetwork;
import java.util.Arrays;

/**
 * Plans the shortest round of a beat: the exact Chinese postman walk over the beat's streets, where
 * the repeated walking between odd-degree intersections may use any street of the whole network.
 *
 * <p>Idea (Edmonds &amp; Johnson 1973): in the beat's graph pair up the odd-degree nodes by a
 * minimum-weight perfect matching on shortest-path distances in the network ({@link OddNodeMatching},
 * sparse and certified by the LP dual), add each pair's shortest path as extra edges, and walk the
 * now Eulerian multigraph with Hierholzer's algorithm from the start node. The round length equals
 * street length + matching cost, which is optimal.
 *
 * <p>On a network with one-way streets (the car profile) a round is a closed drive instead: one-way
 * streets only forwards, also on the way through other beats ({@link DrivingRounds}). That is the
 * mixed Chinese postman problem, NP-hard, so such a round is a heuristic's, not proven shortest: its
 * {@link Round#lowerBoundMeters()} is the larger of the undirected optimum (one-way ignored) and a
 * flow relaxation, and {@link Round#gap()} says how far off it may be (measured in docs/BENCHMARKS.md).
 * Networks without one-way streets (every foot network) get the exact undirected round.
 *
 * <p>Preconditions, checked: beat edges are valid, distinct ids and form one connected graph; with
 * one-way streets, the network is strongly connected (as the car import keeps it). Not thread-safe:
 * it reuses search buffers; make one planner per thread.
 */
public final class RoundPlanner {
    private final StreetNetwork network;
    private final NetworkDijkstra dijkstra;
    private final OddNodeMatching matching;
    private final BeatConnectivity connectivity;
    private final boolean driving;
    private final DrivingRounds drivingRounds;
    private final int[] degree;
    private final int[] mark;
    private int markStamp;

    public RoundPlanner(StreetNetwork network) {
        this(network, OddNodeMatching.DEFAULT_NEIGHBOURS);
    }

    /** A planner whose candidate graph starts with {@code initialNeighbours} per odd node (tests). */
    RoundPlanner(StreetNetwork network, int initialNeighbours) {
        this.network = java.util.Objects.requireNonNull(network, "network");
        this.dijkstra = new NetworkDijkstra(network, true);
        this.matching = new OddNodeMatching(network, initialNeighbours);
        this.connectivity = new BeatConnectivity(network);
        this.driving = network.hasOnewayEdges();
        this.drivingRounds = new DrivingRounds(network, matching);
        this.degree = new int[network.nodeCount()];
        this.mark = new int[network.nodeCount()];
    }

    public StreetNetwork network() {
        return network;
    }

    /** Whether rounds are drives that obey one-way streets (the network has some), not exact walks. */
    public boolean obeysOneway() {
        return driving;
    }

    /** The round starting at the beat's first edge's {@code from} node. */
    public Round plan(int[] beatEdges) {
        int[] edges = checkedBeat(beatEdges);
        return build(edges, network.edgeFrom(edges[0]), Round.Approach.NONE);
    }

    /** The round starting and ending at {@code startNode}, which must be a node of the beat. */
    public Round planFrom(int[] beatEdges, int startNode) {
        int[] edges = checkedBeat(beatEdges);
        if (!touches(edges, startNode)) {
            throw new IllegalArgumentException("start node " + startNode + " is not on the beat");
        }
        return build(edges, startNode, Round.Approach.NONE);
    }

    /**
     * The round starting at the beat node nearest (along the streets) the network node closest to
     * {@code base}; the walk there is reported as the round's approach.
     */
    public Round planFromBase(int[] beatEdges, LatLon base) {
        int[] edges = checkedBeat(beatEdges);
        int baseNode = nearestNode(base);
        nextMark();
        for (int e : edges) {
            mark[network.edgeFrom(e)] = markStamp;
            mark[network.edgeTo(e)] = markStamp;
        }
        dijkstra.start(baseNode);
        for (int node = dijkstra.next(); node >= 0; node = dijkstra.next()) {
            if (mark[node] == markStamp) {
                Round.Approach approach = new Round.Approach(dijkstra.pathTo(node), dijkstra.distance(node));
                return build(edges, node, approach);
            }
        }
        throw new IllegalArgumentException("the beat cannot be reached from the base");
    }

    /**
     * The length of the beat's round without building the walk: street length plus the matching
     * cost (with one-way streets: the heuristic drive's length). Cheaper than {@link #plan}; used to
     * compare candidate beats.
     */
    public double roundLengthMeters(int[] beatEdges) {
        int[] edges = checkedBeat(beatEdges);
        if (driving) {
            return drivingRounds.drives(edges).lengthMeters();
        }
        return sumLength(edges) + matching.solve(oddNodes(edges)).costMeters();
    }

    /**
     * Length of the shortest closed walk that covers one edge: the edge plus the shortest way back
     * between its ends (zero for a loop); with one-way streets, the shortest drive back (a two-way
     * edge may be driven either way first). No round of a beat holding this edge is shorter.
     */
    public double shortestRoundTripMeters(int edge) {
        checkEdge(edge);
        int from = network.edgeFrom(edge);
        int to = network.edgeTo(edge);
        double length = network.edgeLengthMeters(edge);
        if (from == to) {
            return length;
        }
        double back = distance(to, from);
        if (driving && !network.edgeOneway(edge)) {
            back = Math.min(back, distance(from, to));
        }
        return length + back;
    }

    private double distance(int from, int to) {
        dijkstra.start(from);
        for (int node = dijkstra.next(); node >= 0; node = dijkstra.next()) {
            if (node == to) {
                return dijkstra.distance(node);
            }
        }
        throw new IllegalStateException("no way from node " + from + " to node " + to);
    }

    private Round build(int[] edges, int start, Round.Approach approach) {
        if (driving) {
            return drive(edges, start, approach);
        }
        int[] odd = oddNodes(edges);
        OddNodeMatching.Result matched = matching.solve(odd);
        int extra = 0;
        int[][] paths = new int[matched.pairA().length][];
        for (int p = 0; p < paths.length; p++) {
            paths[p] = path(matched.pairA()[p], matched.pairB()[p]);
            extra += paths[p].length;
        }
        int total = edges.length + extra;
        int[] multigraphEdge = Arrays.copyOf(edges, total);
        int filled = edges.length;
        for (int[] path : paths) {
            System.arraycopy(path, 0, multigraphEdge, filled, path.length);
            filled += path.length;
        }
        return walk(edges, multigraphEdge, start, odd.length, matched, approach);
    }

    /** The heuristic closed drive (see {@link DrivingRounds}), its bound the larger of flow and undirected bound. */
    private Round drive(int[] edges, int start, Round.Approach approach) {
        DrivingRounds.Drives drives = drivingRounds.drives(edges);
        int[] odd = oddNodes(edges);
        OddNodeMatching.Result undirected = matching.solve(odd);
        int[] arcs = drives.arcs();
        int[] multigraphEdge = new int[arcs.length];
        int[] tail = new int[arcs.length];
        int[] head = new int[arcs.length];
        for (int i = 0; i < arcs.length; i++) {
            int e = arcs[i] >> 1;
            boolean forward = (arcs[i] & 1) == 0;
            multigraphEdge[i] = e;
            tail[i] = forward ? network.edgeFrom(e) : network.edgeTo(e);
            head[i] = forward ? network.edgeTo(e) : network.edgeFrom(e);
        }
        int[] order = EulerTour.closedDrive(tail, head, start, network.nodeCount());
        double lowerBound = Math.max(drives.flowBoundMeters(), sumLength(edges) + undirected.dualBoundMeters());
        return round(edges, multigraphEdge, order, start, lowerBound, odd.length, undirected.solves(), approach);
    }

    private Round walk(int[] edges, int[] multigraphEdge, int start, int oddCount, OddNodeMatching.Result matched,
            Round.Approach approach) {
        int total = multigraphEdge.length;
        int[] endA = new int[total];
        int[] endB = new int[total];
        for (int i = 0; i < total; i++) {
            endA[i] = network.edgeFrom(multigraphEdge[i]);
            endB[i] = network.edgeTo(multigraphEdge[i]);
        }
        int[] order = EulerTour.closedWalk(endA, endB, start, network.nodeCount());
        return round(edges, multigraphEdge, order, start, sumLength(edges) + matched.dualBoundMeters(), oddCount,
                matched.solves(), approach);
    }

    /** The round that takes {@code multigraphEdge} in {@code order}; indexes from {@code edges.length} on are deadhead. */
    private Round round(int[] edges, int[] multigraphEdge, int[] order, int start, double lowerBound, int oddCount,
            int solves, Round.Approach approach) {
        int total = multigraphEdge.length;
        int[] edgeSequence = new int[total];
        int[] nodeSequence = new int[total + 1];
        boolean[] deadhead = new boolean[total];
        nodeSequence[0] = start;
        double length = 0;
        for (int step = 0; step < total; step++) {
            int e = multigraphEdge[order[step]];
            edgeSequence[step] = e;
            deadhead[step] = order[step] >= edges.length;
            nodeSequence[step + 1] = network.otherEnd(e, nodeSequence[step]);
            length += network.edgeLengthMeters(e);
        }
        return new Round(edges, edgeSequence, nodeSequence, deadhead, length, sumLength(edges), lowerBound, oddCount,
                solves, approach);
    }

    private int[] path(int from, int to) {
        dijkstra.start(from);
        for (int node = dijkstra.next(); node >= 0; node = dijkstra.next()) {
            if (node == to) {
                return dijkstra.pathTo(node);
            }
        }
        throw new IllegalStateException("no path between matched nodes " + from + " and " + to);
    }

    private int[] oddNodes(int[] edges) {
        for (int e : edges) {
            degree[network.edgeFrom(e)]++;
            degree[network.edgeTo(e)]++;
        }
        int count = 0;
        int[] odd = new int[2 * edges.length];
        for (int e : edges) {
            for (int node : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                if (degree[node] % 2 != 0) {
                    odd[count++] = node;
                }
                degree[node] = 0;
            }
        }
        return Arrays.copyOf(odd, count);
    }

    private double sumLength(int[] edges) {
        double sum = 0;
        for (int e : edges) {
            sum += network.edgeLengthMeters(e);
        }
        return sum;
    }

    private int[] checkedBeat(int[] beatEdges) {
        if (beatEdges == null || beatEdges.length == 0) {
            throw new IllegalArgumentException("a beat needs at least one street");
        }
        int[] edges = beatEdges.clone();
        Arrays.sort(edges);
        for (int i = 0; i < edges.length; i++) {
            checkEdge(edges[i]);
            if (i > 0 && edges[i] == edges[i - 1]) {
                throw new IllegalArgumentException("edge " + edges[i] + " appears twice in the beat");
            }
        }
        if (!connected(edges)) {
            throw new IllegalArgumentException("the beat's streets do not form one connected network");
        }
        return edges;
    }

    private void checkEdge(int edge) {
        if (edge < 0 || edge >= network.edgeCount()) {
            throw new IllegalArgumentException("no edge " + edge + " in a network of " + network.edgeCount());
        }
    }

    private boolean connected(int[] edges) {
        return connectivity.componentCount(edges) == 1;
    }

    private boolean touches(int[] edges, int node) {
        for (int e : edges) {
            if (network.edgeFrom(e) == node || network.edgeTo(e) == node) {
                return true;
            }
        }
        return false;
    }

    private int nearestNode(LatLon base) {
        int best = -1;
        double bestMeters = Double.POSITIVE_INFINITY;
        for (int n = 0; n < network.nodeCount(); n++) {
            double d = Earth.distanceMeters(base.lat(), base.lon(), network.nodeLat(n), network.nodeLon(n));
            if (d < bestMeters) {
                bestMeters = d;
                best = n;
            }
        }
        return best;
    }

    private void nextMark() {
        markStamp++;
    }
}
