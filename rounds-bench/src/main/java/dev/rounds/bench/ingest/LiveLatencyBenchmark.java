package dev.rounds.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.beats.Beat;
import dev.rounds.network.LatLon;
import dev.rounds.server.RoundsServer;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.server.plans.PlanRequest;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.storage.Area;
import dev.rounds.storage.IssuedDevice;
import dev.rounds.storage.Patroller;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency from receiving a ping to its live event: the real server (embedded H2) follows a plan of
 * the generated town; 16 devices upload batches of pings to {@code /api/v1/pings/batch} at a set
 * total rate, each device from a thread of its own and in order (a phone waits for the answer
 * before sending its next batch); a dashboard client listens to the server-sent events. Each
 * position event is paired with the time its batch was sent; reported are p50 and p99 over the
 * measured seconds.
 *
 * <p>Run: {@code java -Xmx2g -cp rounds-bench/target/rounds-bench.jar dev.rounds.bench.ingest.LiveLatencyBenchmark
 * [pingsPerSecond=2000] [seconds=20] [pingsPerBatch=10] [busPartitions=0]}; with busPartitions N > 0 the
 * live patrol gets stored pings through the in-process message bus of N partitions ({@code
 * pipeline.busPartitions}), to measure what the bus's hand-over costs.
 */
public final class LiveLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = 16;
    private static final String PASSWORD = "bench-admin-1";

    private LiveLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int busPartitions = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path dir = Files.createTempDirectory("rounds-latency");
        ServerConfig d = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(new ServerConfig.Http("127.0.0.1", 0), new ServerConfig.OsmAnd(false, 0),
                new ServerConfig.Storage(dir.toString(), null, null, null, null, 8),
                new ServerConfig.Limits(d.limits().maxBodyBytes(), 10_000, 100_000.0, 100_000, 100_000.0, 100_000, 100, 100),
                d.plausibility(), new ServerConfig.Security(12, 4, false, 600), ServerConfig.Alerts.defaults(),
                new ServerConfig.Pipeline(busPartitions));
        try (RoundsServer server = RoundsServer.start(config, Map.of("ROUNDS_ADMIN_PASSWORD", PASSWORD), Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            PlannedArea planned = BenchTown.activate(server);
            System.out.println("live patrol fed " + (busPartitions == 0 ? "directly by the patrol stage"
                    : "through the in-process message bus of " + busPartitions + " partitions"));
            List<String[]> devices = enrol(server, planned);
            measure(server, planned, devices, rate, seconds, perBatch);
        }
    }

    private static List<String[]> enrol(RoundsServer server, PlannedArea planned) {
        List<String[]> devices = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < DEVICES; i++) {
            Patroller patroller = server.storage().createPatroller("Bench " + i);
            IssuedDevice device = server.storage().createDevice("bench-" + i, patroller.id(), null);
            server.storage().createShift(patroller.id(), Integer.toString(i % planned.plan().beatCount()),
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(8)));
            devices.add(new String[] {device.device().id(), device.token(), Long.toString(patroller.id())});
        }
        return devices;
    }

    private static void measure(RoundsServer server, PlannedArea planned, List<String[]> devices, int rate, int seconds,
            int perBatch) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).get("token").asText();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> answered = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        Thread listener = new Thread(() -> listen(client, server.port(), token, sentAt, latencies, measureFrom),
                "bench-sse");
        listener.setDaemon(true);
        listener.start();
        Thread.sleep(500);
        List<List<LatLon>> walks = BenchTown.walks(planned);
        List<ExecutorService> senders = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            senders.add(Executors.newSingleThreadExecutor());
        }
        long batchesPerSecond = Math.max(1, rate / perBatch);
        long periodNanos = 1_000_000_000L / batchesPerSecond;
        long start = System.nanoTime();
        long total = (long) (seconds + 5) * batchesPerSecond;
        long[] lastMillis = new long[DEVICES];
        for (long b = 0; b < total; b++) {
            long due = start + b * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (b == 5 * batchesPerSecond) {
                measureFrom.set(System.nanoTime());
            }
            int d = (int) (b % DEVICES);
            String[] device = devices.get(d);
            long sentNanos = System.nanoTime();
            boolean measured = sentNanos >= measureFrom.get();
            StringBuilder json = new StringBuilder("{\"deviceId\":\"").append(device[0]).append("\",\"pings\":[");
            long nowMillis = System.currentTimeMillis();
            for (int i = 0; i < perBatch; i++) {
                long millis = Math.max(nowMillis - perBatch + i, lastMillis[d] + 1);
                lastMillis[d] = millis;
                List<LatLon> walk = walks.get(d % walks.size());
                LatLon p = walk.get((int) ((b * perBatch + i) / 8 % walk.size()));
                json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"time\":%d,\"lat\":%.7f,\"lon\":%.7f,\"accuracyMeters\":5}", millis, p.lat(), p.lon()));
                sentAt.put(device[2] + "@" + Instant.ofEpochMilli(millis), System.nanoTime());
            }
            byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            senders.get(d).execute(() -> {
                if (post(client, server.port(), device, body) && measured) {
                    answered.add(System.nanoTime() - sentNanos);
                }
            });
        }
        for (ExecutorService sender : senders) {
            sender.shutdown();
            sender.awaitTermination(60, TimeUnit.SECONDS);
        }
        Thread.sleep(2000);
        report(latencies, rate, seconds, perBatch, server);
        long[] commits = answered.stream().mapToLong(Long::longValue).sorted().toArray();
        if (commits.length > 0) {
            System.out.printf(Locale.ROOT, "batch sent -> answered (committed): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    commits[commits.length / 2] / 1e6, commits[(int) (commits.length * 0.99)] / 1e6,
                    commits[commits.length - 1] / 1e6);
        }
    }

    private static boolean post(HttpClient client, int port, String[] device, byte[] body) {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/pings/batch")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (device[0] + ":" + device[1]).getBytes(StandardCharsets.UTF_8))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                System.err.println("batch answered " + answer.statusCode() + ": " + answer.body());
                return false;
            }
            return true;
        } catch (Exception e) {
            System.err.println("batch failed: " + e);
            return false;
        }
    }

    private static void listen(HttpClient client, int port, String token, Map<String, Long> sentAt, List<Long> latencies,
            AtomicLong measureFrom) {
        try {
            HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/api/v1/live/events")).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            String event = "";
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event.equals("position")) {
                    long received = System.nanoTime();
                    JsonNode data = JSON.readTree(line.substring(5));
                    Long sent = sentAt.remove(data.path("patrollerId").asText() + "@" + data.path("time").asText());
                    if (sent != null && sent >= measureFrom.get()) {
                        latencies.add(received - sent);
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("event stream ended: " + e);
        }
    }

    private static void report(List<Long> latencies, int rate, int seconds, int perBatch, RoundsServer server) {
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(Locale.ROOT, "ping -> live position event, embedded H2, %d pings/s in batches of %d, %d s measured%n",
                rate, perBatch, seconds);
        if (sorted.length == 0) {
            System.out.println("no events were measured");
            return;
        }
        System.out.printf(Locale.ROOT, "events measured %d (%.0f/s); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sorted.length, sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
        System.out.println("patrol counters: " + server.patrol().counters());
        if (Arrays.stream(sorted).anyMatch(v -> v < 0)) {
            throw new AssertionError("negative latency: clocks mixed up");
        }
    }
}
