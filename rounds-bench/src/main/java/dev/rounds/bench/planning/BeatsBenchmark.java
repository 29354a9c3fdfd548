package dev.rounds.bench.planning;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.beats.BeatShape;
import dev.rounds.beats.LongestRoundProof;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.RoundPlanner;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Our beats against METIS ({@code gpmetis -contig}, Debian package {@code metis}) on each extract
 * for several K, with round lengths computed by our exact planner for both partitions.
 *
 * <p>METIS partitions graph vertices, and a beat is a set of streets, so METIS is given the street
 * adjacency (line) graph: one vertex per street segment weighted by its length in whole metres
 * (at least 1), joined to every segment sharing an intersection. METIS time is the gpmetis process
 * wall time including its file I/O (writing the graph is not counted); ours is the whole
 * {@code BeatPlanner.plan} call, rounds included, as wall time and as the planning thread's CPU time (the
 * machine is shared, so CPU time is the steadier figure). A METIS part that is not connected cannot be
 * walked as one round; its "round" is then the sum of its connected pieces' rounds (a lower bound
 * on any walk covering it) and the part is counted as not contiguous.
 *
 * <p>Compactness: mean and least Polsby–Popper score of the beats' territories ({@link BeatShape}),
 * the same measure for both partitions.
 *
 * <p>Some extracts hold a street whose own round trip (the street and the shortest way back) is
 * longer than the mean round: no partition can make the longest round shorter than that. Column
 * {@code long/bnd} divides the longest round by max(mean round, longest single-street round trip),
 * so 1.05 is the balance target on every row, bound by a street or not. Where our plan still misses
 * 1.05 on a network of at most {@link #PROOF_MAX_STREETS} streets, the run tries to prove that no plan
 * of K beats has a longest round shorter than ours ({@link LongestRoundProof}: every connected street
 * set with a shorter round, and street weights showing that no K of them cover every street once);
 * when it succeeds, that length is the bound, and the row reads 1.000: the plan is the best possible.
 *
 * <p>Run: {@code java -jar rounds-bench.jar beats K[,K...] EXTRACT...}
 */
public final class BeatsBenchmark {
    /** Networks up to this many streets get a proof attempt when a row misses the balance target. */
    static final int PROOF_MAX_STREETS = 200;
    /** The proof is for rounds this much shorter than our longest, so that it shows ours is the best. */
    static final double PROOF_MARGIN_METERS = 0.1;
    static final int PROOF_MAX_SETS = 3_000_000;
    static final int PROOF_MAX_PIVOTS = 200_000;

    private BeatsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] counts = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "%-26s %4s %-6s %10s %10s %9s %9s %9s %12s %8s %8s %10s %10s%n", "extract", "K",
                "method", "longest m", "mean m", "long/mean", "long/bnd", "long/LB", "contiguous", "PP mean", "PP min",
                "ms", "cpu ms");
        for (int a = 1; a < args.length; a++) {
            Path extract = Path.of(args[a]);
            StreetNetwork network = StreetMaps.importFile(extract, Profiles.FOOT, ProgressListener.NONE).network();
            Path graphFile = writeLineGraph(network);
            for (int k : counts) {
                if (k <= network.edgeCount()) {
                    compare(extract.getFileName().toString(), network, graphFile, k);
                }
            }
        }
    }

    private static void compare(String name, StreetNetwork network, Path graphFile, int k) throws Exception {
        double streetBound = longestSingleStreetRound(network);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        BeatPlan ours = new BeatPlanner(network, ProgressListener.NONE).plan(k, 1);
        double oursMs = (System.nanoTime() - started) / 1e6;
        double oursCpuMs = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
        double[] oursRounds = ours.beats().stream().mapToDouble(b -> b.roundLengthMeters()).toArray();
        double[] oursShape = ours.beats().stream().mapToDouble(b -> b.compactness()).toArray();
        double bound = Math.max(streetBound, provenLongestBound(name, network, k, oursRounds, streetBound));
        print(name, k, "ours", oursRounds, network.totalLengthMeters() / k, bound,
                k + "/" + k, oursShape, oursMs, String.format(Locale.ROOT, "%.0f", oursCpuMs));
        started = System.nanoTime();
        int[] parts = runMetis(graphFile, k, network.edgeCount());
        double metisMs = (System.nanoTime() - started) / 1e6;
        double[] metisRounds = new double[k];
        int contiguous = roundsOfParts(network, parts, k, metisRounds);
        double[] metisShape = new BeatShape(network).everyBeat(parts, k);
        print(name, k, "metis", metisRounds, network.totalLengthMeters() / k, bound, contiguous + "/" + k,
                metisShape, metisMs, "-");
    }

    private static void print(String name, int k, String method, double[] rounds, double lowerBound,
            double streetBound, String contiguous, double[] compactness, double ms, String cpuMs) {
        double longest = Arrays.stream(rounds).max().orElse(0);
        double mean = Arrays.stream(rounds).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-26s %4d %-6s %10.0f %10.0f %9.3f %9.3f %9.3f %12s %8.3f %8.3f %10.0f %10s%n",
                name, k, method, longest, mean, longest / mean, longest / Math.max(mean, streetBound),
                longest / lowerBound, contiguous, Arrays.stream(compactness).average().orElse(0),
                Arrays.stream(compactness).min().orElse(0), ms, cpuMs);
    }

    /**
     * Where our plan misses the balance target on a small network, tries to prove that no plan of K
     * beats has a longest round shorter than ours by more than {@link #PROOF_MARGIN_METERS}
     * ({@link LongestRoundProof}); returns that length when proven, else 0. Prints what was shown.
     */
    static double provenLongestBound(String name, StreetNetwork network, int k, double[] rounds,
            double streetBound) {
        double longest = Arrays.stream(rounds).max().orElse(0);
        double mean = Arrays.stream(rounds).average().orElse(0);
        if (longest <= 1.05 * Math.max(mean, streetBound) || network.edgeCount() > PROOF_MAX_STREETS) {
            return 0;
        }
        double cap = longest - PROOF_MARGIN_METERS;
        long started = System.nanoTime();
        try {
            LongestRoundProof.Result proof = LongestRoundProof.check(network, k, cap, PROOF_MAX_SETS, PROOF_MAX_PIVOTS);
            System.out.printf(Locale.ROOT, "  proof %s K=%d: %s plan of %d beats has every round within %.1f m (%s; %.0f s)%n",
                    name, k, proof.noSuchPlan() ? "no" : "not shown that no", k, cap, proof.reason(),
                    (System.nanoTime() - started) / 1e9);
            return proof.noSuchPlan() ? cap : 0;
        } catch (IllegalStateException tooBig) {
            System.out.printf(Locale.ROOT, "  proof %s K=%d: not attempted: %s%n", name, k, tooBig.getMessage());
            return 0;
        }
    }

    /** The longest round trip over a single street: no beat holding that street has a shorter round. */
    static double longestSingleStreetRound(StreetNetwork network) {
        RoundPlanner planner = new RoundPlanner(network);
        double longest = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            longest = Math.max(longest, planner.shortestRoundTripMeters(e));
        }
        return longest;
    }

    /** Fills each part's round length; returns how many parts are connected. */
    private static int roundsOfParts(StreetNetwork network, int[] parts, int k, double[] rounds) {
        RoundPlanner planner = new RoundPlanner(network);
        BeatConnectivity connectivity = new BeatConnectivity(network);
        int contiguous = 0;
        for (int p = 0; p < k; p++) {
            final int part = p;
            int[] edges = java.util.stream.IntStream.range(0, parts.length).filter(e -> parts[e] == part).toArray();
            if (edges.length == 0) {
                continue;
            }
            int[] piece = connectivity.components(edges);
            int pieces = Arrays.stream(piece).max().orElse(0) + 1;
            contiguous += pieces == 1 ? 1 : 0;
            for (int c = 0; c < pieces; c++) {
                final int component = c;
                int[] sub = java.util.stream.IntStream.range(0, edges.length).filter(i -> piece[i] == component)
                        .map(i -> edges[i]).toArray();
                rounds[p] += planner.roundLengthMeters(sub);
            }
        }
        return contiguous;
    }

    /** The street adjacency graph in METIS format: vertex weights = metres, no edge weights. */
    static Path writeLineGraph(StreetNetwork network) throws IOException {
        int m = network.edgeCount();
        List<TreeSet<Integer>> adjacent = new ArrayList<>(m);
        for (int e = 0; e < m; e++) {
            adjacent.add(new TreeSet<>());
        }
        for (int n = 0; n < network.nodeCount(); n++) {
            for (int i = 0; i < network.adjacentEdgeCount(n); i++) {
                for (int j = 0; j < network.adjacentEdgeCount(n); j++) {
                    int a = network.adjacentEdge(n, i);
                    int b = network.adjacentEdge(n, j);
                    if (a != b) {
                        adjacent.get(a).add(b);
                    }
                }
            }
        }
        long links = adjacent.stream().mapToLong(TreeSet::size).sum() / 2;
        Path file = Files.createTempFile("rounds-metis-", ".graph");
        file.toFile().deleteOnExit();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(m + " " + links + " 010\n");
            for (int e = 0; e < m; e++) {
                StringBuilder line = new StringBuilder();
                line.append(Math.max(1, Math.round(network.edgeLengthMeters(e))));
                for (int b : adjacent.get(e)) {
                    line.append(' ').append(b + 1);
                }
                out.write(line.append('\n').toString());
            }
        }
        return file;
    }

    /** Runs {@code gpmetis -contig} and reads the part of every street. */
    static int[] runMetis(Path graphFile, int k, int edges) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("gpmetis", "-contig", graphFile.toString(), Integer.toString(k))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("gpmetis failed for K=" + k);
        }
        Path result = Path.of(graphFile + ".part." + k);
        List<String> lines = Files.readAllLines(result);
        Files.deleteIfExists(result);
        if (lines.size() != edges) {
            throw new IllegalStateException("gpmetis wrote " + lines.size() + " parts for " + edges + " streets");
        }
        return lines.stream().mapToInt(l -> Integer.parseInt(l.trim())).toArray();
    }
}
