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
 * lightest beat by workload takes its next street nearest its centre; a beat enclosed early by the
 * others is restarted in the largest free area; then the beats are recentred and regrown, then
 * regrown again with each beat's streets weighted by its measured round length per workload
 * metre), then {@link BoundaryRefinement}: streets move from the beat with the longest round to
 * lighter neighbours, directly or through a chain of beats, while all stay connected, judged each
 * time on exact rounds (for a car network with one-way streets, on the heuristic drive's length,
 * see {@link RoundPlanner}). When the refinement gets stuck with budget left, the whole is started again
 * from other seeds and the plan with the shortest longest round is kept; what budget the starts
 * leave goes to a plateau pass of the refinement on that plan, where every beat above the mean may
 * pass work on through chains (it can only shorten the longest round); where beats are small (at
 * most 100 streets a beat) every start refines that way from its first move. Where beats hold only a
 * few streets (at most 8 a beat, at most 200 streets in all), the refinement gets stuck on moves of a tenth of a round, and the
 * plan kept is then annealed ({@link BeatAnnealing}: border moves and swaps of streets between
 * neighbouring beats, judged on exact rounds, that may pass through worse plans). A re-plan starts from a
 * previous assignment so that a small change (K ± 1, a few new streets) moves few streets.
 *
 * <p>The work is bounded by a budget of exact round evaluations, per beat plus a base: counted, not
 * timed, so a plan is the same for the same seed on any machine. Another start is made only while
 * the best plan is off balance and the budget left covers what the last start spent, in
 * evaluations and in work (large beats cost more per evaluation).
 *
 * <p>Preconditions, checked: the network is connected and 1 ≤ K ≤ number of streets. Deterministic
 * for a given seed. Complexity: O(E log E) growing plus, per refinement move, two exact rounds and
 * O(E) bookkeeping. Not thread-safe.
 */
public final class BeatPlanner {
    /** Refinement moves allowed per beat (the refinement usually stops earlier, when stuck). */
    private static final int MOVES_PER_BEAT = 40;
    /**
     * Exact round evaluations a plan may spend (growth, refinement, further starts): per beat, plus a
     * base for small K. Monaco at K = 64 spends about 2,900 per start, so 7,400 allow two.
     */
    private static final int EVALUATIONS_PER_BEAT = 100;
    private static final int EVALUATIONS_BASE = 1000;
    /** Starts (growth and refinement from new seeds) at most. */
    private static final int MAX_STARTS = 8;
    /**
     * Work of all starts together (street^1.5 units, see {@link CountedRounds#work}) per street of the
     * network; the refinement stops there too, and another start is made only if it fits. Monaco at
     * K = 64 takes about 1,070 per street a start, so two; at K = 4 or 16 one start takes 1,600-1,800,
     * so one, and K = 16 stops at about 1,800 of its 2,600 evaluations (each round costs 5-8 ms there).
     */
    private static final double WORK_PER_STREET = 2400;
    /** No further start once the longest round is within this of the mean. */
    private static final double GOOD_BALANCE = 1.02;
    /** Regrowth passes weighted by measured workload before the refinement. */
    private static final int WORKLOAD_PASSES = 4;
    /**
     * At most this many streets per beat (E / K), every start refines as the plateau pass does,
     * from its first move: every beat above the mean may pass work on through single streets and
     * chains. Small beats are coarse (one street is 1-2 % of a beat's round at 50-80 streets), so
     * border moves soon stall on a plateau of long neighbours, and only chains get past it; large
     * beats move in fine steps, and there the budget is better spent on further starts. Measured at
     * seed 1: with chains from the first move Monaco K = 64 (78 streets a beat) got 11,382 → 10,897 m
     * (1.076 → 1.037) and north-bayreuth K = 64 (54) 13,029 → 12,884 m (1.045 → 1.049, within
     * 1.05), but andorra K = 16 (136) got 4.1 % longer and Monaco K = 16 (312) 2.7 % longer, their
     * later starts no longer fitting the budget. 100 lies between the two groups.
     */
    private static final int CHAINS_FROM_START_STREETS_PER_BEAT = 100;

