package dev.rounds.bench.planning;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A whole extract planned end to end: import, K beats, all rounds; wall time of each part, one
 * cold run (a fresh JVM, as a user runs {@code rounds plan}) followed by one warm run. Besides
 * wall time it prints the CPU time of the planning thread and of the whole process (JIT compiler
 * and GC threads included): on a shared machine the wall time also counts waiting for a core.
 *
 * <p>Run: {@code java -jar rounds-bench.jar plan K EXTRACT...}
 */
public final class EndToEndBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EndToEndBenchmark() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            Path extract = Path.of(args[a]);
            for (String run : new String[] {"cold", "warm"}) {
                long started = System.nanoTime();
                long threadCpuStarted = THREADS.getCurrentThreadCpuTime();
                long processCpuStarted = processCpuNanos();
                StreetNetwork network = StreetMaps.importFile(extract, Profiles.FOOT, ProgressListener.NONE).network();
                long imported = System.nanoTime();
                BeatPlan plan = new BeatPlanner(network, ProgressListener.NONE).plan(k, 1);
                long planned = System.nanoTime();
                double threadCpu = (THREADS.getCurrentThreadCpuTime() - threadCpuStarted) / 1e9;
                double processCpu = (processCpuNanos() - processCpuStarted) / 1e9;
                System.out.printf(Locale.ROOT, "%s K=%d %s: %d edges, %.1f km; import %.2f s, plan %.2f s, total %.2f s"
                        + " (CPU: planning thread %.2f s, process %.2f s); longest/mean %.3f, longest/LB %.3f,"
                        + " %d refinement moves, %d exact rounds%n", extract.getFileName(), k, run,
                        network.edgeCount(), network.totalLengthMeters() / 1000, (imported - started) / 1e9,
                        (planned - imported) / 1e9, (planned - started) / 1e9, threadCpu, processCpu, plan.balance(),
                        plan.longestOverLowerBound(), plan.refinementMoves(), plan.refinementEvaluations());
            }
        }
    }
}
