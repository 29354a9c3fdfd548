package dev.rounds.bench.planning;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.Round;
import dev.rounds.rounds.RoundPlanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Our exact Chinese postman against JGraphT's {@code ChinesePostman} on beats of growing size cut
 * breadth-first from the centre of an extract; both solve the beat alone (its own streets only).
 * Ours: median of 5 runs after 2 warm-ups in this JVM. JGraphT: one run in a child JVM (warmed by
 * nothing, like a first call), stopped at the cap; a capped case reports "> cap".
 *
 * <p>Run: {@code java -jar rounds-bench.jar rounds CAP_SECONDS EXTRACT:EDGES[,EDGES...] ...}
 */
public final class RoundsBenchmark {
    private RoundsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int capSeconds = Integer.parseInt(args[0]);
        System.out.printf(Locale.ROOT, "%-26s %7s %6s %12s %12s %10s %12s %9s %9s%n", "extract", "edges", "odd",
                "ours m", "jgrapht m", "ours ms", "jgrapht ms", "len ratio", "speedup");
        for (int a = 1; a < args.length; a++) {
            String[] spec = args[a].split(":");
            Path extract = Path.of(spec[0]);
            StreetNetwork network = StreetMaps.importFile(extract, Profiles.FOOT, ProgressListener.NONE).network();
            for (String size : spec[1].split(",")) {
                measure(extract, network, Integer.parseInt(size), capSeconds);
            }
        }
    }

    private static void measure(Path extract, StreetNetwork network, int size, int capSeconds) throws Exception {
        int[] beat = BeatCutter.ball(network, BeatCutter.centralNode(network), size);
        StreetNetwork sub = network.subnetwork(beat).network();
        int[] all = new int[sub.edgeCount()];
        Arrays.setAll(all, i -> i);
        Round round = null;
        List<Long> times = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            long started = System.nanoTime();
            round = new RoundPlanner(sub).plan(all);
            if (run >= 2) {
                times.add(System.nanoTime() - started);
            }
        }
        times.sort(null);
        double oursMs = times.get(times.size() / 2) / 1e6;
        String[] peer = runPeer(extract, size, capSeconds);
        String name = extract.getFileName().toString();
        if (peer == null) {
            System.out.printf(Locale.ROOT, "%-26s %7d %6d %12.1f %12s %10.1f %12s %9s %9s%n", name, beat.length,
                    round.oddNodeCount(), round.lengthMeters(), "-", oursMs, "> " + capSeconds * 1000, "-",
                    String.format(Locale.ROOT, "> %.0f×", capSeconds * 1000 / oursMs));
            return;
        }
        double peerLength = Double.parseDouble(peer[0]);
        double peerMs = Double.parseDouble(peer[1]);
        System.out.printf(Locale.ROOT, "%-26s %7d %6d %12.1f %12.1f %10.1f %12.0f %9.9f %8.0f×%n", name, beat.length,
                round.oddNodeCount(), round.lengthMeters(), peerLength, oursMs, peerMs,
                round.lengthMeters() / peerLength, peerMs / oursMs);
    }

    /** {length, ms} from a child JVM running JGraphT, or null when it ran past the cap. */
    private static String[] runPeer(Path extract, int size, int capSeconds) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx6g", "-cp", System.getProperty("java.class.path"),
                JGraphTPostmanRun.class.getName(), extract.toString(), Integer.toString(size));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        if (!process.waitFor(capSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return null;
        }
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String last = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
            if (process.exitValue() != 0 || last == null) {
                throw new IllegalStateException("JGraphT run failed: " + last);
            }
            return last.trim().split(" ");
        }
    }
}
