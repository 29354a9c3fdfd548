package dev.rounds.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.ingest.StageStats;
import dev.rounds.server.RoundsServer;
import dev.rounds.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end ingest through the real server on 127.0.0.1: pings per second from HTTP batch upload
 * to committed in storage (H2 and PostgreSQL), and single OsmAnd requests per second with their
 * latency. The load generator is a bounded Java client in the same JVM (so it shares the CPU).
 *
 * <p>Usage: {@code ingest [h2|postgres|both] [batches] [pingsPerBatch] [osmandRequests] [clients]};
 * defaults {@code both 200 1000 20000 8}. PostgreSQL is {@code jdbc:postgresql://127.0.0.1:5432/test}
 * as user postgres (override with ROUNDS_BENCH_POSTGRES_URL/_USER), in a fresh schema dropped afterwards.
 */
public final class IngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = 16;
    private static final String ADMIN_PASSWORD = "bench-admin-1";
    private static final AtomicLong NEXT_SECOND = new AtomicLong(1_700_000_000L);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RoundsServer server;
    private final List<String[]> devices = new ArrayList<>();

    private IngestBenchmark(RoundsServer server) {
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "both";
        int batches = intArg(args, 1, 200);
        int pingsPerBatch = intArg(args, 2, 1000);
        int osmandRequests = intArg(args, 3, 20_000);
        int clients = intArg(args, 4, 8);
        System.out.printf(Locale.ROOT, "ingest benchmark %s: %d batches x %d pings, %d OsmAnd requests, %d clients, %d cores%n",
                Instant.now(), batches, pingsPerBatch, osmandRequests, clients, Runtime.getRuntime().availableProcessors());
        if (!backend.equals("postgres")) {
            Path data = Files.createTempDirectory("rounds-bench-h2");
            run("H2", storage(data.toString(), null, null, null), batches, pingsPerBatch, osmandRequests, clients);
        }
        if (!backend.equals("h2")) {
            String url = System.getenv().getOrDefault("ROUNDS_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getenv().getOrDefault("ROUNDS_BENCH_POSTGRES_USER", "postgres");
            String schema = "rounds_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            try {
                run("PostgreSQL", storage("unused", url, user, schema), batches, pingsPerBatch, osmandRequests, clients);
            } finally {
                dropSchema(url, user, schema);
            }
        }
    }

    private static ServerConfig.Storage storage(String dir, String url, String user, String schema) {
        return new ServerConfig.Storage(dir, url, user, null, schema, 8);
    }

    private static void run(String name, ServerConfig.Storage storage, int batches, int pingsPerBatch, int osmandRequests,
            int clients) throws Exception {
        ServerConfig config = new ServerConfig(new ServerConfig.Http("127.0.0.1", 0), new ServerConfig.OsmAnd(true, 0),
                storage, new ServerConfig.Limits(64L << 20, 100_000, 1e9, 1_000_000_000, 1e9, 1_000_000_000, 1000, 1000),
                new ServerConfig.Plausibility(300, 200, 70), new ServerConfig.Security(1, 4, false, 60), ServerConfig.Alerts.defaults());
        try (RoundsServer server = RoundsServer.start(config, Map.of("ROUNDS_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))) {
            IngestBenchmark bench = new IngestBenchmark(server);
            bench.setUp();
            bench.batches(name, Math.max(1, batches / 10), batches, pingsPerBatch, clients);
            bench.osmand(name, Math.max(1, osmandRequests / 10), osmandRequests, clients);
        }
    }

    private void setUp() {
        String admin = "Bearer " + post("/api/v1/login", null, Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .get("token").asText();
        for (int i = 0; i < DEVICES; i++) {
            long patroller = post("/api/v1/patrollers", admin, Map.of("name", "P" + i)).get("id").asLong();
            String id = "bench-" + i;
            String token = post("/api/v1/devices", admin, Map.of("id", id, "patrollerId", patroller)).get("token").asText();
            post("/api/v1/shifts", admin, Map.of("patrollerId", patroller, "beat", "b", "startsAt", "2020-01-01T00:00:00Z"));
            devices.add(new String[] {id, token});
        }
    }

    private void batches(String name, int warmUp, int measured, int pingsPerBatch, int clients) throws Exception {
        runBatches(warmUp, pingsPerBatch, clients);
        long start = System.nanoTime();
        long accepted = runBatches(measured, pingsPerBatch, clients);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (accepted != (long) measured * pingsPerBatch) {
            throw new IllegalStateException("only " + accepted + " of " + (long) measured * pingsPerBatch + " pings accepted");
        }
        System.out.printf(Locale.ROOT, "%s batch: %d pings in %d batches of %d, %.2f s, %,.0f pings/s committed%n",
                name, accepted, measured, pingsPerBatch, seconds, accepted / seconds);
    }

    private long runBatches(int count, int pingsPerBatch, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                String[] device = devices.get(b % DEVICES);
                byte[] body = batchBody(device[0], pingsPerBatch);
                results.add(pool.submit(() -> postBatch(device, body)));
            }
            long accepted = 0;
            for (Future<Long> result : results) {
                accepted += result.get();
            }
            return accepted;
        } finally {
            pool.shutdown();
        }
    }

    private static byte[] batchBody(String deviceId, int pings) {
        StringBuilder json = new StringBuilder(pings * 64).append("{\"deviceId\":\"").append(deviceId).append("\",\"pings\":[");
        long first = NEXT_SECOND.getAndAdd(pings);
        for (int i = 0; i < pings; i++) {
            json.append(i == 0 ? "" : ",").append("{\"time\":").append(first + i)
                    .append(String.format(Locale.ROOT, ",\"lat\":%.6f,\"lon\":%.6f,\"accuracyMeters\":5}", 43.73 + i * 1e-6, 7.42));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private long postBatch(String[] device, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(server.port(), "/api/v1/pings/batch"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (device[0] + ":" + device[1]).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("accepted").asLong();
    }

    private void osmand(String name, int warmUp, int measured, int clients) throws Exception {
        sendOsmand(warmUp, clients);
        StageStats before = storeStats();
        long start = System.nanoTime();
        long[] latencies = sendOsmand(measured, clients);
        double seconds = (System.nanoTime() - start) / 1e9;
        StageStats after = storeStats();
        long stored = after.passed() - before.passed();
        if (stored != measured) {
            throw new IllegalStateException("only " + stored + " of " + measured + " OsmAnd pings stored");
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%s OsmAnd: %d requests, %d clients, %.2f s, %,.0f requests/s, latency p50 %.2f ms, "
                + "p99 %.2f ms, %.1f pings per store transaction%n", name, measured, clients, seconds, measured / seconds,
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                (double) stored / (after.batches() - before.batches()));
    }

    private StageStats storeStats() {
        return server.pipeline().stats().stream().filter(s -> s.stage().equals("store")).findFirst().orElseThrow();
    }

    private long[] sendOsmand(int count, int clients) throws Exception {
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int worker = c;
                results.add(pool.submit(() -> {
                    for (int i = worker; i < count; i += clients) {
                        String[] device = devices.get(i % DEVICES);
                        URI target = uri(server.osmandPort(), "/?id=" + device[0] + "&lat=43.73&lon=7.42&accuracy=5&timestamp="
                                + NEXT_SECOND.getAndIncrement() + "&key=" + device[1]);
                        long start = System.nanoTime();
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(target).build(),
                                HttpResponse.BodyHandlers.discarding());
                        latencies[i] = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("OsmAnd answered " + response.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            return latencies;
        } finally {
            pool.shutdown();
        }
    }

    private JsonNode post(String path, String auth, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(server.port(), path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (auth != null) {
                request.header("Authorization", auth);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Only the loopback address: this benchmark never sends anywhere else. */
    private static URI uri(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private static void dropSchema(String url, String user, String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, null);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
