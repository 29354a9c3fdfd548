package dev.rounds.beats;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.Round;
import dev.rounds.rounds.RoundPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a whole street network into K contiguous, compact beats of balanced workload, where a
 * beat's workload is the length of its shortest round (not its street length), and plans the rounds.
 *
 * <p>Idea: seeds by farthest-point sampling on street distance, simultaneous region growing (the
 * lightest beat takes its next street nearest its centre, then the beats are recentred and regrown,
 * then regrown again with each beat's streets weighted by its measured round length per street
 * metre), then {@link BoundaryRefinement}: streets move from the beat with the longest round to lighter
 * neighbours while both stay connected, judged each time on exact rounds. A re-plan starts from a
 * previous assignment so that a small change (K ± 1, a few new streets) moves few streets.
 *
 * <p>Preconditions, checked: the network is connected and 1 ≤ K ≤ number of streets. Deterministic
 * for a given seed. Complexity: O(E log E) growing plus, per refinement move, two exact rounds and
 * O(E) bookkeeping. Not thread-safe.
 */
public final class BeatPlanner {
    /** Refinement moves allowed per beat (the refinement usually stops earlier, when stuck). */
    private static final int MOVES_PER_BEAT = 40;
    /** Exact round evaluations the refinement may spend: per beat, plus a base for small K. */
    private static final int EVALUATIONS_PER_BEAT = 150;
    private static final int EVALUATIONS_BASE = 1000;
    /** Regrowth passes weighted by measured workload before the refinement. */
    private static final int WORKLOAD_PASSES = 4;

    private final StreetNetwork network;
    private final RoundPlanner rounds;
    private final RegionGrowing growing;
    private final ProgressListener progress;

    public BeatPlanner(StreetNetwork network, ProgressListener progress) {
        this.network = java.util.Objects.requireNonNull(network, "network");
        this.progress = java.util.Objects.requireNonNull(progress, "progress");
        if (network.edgeCount() == 0) {
            throw new IllegalArgumentException("the network has no streets");
        }
        if (new BeatConnectivity(network).componentCount(allEdges()) != 1) {
            throw new IllegalArgumentException("the network is not connected: import it keeping the largest part");
        }
        this.rounds = new RoundPlanner(network);
        this.growing = new RegionGrowing(network);
    }

    public StreetNetwork network() {
        return network;
    }

    /** A fresh plan of {@code beatCount} beats, deterministic for {@code seed}. */
    public BeatPlan plan(int beatCount, long seed) {
        checkBeatCount(beatCount);
        progress.progress("growing beats", 0, beatCount);
        int[] labels = growing.partition(beatCount, seed);
        return refineAndReport(regrowByWorkload(labels, beatCount), beatCount, seed);
    }

    /**
     * A plan that starts from a previous one: {@code previousBeatOfEdge[e]} is edge e's former beat,
     * or -1 for a new street (the array may be shorter than the edge count: missing edges are new).
     * Beats numbered K or above are dissolved into their neighbours; missing beats are carved from
     * the heaviest ones. Streets keep their beat unless balancing needs to move them.
     */
    public BeatPlan replan(int beatCount, long seed, int[] previousBeatOfEdge) {
        checkBeatCount(beatCount);
        int[] labels = new int[network.edgeCount()];
        for (int e = 0; e < labels.length; e++) {
            int old = e < previousBeatOfEdge.length ? previousBeatOfEdge[e] : -1;
            labels[e] = old >= 0 && old < beatCount ? old : -1;
        }
        keepLargestParts(labels, beatCount);
        if (Arrays.stream(labels).allMatch(l -> l < 0)) {
            return plan(beatCount, seed);
        }
        seedMissingBeats(labels, beatCount);
        return refineAndReport(labels, beatCount, seed);
    }

    /**
     * Regrows the beats a few times, each street weighted by its beat's round length per street
     * metre from the last pass, and keeps the split with the shortest longest round. Deadhead differs
     * a lot between beats (dead ends, hillside stairs), so street length alone balances badly.
     */
    private int[] regrowByWorkload(int[] labels, int beatCount) {
        int[] best = labels;
        double bestLongest = Double.POSITIVE_INFINITY;
        int[] current = labels;
        for (int pass = 0; pass <= WORKLOAD_PASSES; pass++) {
            double[] factor = new double[beatCount];
            double longest = 0;
            for (int r = 0; r < beatCount; r++) {
                int[] edges = BoundaryRefinement.edgesOf(current, r);
                double round = rounds.roundLengthMeters(edges);
                factor[r] = round / Math.max(1e-9, streetLength(edges));
                longest = Math.max(longest, round);
            }
            progress.progress("balancing workload", pass + 1, WORKLOAD_PASSES + 1);
            if (longest < bestLongest) {
                bestLongest = longest;
                best = current;
            }
            if (pass < WORKLOAD_PASSES) {
                current = growing.regrow(current, beatCount, factor);
            }
        }
        return best;
    }