    /**
     * At most this many streets per beat (E / K), and at most {@link #ANNEAL_MAX_STREETS} in all, the
     * best plan is annealed after the refinement ({@link BeatAnnealing}): there one street is a tenth
     * of a round or more, the refinement stalls, and an exact round costs microseconds. Of the
     * benchmark rows only novi-sad K = 16 (80 streets, 5 a beat) qualifies and is neither balanced
     * nor bound by one street.
     */
    static final int ANNEAL_STREETS_PER_BEAT = 8;
    /**
     * The whole network must be this small: an exact round costs more on larger networks (about
     * 30 µs on novi-sad's 80 streets, 165 µs on krems's 1,433 at K = 180, where the shortest ways
     * between odd intersections are long), and there even a short search would take longer than all
     * the rest of the plan.
     */
    static final int ANNEAL_MAX_STREETS = 200;
    /**
     * Annealing steps, and exact rounds they may compute (the rest are found in memory), at most.
     * novi-sad K = 16 takes all 1.6 million steps, computing about 80,000 rounds in about 2 s; at
     * 800,000 steps it ended at 2,557 m for 2 seeds of 8 (the rest 2,599–2,641 m), at 1.6 million
     * for 4 of 8, and 16 million steps (five runs from different starts) did not get below 2,557 m.
     */
    static final int ANNEAL_MAX_STEPS = 1_600_000;
    static final int ANNEAL_MAX_EXACT_ROUNDS = 150_000;
    /**
     * Annealing passes, each from the best plan of the one before with a fresh temperature and seed:
     * on novi-sad at K = 16, seeds 1–8 reach the best possible longest round (2,557 m, proven by
     * {@link LongestRoundProof}) in 4 of 8 with one pass, 6 with two, 7 with four (2.5, 4 and 8 s).
     */
    static final int ANNEAL_PASSES = 2;

