package dev.rounds.bench.planning;

import dev.rounds.beats.Beat;
import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.network.ImportResult;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.Round;
import dev.rounds.rounds.RoundPlanner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Car plans that obey one-way streets, per extract and K: how far each beat's round may be from the
 * shortest (round / lower bound, mean and max over the beats), the plan's wall and planning-thread
 * CPU time (import excluded, seed 1, a warm-up plan at the smallest K first), and the time to plan
 * the K final rounds again. What the import left out for one-way streets is printed per extract.
 *
 * <p>Run: {@code java -jar rounds-bench.jar car-rounds K[,K..] EXTRACT...}
 */
public final class CarRoundsBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CarRoundsBenchmark() {
    }

    public static void main(String[] args) {
        String[] counts = args[0].split(",");
        System.out.printf(Locale.ROOT, "%-26s %4s %6s %7s %9s %10s %9s %9s %11s%n", "extract", "K", "edges", "one-way",
                "plan s", "thread s", "gap mean", "gap max", "rounds ms");
        for (int a = 1; a < args.length; a++) {
            Path extract = Path.of(args[a]);
            ImportResult imported = StreetMaps.importFile(extract, Profiles.CAR, ProgressListener.NONE);
            StreetNetwork network = imported.network();
            new BeatPlanner(network, ProgressListener.NONE).plan(Integer.parseInt(counts[0]), 1);
            for (String count : counts) {
                int k = Integer.parseInt(count);
                if (k <= network.edgeCount()) {
                    measure(extract, network, k);
                }
            }
            System.out.printf(Locale.ROOT, "  %s: %d edges (%.1f km) left out for one-way streets%n",
                    extract.getFileName(), imported.report().oneWayLeftOutEdges(),
                    imported.report().oneWayLeftOutLengthMeters() / 1000);
        }
    }

    private static void measure(Path extract, StreetNetwork network, int k) {
        long started = System.nanoTime();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        BeatPlan plan = new BeatPlanner(network, ProgressListener.NONE).plan(k, 1);
        double planSeconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        double sum = 0;
        double max = 0;
        for (Beat beat : plan.beats()) {
            sum += beat.round().gap();
            max = Math.max(max, beat.round().gap());
        }
        RoundPlanner rounds = new RoundPlanner(network);
        long roundsStarted = System.nanoTime();
        for (Beat beat : plan.beats()) {
            Round again = rounds.plan(beat.edges());
            if (Math.abs(again.lengthMeters() - beat.roundLengthMeters()) > 1e-6 * again.lengthMeters()) {
                throw new IllegalStateException("round of beat " + beat.index() + " not reproducible");
            }
        }
        double roundsMs = (System.nanoTime() - roundsStarted) / 1e6;
        int oneway = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            oneway += network.edgeOneway(e) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%-26s %4d %6d %7d %9.2f %10.2f %9.3f %9.3f %11.1f%n", extract.getFileName(), k,
                network.edgeCount(), oneway, planSeconds, cpuSeconds, sum / k, max, roundsMs);
    }
}
