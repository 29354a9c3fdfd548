package dev.rounds.beats;

import dev.rounds.network.LocalProjection;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.MinHeap;
import java.util.Arrays;
import java.util.Random;

/**
 * Initial beats: seeds spread by farthest-point sampling on street distance, then all beats grown
 * at once, the lightest beat (by {@link StreetWorkload}) always taking its next street nearest its
 * centre, then recentred (Lloyd) and regrown. Each beat only takes streets touching it, so every
 * beat stays connected; on a connected network every street is taken.
 *
 * <p>A beat enclosed by the others early stops growing. Measured on Monaco at K = 64 without a
 * remedy, 20 beats were enclosed under 60 % of the final mean workload, leaving rounds from 0.17
 * to 1.64 of the mean that the refinement could not even out. So in a fresh plan such a beat is
 * dissolved (its streets go back to the pool for its neighbours) and restarted at the free street
 * farthest from every beat, at most twice per beat: the initial spread fell to 0.40–1.43.
 */
final class RegionGrowing {
    private static final int RECENTRING_PASSES = 2;
    /** A beat enclosed under this share of the mean workload is restarted elsewhere (fresh plans only). */
    private static final double ENCLOSED_SHARE = 0.6;
    private static final int MAX_RESEEDS = 2;

    private final StreetNetwork network;
    private final double[] midX;
    private final double[] midY;
    private final double[] workload;

    RegionGrowing(StreetNetwork network) {
        this.network = network;
        this.workload = StreetWorkload.lowerBoundMeters(network);
        int m = network.edgeCount();
        this.midX = new double[m];
        this.midY = new double[m];
        LocalProjection projection = LocalProjection.around(network);
        for (int e = 0; e < m; e++) {
            int mid = network.edgePointCount(e) / 2;
            midX[e] = projection.x(network.edgePointLon(e, mid));
            midY[e] = projection.y(network.edgePointLat(e, mid));
        }
    }

    double midX(int edge) {
        return midX[edge];
    }

    double midY(int edge) {
        return midY[edge];
    }

    /** Beats regrown from their centres with this workload per street metre (see {@link #grow}). */
    int[] regrow(int[] labels, int k, double[] factor) {
        int[] regrown = fromSeeds(centralEdges(labels, k));
        grow(regrown, k, factor, true);
        return regrown;
    }

    /** Seed streets spread by farthest-point sampling on street distance, deterministic for the seed. */
    int[] seedEdges(int k, long seed) {
        return farthestPointSeeds(k, new Random(seed));
    }

    /**
     * Two connected halves of a connected beat of at least two streets, of about equal workload:
     * grown at once from the street farthest from the beat's centre and the street farthest from
     * that one, the lighter half taking its next street nearest its seed. Returns, per street of
     * {@code edges}, whether it is in the second half; both halves hold a street.
     */
    boolean[] bisect(int[] edges) {
        int[] labels = new int[network.edgeCount()];
        Arrays.fill(labels, 2);
        for (int e : edges) {
            labels[e] = -1;
        }
        int first = farthestFrom(edges, centreOf(edges));
        int second = farthestFrom(edges, first);
        if (second == first) {
            second = edges[0] == first ? edges[1] : edges[0];
        }
        labels[first] = 0;
        labels[second] = 1;
        MinHeap[] frontier = {new MinHeap(), new MinHeap()};
        int[] seed = {first, second};
        double[] load = {workload[first], workload[second]};
        boolean[] active = {true, true};
        pushNeighbours(first, labels, frontier[0], first);
        pushNeighbours(second, labels, frontier[1], second);
        int remaining = edges.length - 2;
        while (remaining > 0) {
            int side = lightestActive(load, active);
            int e = nextFree(frontier[side], labels);
            if (e < 0) {
                active[side] = false;
                continue;
            }
            labels[e] = side;
            load[side] += workload[e];
            remaining--;
            pushNeighbours(e, labels, frontier[side], seed[side]);
        }
        boolean[] inSecond = new boolean[edges.length];
        for (int i = 0; i < edges.length; i++) {
            inSecond[i] = labels[edges[i]] == 1;
        }
        return inSecond;
    }