    private final StreetNetwork network;
    private final RoundPlanner rounds;
    private final RegionGrowing growing;
    private final ProgressListener progress;
    private final double[] workload;

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
        this.workload = StreetWorkload.lowerBoundMeters(network);
    }

    public StreetNetwork network() {
        return network;
    }

    /** A fresh plan of {@code beatCount} beats, deterministic for {@code seed}. */
    public BeatPlan plan(int beatCount, long seed) {
        checkBeatCount(beatCount);
        CountedRounds counted = newBudget(beatCount);
        int[] best = null;
        double bestLongest = Double.POSITIVE_INFINITY;
        int bestMoves = 0;
        double[] bestRounds = null;
        int starts = 0;
        boolean chainsFromStart = network.edgeCount() <= (long) CHAINS_FROM_START_STREETS_PER_BEAT * beatCount;
        while (starts < MAX_STARTS) {
            int spentBefore = counted.evaluations();
            double workBefore = counted.work();
            int[] labels = grownBeats(beatCount, startSeed(seed, starts), counted);
            double[] roundMeters = measure(labels, beatCount, counted);
            int moves = refine(labels, roundMeters, counted, chainsFromStart);
            double longest = Arrays.stream(roundMeters).max().orElse(0);
            starts++;
            if (longest < bestLongest) {
                bestRounds = roundMeters;
                best = labels;
                bestLongest = longest;
                bestMoves = moves;
            }
            double mean = Arrays.stream(roundMeters).average().orElse(0);
            double startWork = counted.work() - workBefore;
            if (bestLongest <= GOOD_BALANCE * mean || boundByOneStreet(labels, roundMeters)
                    || counted.left() < counted.evaluations() - spentBefore
                    || counted.work() + startWork > WORK_PER_STREET * network.edgeCount()) {
                break;
            }
        }
        double bestMean = Arrays.stream(bestRounds).average().orElse(0);
        if (!counted.exhausted() && bestLongest > GOOD_BALANCE * bestMean && !boundByOneStreet(best, bestRounds)) {
            bestMoves += new BoundaryRefinement(network, counted).refine(best, bestRounds,
                    MOVES_PER_BEAT * beatCount, true, progress);
        }
        bestMoves += anneal(best, bestRounds, seed);
        return report(best, beatCount, seed, bestMoves, counted);
    }

    /**
     * Where beats hold few streets ({@link #ANNEAL_STREETS_PER_BEAT}) of a small network, anneals the plan
     * ({@link BeatAnnealing}) unless it is balanced or bound by one street already; returns the
     * number of streets that changed beat (counted as refinement moves). Rounds of such beats cost
     * microseconds, so the fixed number of steps is cheap; on larger beats it is skipped.
     */
    private int anneal(int[] labels, double[] roundMeters, long seed) {
        int beatCount = roundMeters.length;
        double mean = Arrays.stream(roundMeters).average().orElse(0);
        double longest = Arrays.stream(roundMeters).max().orElse(0);
        if (beatCount < 2 || network.edgeCount() > ANNEAL_MAX_STREETS
                || network.edgeCount() > (long) ANNEAL_STREETS_PER_BEAT * beatCount
                || longest <= GOOD_BALANCE * mean || boundByOneStreet(labels, roundMeters)) {
            return 0;
        }
        progress.progress("annealing beats", 0, ANNEAL_PASSES);
        BeatAnnealing annealing = new BeatAnnealing(network, new RoundMemo(rounds));
        int moved = 0;
        for (int pass = 0; pass < ANNEAL_PASSES; pass++) {
            moved += annealing.anneal(labels, roundMeters, ANNEAL_MAX_STEPS, ANNEAL_MAX_EXACT_ROUNDS,
                    seed + pass * 0x9E3779B97F4A7C15L);
            progress.progress("annealing beats", pass + 1, ANNEAL_PASSES);
        }
        return moved;
    }

    /**
     * Whether the longest round is a single street's own round trip (the street and the shortest
     * way back): then no plan has a shorter longest round, and another start cannot help.
     */
    private boolean boundByOneStreet(int[] labels, double[] roundMeters) {
        int longest = 0;
        for (int r = 1; r < roundMeters.length; r++) {
            if (roundMeters[r] > roundMeters[longest]) {
                longest = r;
            }
        }
        double streetBound = 0;
        for (int e : BeatBoundary.edgesOf(labels, longest)) {
            streetBound = Math.max(streetBound, rounds.shortestRoundTripMeters(e));
        }
        return roundMeters[longest] <= streetBound + 0.01;
    }

    /** Start i of a plan: the plan's own seed first, then seeds derived from it. */
    private static long startSeed(long seed, int start) {
        return start == 0 ? seed : seed + start * 0x9E3779B97F4A7C15L;
    }

    private CountedRounds newBudget(int beatCount) {
        return new CountedRounds(rounds, EVALUATIONS_PER_BEAT * beatCount + EVALUATIONS_BASE,
                WORK_PER_STREET * network.edgeCount());
    }

    /**
     * A plan that starts from a previous one, so that a small change (K ± 1, a few streets added or
     * removed) moves few streets: {@code previousBeatOfEdge[e]} is edge e's former beat, or -1 for a
     * new street (the array may be shorter than the edge count: missing edges are new; see
     * {@link PreviousStreets} to match a previous plan's streets to a changed map).
     *
     * <p>Each former beat keeps its largest connected part. With fewer beats than before, the beat
     * with the least workload is dissolved and the highest-numbered beat takes its number, until K
     * are left; new and freed streets join a beat they touch (the lightest); with more beats, the
     * beat with the longest round is split in two halves grown from its two ends, the new half
     * numbered K-1, until K. Then the refinement balances, moving streets only where it shortens
     * the longest round. Deterministic for the seed.
     */
    public BeatPlan replan(int beatCount, long seed, int[] previousBeatOfEdge) {
        checkBeatCount(beatCount);
        int[] labels = new int[network.edgeCount()];
        int previousCount = 0;
        for (int e = 0; e < labels.length; e++) {
            labels[e] = e < previousBeatOfEdge.length ? Math.max(-1, previousBeatOfEdge[e]) : -1;
            previousCount = Math.max(previousCount, labels[e] + 1);
        }
        if (previousCount == 0) {
            return plan(beatCount, seed);
        }
        keepLargestParts(labels, previousCount);
        int count = dropEmptyBeats(labels, previousCount);
        while (count > beatCount) {
            count = dissolveLightest(labels, count);
        }
        growing.grow(labels, count);
        CountedRounds counted = newBudget(beatCount);
        while (count < beatCount) {
            count = splitLongest(labels, count, counted);
        }
        double[] roundMeters = measure(labels, beatCount, counted);
        int moves = refine(labels, roundMeters, counted, false);
        return report(labels, beatCount, seed, moves, counted);
    }

    /** Renumbers beats left without streets away: the highest-numbered beat takes each empty number. */
    private int dropEmptyBeats(int[] labels, int count) {
        int[] size = new int[count];
        for (int label : labels) {
            if (label >= 0) {
                size[label]++;
            }
        }
        for (int r = 0; r < count; r++) {
            while (size[r] == 0 && count > r) {
                count--;
                if (count > r) {
                    relabel(labels, count, r);
                    size[r] = size[count];
                }
            }
        }
        return count;
    }

    /** Frees the streets of the beat with the least workload; the last beat takes its number. */
    private int dissolveLightest(int[] labels, int count) {
        double[] load = new double[count];
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] >= 0) {
                load[labels[e]] += workload[e];
            }
        }
        int lightest = 0;
        for (int r = 1; r < count; r++) {
            if (load[r] < load[lightest]) {
                lightest = r;
            }
        }
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] == lightest) {
                labels[e] = -1;
            }
        }
        relabel(labels, count - 1, lightest);
        return count - 1;
    }

    private static void relabel(int[] labels, int from, int to) {
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] == from) {
                labels[e] = to;
            }
        }
    }

    /** Splits the beat with the longest round (of those with two streets or more) in two; the new half is beat {@code count}. */
    private int splitLongest(int[] labels, int count, CountedRounds counted) {
        int longest = -1;
        double longestRound = -1;
        for (int r = 0; r < count; r++) {
            int[] edges = BeatBoundary.edgesOf(labels, r);
            double round = edges.length < 2 ? -1 : counted.lengthMeters(edges);
            if (round > longestRound) {
                longestRound = round;
                longest = r;
            }
        }
        if (longest < 0) {
            throw new IllegalStateException("no beat has two streets to split");
        }
        int[] edges = BeatBoundary.edgesOf(labels, longest);
        boolean[] second = growing.bisect(edges);
        for (int i = 0; i < edges.length; i++) {
            if (second[i]) {
                labels[edges[i]] = count;
            }
        }
        return count + 1;
    }

    /** The beats before refinement: grown, then regrown by measured workload. */
    int[] grownBeats(int beatCount, long seed, CountedRounds counted) {
        progress.progress("growing beats", 0, beatCount);
        int[] labels = growing.partition(beatCount, seed);
        return regrowByWorkload(labels, beatCount, counted);
    }

    /**
     * Regrows the beats a few times, each street weighted by its beat's round length per workload
     * metre from the last pass, and keeps the split with the shortest longest round. Deadhead differs
     * a lot between beats (dead ends, hillside stairs), so street length alone balances badly.
     */
    private int[] regrowByWorkload(int[] labels, int beatCount, CountedRounds counted) {
        int[] best = labels;
        double bestLongest = Double.POSITIVE_INFINITY;
        int[] current = labels;
        for (int pass = 0; pass <= WORKLOAD_PASSES; pass++) {
            double[] factor = new double[beatCount];
            double longest = 0;
            for (int r = 0; r < beatCount; r++) {
                int[] edges = BeatBoundary.edgesOf(current, r);
                double round = counted.lengthMeters(edges);
                factor[r] = round / Math.max(1e-9, workload(edges));
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

    private double workload(int[] edges) {
        double sum = 0;
        for (int e : edges) {
            sum += workload[e];
        }
        return sum;
    }

    private double[] measure(int[] labels, int beatCount, CountedRounds counted) {
        double[] roundMeters = new double[beatCount];
        for (int r = 0; r < beatCount; r++) {
            roundMeters[r] = counted.lengthMeters(BeatBoundary.edgesOf(labels, r));
            progress.progress("measuring rounds", r + 1, beatCount);
        }
        return roundMeters;
    }

    /**
     * Balances {@code labels} in place within the budget of {@code counted}; returns the moves kept.
     * With {@code plateau}, every beat above the mean may pass work on through chains.
     */
    private int refine(int[] labels, double[] roundMeters, CountedRounds counted, boolean plateau) {
        return new BoundaryRefinement(network, counted).refine(labels, roundMeters, MOVES_PER_BEAT * roundMeters.length, plateau, progress);
    }

    private BeatPlan report(int[] labels, int beatCount, long seed, int moves, CountedRounds counted) {
        List<Beat> beats = new ArrayList<>(beatCount);
        double[] compactness = new BeatShape(network).everyBeat(labels, beatCount);
        for (int r = 0; r < beatCount; r++) {
            Round round = rounds.plan(BeatBoundary.edgesOf(labels, r));
            beats.add(new Beat(r, round, compactness[r]));
            progress.progress("planning rounds", r + 1, beatCount);
        }
        return new BeatPlan(labels, beats, seed, network.totalLengthMeters(), moves, counted.evaluations());
    }

    /** Each former beat keeps its largest connected part; the rest is set free (-1). */
    private void keepLargestParts(int[] labels, int beatCount) {
        BeatConnectivity connectivity = new BeatConnectivity(network);
        for (int r = 0; r < beatCount; r++) {
            int[] edges = BeatBoundary.edgesOf(labels, r);
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
