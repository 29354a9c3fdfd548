package dev.rounds.bench.ingest;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.StageOutcome;
import dev.rounds.storage.Patroller;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.RoundsStores;
import dev.rounds.storage.StorageConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store stage alone, without HTTP: one thread calls {@code RoundsStore.storePings} with
 * transactions of a set size (1 is what a lone OsmAnd request costs, 1,000 a batch upload) and
 * reports pings per second and CPU time per ping of this process. Separates the database's share
 * of the end-to-end figures from the web server's.
 *
 * <p>Usage: {@code store [h2|postgres|both] [pings] [pingsPerTransaction,...]}; defaults
 * {@code both 200000 1,16,1000}. PostgreSQL as in {@link IngestBenchmark}.
 */
public final class StoreBenchmark {
    private static final int DEVICES = 16;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "both";
        int pings = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        String[] sizes = (args.length > 2 ? args[2] : "1,16,1000").split(",");
        System.out.printf(Locale.ROOT, "store benchmark %s: %d pings per size, %d cores%n", Instant.now(), pings,
                Runtime.getRuntime().availableProcessors());
        for (String size : sizes) {
            int perTransaction = Integer.parseInt(size.trim());
            int count = perTransaction == 1 ? Math.min(pings, 20_000) : pings;
            if (!backend.equals("postgres")) {
                StorageConfig h2 = new StorageConfig(null, null, null, null, Files.createTempDirectory("rounds-store-bench"),
                        8, 4);
                run("H2", h2, count, perTransaction);
            }
            if (!backend.equals("h2")) {
                String url = System.getenv().getOrDefault("ROUNDS_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = System.getenv().getOrDefault("ROUNDS_BENCH_POSTGRES_USER", "postgres");
                String schema = "rounds_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
                try {
                    run("PostgreSQL", new StorageConfig(url, user, null, schema, null, 8, 4), count, perTransaction);
                } finally {
                    dropSchema(url, user, schema);
                }
            }
        }
    }

    private static void run(String name, StorageConfig config, int pings, int perTransaction) {
        try (RoundsStore store = RoundsStores.open(config, Clock.systemUTC())) {
            List<String> devices = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                Patroller patroller = store.createPatroller("P" + i);
                devices.add(store.createDevice("bench-" + i, patroller.id(), null).device().id());
                store.createShift(patroller.id(), "b", Instant.parse("2020-01-01T00:00:00Z"), null);
            }
            long[] next = {1_700_000_000_000L};
            write(store, devices, Math.max(perTransaction, pings / 10), perTransaction, next);
            var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = bean.getProcessCpuTime();
            long start = System.nanoTime();
            write(store, devices, pings, perTransaction, next);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (bean.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "%s store: %d pings, %d per transaction, %.2f s, %,.0f pings/s, %.1f us CPU per ping%n",
                    name, pings, perTransaction, seconds, pings / seconds, cpuSeconds * 1e6 / pings);
        }
    }

    private static void write(RoundsStore store, List<String> devices, int pings, int perTransaction, long[] next) {
        for (int done = 0; done < pings; done += perTransaction) {
            List<Ping> batch = new ArrayList<>(perTransaction);
            for (int i = 0; i < perTransaction; i++) {
                String device = devices.get((done + i) % DEVICES);
                batch.add(Ping.builder(device, Instant.ofEpochMilli(next[0]++ * 1000), 43.73 + i * 1e-6, 7.42)
                        .accuracyMeters(5.0).build());
            }
            StageOutcome outcome = store.storePings(batch);
            if (outcome.passed().size() != batch.size()) {
                throw new IllegalStateException("stored only " + outcome.passed().size() + " of " + batch.size()
                        + ": " + outcome.dropped());
            }
        }
    }

    private static void dropSchema(String url, String user, String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, null);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