    private int centreOf(int[] edges) {
        double sx = 0;
        double sy = 0;
        double sw = 0;
        for (int e : edges) {
            double w = network.edgeLengthMeters(e) + 1e-9;
            sx += w * midX[e];
            sy += w * midY[e];
            sw += w;
        }
        int best = edges[0];
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int e : edges) {
            double d = Math.hypot(midX[e] - sx / sw, midY[e] - sy / sw);
            if (d < bestDistance) {
                bestDistance = d;
                best = e;
            }
        }
        return best;
    }

    private int farthestFrom(int[] edges, int from) {
        int best = from;
        double bestDistance = -1;
        for (int e : edges) {
            double d = Math.hypot(midX[e] - midX[from], midY[e] - midY[from]);
            if (d > bestDistance) {
                bestDistance = d;
                best = e;
            }
        }
        return best;
    }

    /** A fresh partition into {@code k} beats, deterministic for the seed. */
    int[] partition(int k, long seed) {
        int[] seeds = farthestPointSeeds(k, new Random(seed));
        int[] labels = fromSeeds(seeds);
        double[] factor = new double[k];
        Arrays.fill(factor, 1);
        grow(labels, k, factor, true);
        for (int pass = 0; pass < RECENTRING_PASSES; pass++) {
            labels = fromSeeds(centralEdges(labels, k));
            grow(labels, k, factor, true);
        }
        return labels;
    }

    private int[] fromSeeds(int[] seedEdges) {
        int[] labels = new int[network.edgeCount()];
        Arrays.fill(labels, -1);
        for (int r = 0; r < seedEdges.length; r++) {
            labels[seedEdges[r]] = r;
        }
        return labels;
    }

    /** Seed edges: a random first node, then each time the node farthest (by street) from all seeds. */
    private int[] farthestPointSeeds(int k, Random random) {
        double[] distance = new double[network.nodeCount()];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        boolean[] edgeTaken = new boolean[network.edgeCount()];
        int[] seeds = new int[k];
        int node = random.nextInt(network.nodeCount());
        MinHeap heap = new MinHeap();
        for (int r = 0; r < k; r++) {
            seeds[r] = untakenEdgeAt(node, edgeTaken);
            edgeTaken[seeds[r]] = true;
            spread(node, distance, heap);
            node = farthest(distance, edgeTaken);
        }
        return seeds;
    }

    private int untakenEdgeAt(int node, boolean[] edgeTaken) {
        for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
            int e = network.adjacentEdge(node, i);
            if (!edgeTaken[e]) {
                return e;
            }
        }
        for (int e = 0; e < edgeTaken.length; e++) {
            if (!edgeTaken[e]) {
                return e;
            }
        }
        throw new IllegalStateException("more beats than streets");
    }

    private int farthest(double[] distance, boolean[] edgeTaken) {
        int best = 0;
        double bestDistance = -1;
        for (int n = 0; n < distance.length; n++) {
            if (distance[n] > bestDistance && hasUntakenEdge(n, edgeTaken)) {
                bestDistance = distance[n];
                best = n;
            }
        }
        return best;
    }

    private boolean hasUntakenEdge(int node, boolean[] edgeTaken) {
        for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
            if (!edgeTaken[network.adjacentEdge(node, i)]) {
                return true;
            }
        }
        return false;
    }

    /** Lowers distances with a Dijkstra from {@code source} that stops where it no longer improves. */
    private void spread(int source, double[] distance, MinHeap heap) {
        heap.clear();
        distance[source] = 0;
        heap.push(0, source);
        relax(distance, heap);
    }

    /**
     * Dijkstra over streets from the nodes already in {@code heap} (with their distances set):
     * lowers {@code distance} wherever a shorter way is found, until the heap is empty.
     */
    private void relax(double[] distance, MinHeap heap) {
        while (!heap.isEmpty()) {
            double d = heap.peekKey();
            int node = heap.pop();
            if (d > distance[node]) {
                continue;
            }
            for (int i = 0; i < network.adjacentEdgeCount(node); i++) {
                int e = network.adjacentEdge(node, i);
                int other = network.otherEnd(e, node);
                double candidate = d + network.edgeLengthMeters(e);
                if (candidate < distance[other]) {
                    distance[other] = candidate;
                    heap.push(candidate, other);
                }
            }
        }
    }

    /** For each beat, its edge nearest the length-weighted centre of its streets. */
    int[] centralEdges(int[] labels, int k) {
        double[] sx = new double[k];
        double[] sy = new double[k];
        double[] sw = new double[k];
        for (int e = 0; e < labels.length; e++) {
            int r = labels[e];
            if (r < 0) {
                continue;
            }
            double w = network.edgeLengthMeters(e) + 1e-9;
            sx[r] += w * midX[e];
            sy[r] += w * midY[e];
            sw[r] += w;
        }
        int[] central = new int[k];
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int e = 0; e < labels.length; e++) {
            int r = labels[e];
            if (r < 0) {
                continue;
            }
            double dx = midX[e] - sx[r] / sw[r];
            double dy = midY[e] - sy[r] / sw[r];
            double d = dx * dx + dy * dy;
            if (d < best[r]) {
                best[r] = d;
                central[r] = e;
            }
        }
        return central;
    }

    /**
     * Gives every unlabelled edge (-1) to a beat. Each of the {@code k} beats must hold at least one
     * edge and be connected; they stay connected. Growth keys are distances to each beat's centre.
     */
    void grow(int[] labels, int k) {
        double[] factor = new double[k];
        Arrays.fill(factor, 1);
        grow(labels, k, factor);
    }

    /** The walking each street costs at least in any round ({@link StreetWorkload}). */
    double workloadMeters(int edge) {
        return workload[edge];
    }

    /**
     * Grows as {@link #grow(int[], int)}, counting each street of beat r as its workload (its
     * length, twice for a dead end or bridge) times {@code factor[r]} (the beat's round length per
     * workload metre), so beats with much walking back and forth take fewer streets.
     */
    void grow(int[] labels, int k, double[] factor) {
        grow(labels, k, factor, false);
    }

    /**
     * Grows as {@link #grow(int[], int, double[])}; with {@code reseed}, a beat enclosed by the
     * others while under {@link #ENCLOSED_SHARE} of the expected workload is dissolved (its
     * streets freed for its neighbours) and restarted at the free street farthest from every beat,
     * at most {@link #MAX_RESEEDS} times per beat. Only for fresh plans: a re-plan keeps its beats.
     */
    void grow(int[] labels, int k, double[] factor, boolean reseed) {
        int[] centre = centralEdges(labels, k);
        MinHeap[] frontier = new MinHeap[k];
        double[] load = new double[k];
        boolean[] active = new boolean[k];
        int[] reseeds = new int[k];
        Arrays.fill(active, true);
        for (int r = 0; r < k; r++) {
            frontier[r] = new MinHeap();
        }
        int remaining = 0;
        double expected = 0;
        for (int e = 0; e < labels.length; e++) {
            expected += workload[e] * factor[Math.max(0, labels[e])] / k;
            if (labels[e] < 0) {
                remaining++;
            } else {
                load[labels[e]] += workload[e] * factor[labels[e]];
                pushNeighbours(e, labels, frontier[labels[e]], centre[labels[e]]);
            }
        }
        while (remaining > 0) {
            int r = lightestActive(load, active);
            if (r < 0) {
                throw new IllegalStateException(remaining + " streets unreachable: the network is not connected");
            }
            int e = nextFree(frontier[r], labels);
            if (e < 0) {
                if (reseed && reseeds[r] < MAX_RESEEDS && load[r] < ENCLOSED_SHARE * expected) {
                    reseeds[r]++;
                    remaining += dissolve(r, labels, frontier, centre, active) - 1;
                    centre[r] = farthestFreeEdge(labels);
                    labels[centre[r]] = r;
                    load[r] = workload[centre[r]] * factor[r];
                    frontier[r].clear();
                    pushNeighbours(centre[r], labels, frontier[r], centre[r]);
                    continue;
                }
                active[r] = false;
                continue;
            }
            labels[e] = r;
            load[r] += workload[e] * factor[r];
            remaining--;
            pushNeighbours(e, labels, frontier[r], centre[r]);
        }
    }

    /** Frees the streets of beat r and offers them to the beats touching them; returns how many. */
    private int dissolve(int r, int[] labels, MinHeap[] frontier, int[] centre, boolean[] active) {
        int freed = 0;
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] == r) {
                labels[e] = -1;
                freed++;
            }
        }
        for (int e = 0; e < labels.length; e++) {
            int q = labels[e];
            if (q >= 0 && q != r && touchesFree(e, labels)) {
                pushNeighbours(e, labels, frontier[q], centre[q]);
                active[q] = true;
            }
        }
        return freed;
    }

    private boolean touchesFree(int edge, int[] labels) {
        for (int end : new int[] {network.edgeFrom(edge), network.edgeTo(edge)}) {
            for (int i = 0; i < network.adjacentEdgeCount(end); i++) {
                if (labels[network.adjacentEdge(end, i)] < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The free street whose nearer end is farthest (along streets) from every labelled street. */
    private int farthestFreeEdge(int[] labels) {
        double[] distance = new double[network.nodeCount()];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        MinHeap heap = new MinHeap();
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] >= 0) {
                for (int end : new int[] {network.edgeFrom(e), network.edgeTo(e)}) {
                    if (distance[end] > 0) {
                        distance[end] = 0;
                        heap.push(0, end);
                    }
                }
            }
        }
        relax(distance, heap);
        int best = -1;
        double bestDistance = -1;
        for (int e = 0; e < labels.length; e++) {
            double d = Math.min(distance[network.edgeFrom(e)], distance[network.edgeTo(e)]);
            if (labels[e] < 0 && d > bestDistance) {
                bestDistance = d;
                best = e;
            }
        }
        return best;
    }

    private static int lightestActive(double[] load, boolean[] active) {
        int best = -1;
        for (int r = 0; r < load.length; r++) {
            if (active[r] && (best < 0 || load[r] < load[best])) {
                best = r;
            }
        }
        return best;
    }

    private static int nextFree(MinHeap heap, int[] labels) {
        while (!heap.isEmpty()) {
            int e = heap.pop();
            if (labels[e] < 0) {
                return e;
            }
        }
        return -1;
    }

    private void pushNeighbours(int edge, int[] labels, MinHeap heap, int centreEdge) {
        for (int end : new int[] {network.edgeFrom(edge), network.edgeTo(edge)}) {
            for (int i = 0; i < network.adjacentEdgeCount(end); i++) {
                int other = network.adjacentEdge(end, i);
                if (labels[other] < 0) {
                    double dx = midX[other] - midX[centreEdge];
                    double dy = midY[other] - midY[centreEdge];
                    heap.push(Math.sqrt(dx * dx + dy * dy), other);
                }
            }
        }
    }
}