    private double streetLength(int[] edges) {
        double sum = 0;
        for (int e : edges) {
            sum += network.edgeLengthMeters(e);
        }
        return sum;
    }

    private BeatPlan refineAndReport(int[] labels, int beatCount, long seed) {
        double[] roundMeters = new double[beatCount];
        for (int r = 0; r < beatCount; r++) {
            roundMeters[r] = rounds.roundLengthMeters(BoundaryRefinement.edgesOf(labels, r));
            progress.progress("measuring rounds", r + 1, beatCount);
        }
        BoundaryRefinement refinement = new BoundaryRefinement(network, rounds);
        int moves = refinement.refine(labels, roundMeters, MOVES_PER_BEAT * beatCount,
                EVALUATIONS_PER_BEAT * beatCount + EVALUATIONS_BASE, progress);
        List<Beat> beats = new ArrayList<>(beatCount);
        for (int r = 0; r < beatCount; r++) {
            Round round = rounds.plan(BoundaryRefinement.edgesOf(labels, r));
            beats.add(new Beat(r, round));
            progress.progress("planning rounds", r + 1, beatCount);
        }
        return new BeatPlan(labels, beats, seed, network.totalLengthMeters(), moves);
    }

    /** Each former beat keeps its largest connected part; the rest is set free (-1). */
    private void keepLargestParts(int[] labels, int beatCount) {
        BeatConnectivity connectivity = new BeatConnectivity(network);
        for (int r = 0; r < beatCount; r++) {
            int[] edges = BoundaryRefinement.edgesOf(labels, r);
            int[] part = connectivity.components(edges);
            double[] length = new double[edges.length + 1];
            int best = 0;
            for (int i = 0; i < edges.length; i++) {
                length[part[i]] += network.edgeLengthMeters(edges[i]);
                if (length[part[i]] > length[best]) {
                    best = part[i];
                }
            }
            for (int i = 0; i < edges.length; i++) {
                if (part[i] != best) {
                    labels[edges[i]] = -1;
                }
            }
        }
    }

    /** Gives every empty beat a start: a free street if any, else a street split off the longest beat. */
    private void seedMissingBeats(int[] labels, int beatCount) {
        double[] load = new double[beatCount];
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] >= 0) {
                load[labels[e]] += network.edgeLengthMeters(e);
            }
        }
        for (int r = 0; r < beatCount; r++) {
            if (load[r] > 0 || BoundaryRefinement.edgesOf(labels, r).length > 0) {
                continue;
            }
            int seedEdge = freeEdgeNextToBeats(labels);
            if (seedEdge < 0) {
                seedEdge = splitOffHeaviest(labels, load);
            }
            labels[seedEdge] = r;
            load[r] = network.edgeLengthMeters(seedEdge);
        }
        growing.grow(labels, beatCount);
        keepLargestParts(labels, beatCount);
        growing.grow(labels, beatCount);
    }

    private int freeEdgeNextToBeats(int[] labels) {
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] < 0) {
                return e;
            }
        }
        return -1;
    }

    /** The street of the longest beat farthest from its centre, freed from it. */
    private int splitOffHeaviest(int[] labels, double[] load) {
        int heavy = 0;
        for (int r = 1; r < load.length; r++) {
            if (load[r] > load[heavy]) {
                heavy = r;
            }
        }
        int[] edges = BoundaryRefinement.edgesOf(labels, heavy);
        if (edges.length < 2) {
            throw new IllegalStateException("no beat can give up a street");
        }
        int centre = growing.centralEdges(labels, load.length)[heavy];
        int far = edges[0];
        double farthest = -1;
        for (int e : edges) {
            double dx = growing.midX(e) - growing.midX(centre);
            double dy = growing.midY(e) - growing.midY(centre);
            if (e != centre && dx * dx + dy * dy > farthest) {
                farthest = dx * dx + dy * dy;
                far = e;
            }
        }
        load[heavy] -= network.edgeLengthMeters(far);
        labels[far] = -1;
        return far;
    }

    private void checkBeatCount(int beatCount) {
        if (beatCount < 1 || beatCount > network.edgeCount()) {
            throw new IllegalArgumentException("the number of beats must be between 1 and the number of streets ("
                    + network.edgeCount() + "), got " + beatCount);
        }
    }

    private int[] allEdges() {
        int[] edges = new int[network.edgeCount()];
        for (int e = 0; e < edges.length; e++) {
            edges[e] = e;
        }
        return edges;
    }
}
