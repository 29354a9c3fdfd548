package dev.rounds.bench.reports;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.coverage.BeatTarget;
import dev.rounds.coverage.PatrolArea;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.DemoTown;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.reports.PatrolReport;
import dev.rounds.reports.ReportBuilder;
import dev.rounds.reports.ReportFormat;
import dev.rounds.reports.ReportInput;
import dev.rounds.reports.ShiftData;
import dev.rounds.reports.ShiftSource;
import dev.rounds.rounds.Round;
import dev.rounds.simulation.PatrolSimulator;
import dev.rounds.simulation.PhoneModel;
import dev.rounds.simulation.SimulatedPatrol;
import dev.rounds.simulation.SimulatedPing;
import dev.rounds.simulation.WalkedStreet;
import dev.rounds.simulation.WalkerBehaviour;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much memory a long report needs: a report over D days of P patrollers (8-hour shifts on the
 * demo town, walked by the simulator with typical phones) is built from a source that simulates
 * each shift only when the report asks for it, as a database cursor reads it, and written in every
 * format to a counting sink. Prints the live heap after each garbage collection at its highest
 * (the data the report holds), against the size of the raw data it streamed through.
 *
 * <p>Run with a small heap to show the report streams: {@code java -Xmx256m -jar
 * rounds-bench.jar report-memory 90 8}.
 */
public final class ReportMemoryBenchmark {
    private static final Duration SHIFT = Duration.ofHours(8);
    private static final double SPEED_MPS = 1.2;
    /** Bytes of one fix or visit as a Java object with its boxed time (measured layout on 64-bit JVMs, rounded). */
    private static final int BYTES_PER_RECORD = 96;

    private ReportMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        int patrollers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        StreetNetwork network = DemoTown.generate(7).network();
        BeatPlan plan = new BeatPlanner(network, ProgressListener.NONE).plan(patrollers, 7);
        PatrolArea area = area(network, plan);
        Instant from = Instant.parse("2026-06-01T00:00:00Z");
        long[] streamed = new long[3];
        ShiftSource source = (start, end, sink) -> {
            for (int day = 0; day < days; day++) {
                for (int p = 0; p < patrollers; p++) {
                    ShiftData shift = simulate(network, plan, from.plus(Duration.ofDays(day)).plusSeconds(3600L * 6), day, p);
                    streamed[0]++;
                    streamed[1] += shift.fixes().size();
                    streamed[2] += shift.visits().size();
                    sink.accept(shift);
                }
            }
        };
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] liveMax = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long live = heap.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
                liveMax[0] = Math.max(liveMax[0], live);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        PatrolReport report = new ReportBuilder().build(new ReportInput(network, area, from,
                from.plus(Duration.ofDays(days)), null, null, source));
        long built = System.nanoTime();
        long[] bytes = new long[ReportFormat.values().length];
        for (ReportFormat format : ReportFormat.values()) {
            try (CountingSink out = new CountingSink()) {
                format.writer().write(report, out);
                bytes[format.ordinal()] = out.count;
            }
        }
        long written = System.nanoTime();
        sampler.interrupt();
        long peakUsed = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long raw = (streamed[1] + streamed[2]) * BYTES_PER_RECORD;
        System.out.printf(Locale.ROOT, "report over %d days, %d patrollers: %d shifts, %,d fixes, %,d street visits streamed%n",
                days, patrollers, streamed[0], streamed[1], streamed[2]);
        System.out.printf(Locale.ROOT, "max heap %d MB; sum of the heap pools' peaks (garbage included) %.1f MB; most heap left after a"
                + " collection (live data) %.1f MB; the raw fixes and visits held at once would be about %.0f MB%n",
                Runtime.getRuntime().maxMemory() >> 20, peakUsed / 1048576.0, liveMax[0] / 1048576.0, raw / 1048576.0);
        System.out.printf(Locale.ROOT, "build %.1f s (simulation included), write all formats %.1f s:", (built - started) / 1e9,
                (written - built) / 1e9);
        for (ReportFormat format : ReportFormat.values()) {
            System.out.printf(Locale.ROOT, " %s %,d bytes;", format.extension(), bytes[format.ordinal()]);
        }
        System.out.println();
    }

    private static PatrolArea area(StreetNetwork network, BeatPlan plan) {
        double[] lengths = new double[network.edgeCount()];
        for (int e = 0; e < lengths.length; e++) {
            lengths[e] = network.edgeLengthMeters(e);
        }
        List<BeatTarget> targets = new ArrayList<>();
        for (int b = 0; b < plan.beatCount(); b++) {
            Duration round = plan.beat(b).round().walkingTime(SPEED_MPS);
            targets.add(new BeatTarget(round, Math.max(1, (int) (SHIFT.toMillis() / round.toMillis()))));
        }
        return new PatrolArea(lengths, plan.beatOfEdge(), targets);
    }

    private static ShiftData simulate(StreetNetwork network, BeatPlan plan, Instant start, int day, int beat) {
        String patroller = "p" + beat;
        Shift shift = new Shift(day + "-" + beat, patroller, beat, start, start.plus(SHIFT));
        Round round = plan.beat(beat).round();
        SimulatedPatrol walk = new PatrolSimulator(network, WalkerBehaviour.ON_FOOT, PhoneModel.TYPICAL, day * 1000L + beat)
                .simulate(patroller, round.edgeSequence(), round.startNode(), start, shift.end());
        List<StreetVisit> visits = new ArrayList<>();
        for (WalkedStreet w : walk.walked()) {
            visits.add(new StreetVisit(patroller, w.edge(), w.entry(), w.exit(), w.share()));
        }
        List<PositionFix> fixes = new ArrayList<>();
        for (SimulatedPing ping : walk.pings()) {
            fixes.add(new PositionFix(patroller, ping.fixTime(), ping.lat(), ping.lon(), ping.sos()));
        }
        return new ShiftData(shift, visits, fixes, List.of());
    }

    /** Counts what a writer writes and throws it away. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
