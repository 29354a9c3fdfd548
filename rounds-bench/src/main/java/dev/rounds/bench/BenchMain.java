package dev.rounds.bench;

import dev.rounds.bench.network.ImportBenchmark;
import java.util.Arrays;

/**
 * Runs a benchmark by name: {@code java -jar rounds-bench/target/rounds-bench.jar NAME [ARGS]}.
 * JMH kernels run with {@code java -cp rounds-bench/target/rounds-bench.jar org.openjdk.jmh.Main}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: java -jar rounds-bench.jar BENCHMARK [ARGS]");
            System.out.println("benchmarks:");
            System.out.println("  import     street network import: elements/s and peak heap per shared extract");
            System.out.println("  scale      heap of a synthetic city of a million edges");
            System.out.println("  live-latency  ping received to live event, p50/p99 at a set rate: [PINGS_PER_S] [SECONDS] [PER_BATCH] [BUS_PARTITIONS]");
            System.out.println("  ingest     tracking server: batch pings/s to stored (H2, PostgreSQL), OsmAnd requests/s");
            System.out.println("  store      the store stage alone: pings/s and CPU per ping by transaction size");
            System.out.println("  rounds     our Chinese postman vs JGraphT's: CAP_S EXTRACT:EDGES[,EDGES..] ...");
            System.out.println("  beats      our beats vs METIS (gpmetis -contig): K[,K..] EXTRACT...");
            System.out.println("  plan       a whole extract planned end to end: K EXTRACT...");
            System.out.println("  car-rounds car plans obeying one-way streets: round / lower bound, time: K[,K..] EXTRACT...");
            System.out.println("  matching   map matching against GraphHopper on simulated patrols: pings/s, mismatch");
            System.out.println("  route-table  what an FMM-style precomputed route table would cost on a map");
            System.out.println("  report-memory DAYS PATROLLERS  memory of a long report (run with a small -Xmx)");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "import" -> ImportBenchmark.main(rest);
            case "scale" -> dev.rounds.bench.network.ScaleBenchmark.main(rest);
            case "ingest" -> dev.rounds.bench.ingest.IngestBenchmark.main(rest);
            case "store" -> dev.rounds.bench.ingest.StoreBenchmark.main(rest);
            case "live-latency" -> dev.rounds.bench.ingest.LiveLatencyBenchmark.main(rest);
            case "rounds" -> dev.rounds.bench.planning.RoundsBenchmark.main(rest);
            case "beats" -> dev.rounds.bench.planning.BeatsBenchmark.main(rest);
            case "plan" -> dev.rounds.bench.planning.EndToEndBenchmark.main(rest);
            case "car-rounds" -> dev.rounds.bench.planning.CarRoundsBenchmark.main(rest);
            case "matching" -> dev.rounds.bench.matching.MatchingBenchmark.main(rest);
            case "route-table" -> dev.rounds.bench.matching.RouteTableEstimate.main(rest);
            case "report-memory" -> dev.rounds.bench.reports.ReportMemoryBenchmark.main(rest);
            default -> {
                System.err.println("unknown benchmark '" + args[0] + "'; run without arguments for the list");
                System.exit(2);
            }
        }
    }
}
