package dev.rounds.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.ingest.StageStats;
import dev.rounds.network.LatLon;
import dev.rounds.server.RoundsServer;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.server.plans.PlannedArea;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
import java.time.Duration;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end ingest through the real server on 127.0.0.1: pings per second from HTTP batch upload
 * to committed in storage (H2 and PostgreSQL), optionally until the live patrol has matched them
 * and updated coverage, and single OsmAnd requests per second with their latency.
 *
 * <p>Usage: {@code ingest [h2|postgres|both] [batches] [pingsPerBatch] [osmandRequests] [clients] [--coverage]
 * [--wrk=SECONDS:CONNECTIONS:THREADS[:WARMUP_SECONDS]] [--devices=N]}; defaults {@code both 200 1000 20000 8},
 * 16 devices, a wrk warm-up of 30 s.
 * <ul>
 * <li>Batch bodies are built before the clock starts. Each client thread owns a fixed set of the
 * devices and sends their batches in order, so every device's pings arrive in time order.
 * <li>{@code --coverage}: the server follows an 8-beat plan of the generated town, each device walks
 * its beat's round at 1 m/s, and the batch figure is also timed until the live patrol has processed
 * every ping (matched to streets, coverage and round progress updated).
 * <li>{@code --wrk}: the OsmAnd phase is sent by {@code wrk} (a separate process; Debian package
 * {@code wrk}) instead of the Java client in this JVM; {@code osmandRequests} then sizes nothing.
 * </ul>
 * Every figure is printed with the JVM's CPU time per ping (server, plus the Java client when it
 * is used), the collectors' time and the load average. PostgreSQL is
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as user postgres (override with
 * ROUNDS_BENCH_POSTGRES_URL/_USER), in a fresh schema dropped afterwards.
 */
public final class IngestBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_DEVICES = 16;
    private static final String ADMIN_PASSWORD = "bench-admin-1";
    /** Fix times start this far back, so that every phase's pings lie in the past and in the shift. */
    private static final Duration HISTORY = Duration.ofHours(20);
    /** The wrk warm-up's fix times start at the base time, the measured run's this much later. */
    private static final long WRK_PHASE_MILLIS = 20_000_000;
    /**
     * wrk's unmeasured warm-up. Under 256 connections on two cores the JIT compilers get a small
     * share of the CPU and still compiled for about a minute (C2 took a quarter of the server's CPU
     * 15 s in); a warm-up of a quarter of the run, as before, measured the compiler as much as the
     * server.
     */
    private static final int DEFAULT_WRK_WARMUP_SECONDS = 30;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final RoundsServer server;
    private final Options options;
    private final List<Device> devices = new ArrayList<>();
    private List<List<LatLon>> walks;

    /** A device of the benchmark with its own clock: the fix time and position index of its next ping. */
    private static final class Device {
        final String id;
        final String token;
        final int number;
        long nextSecond;
        int step;

        Device(String id, String token, int number, long nextSecond) {
            this.id = id;
            this.token = token;
            this.number = number;
            this.nextSecond = nextSecond;
        }
    }

    private record Options(String backend, int batches, int pingsPerBatch, int osmandRequests, int clients,
            boolean coverage, int[] wrk, int devices) {
    }

    private IngestBenchmark(RoundsServer server, Options options) {
        this.server = server;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = options(args);
        System.out.printf(Locale.ROOT, "ingest benchmark %s: %d batches x %d pings, OsmAnd %s, %s, %d cores%s%n",
                Instant.now(), options.batches(), options.pingsPerBatch(),
                options.wrk() == null ? options.osmandRequests() + " requests (Java client)"
                        : "by wrk " + options.wrk()[0] + " s, " + options.wrk()[1] + " connections, " + options.wrk()[2] + " threads",
                options.clients() + " clients, " + options.devices() + " devices", Runtime.getRuntime().availableProcessors(),
                options.coverage() ? ", live patrol on (coverage)" : "");
        if (!options.backend().equals("postgres")) {
            Path data = Files.createTempDirectory("rounds-bench-h2");
            run("H2", storage(data.toString(), null, null, null), options);
        }
        if (!options.backend().equals("h2")) {
            String url = System.getenv().getOrDefault("ROUNDS_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getenv().getOrDefault("ROUNDS_BENCH_POSTGRES_USER", "postgres");
            String schema = "rounds_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            try {
                run("PostgreSQL", storage("unused", url, user, schema), options);
            } finally {
                dropSchema(url, user, schema);
            }
        }
    }

    private static Options options(String[] args) {
        List<String> positional = new ArrayList<>();
        boolean coverage = false;
        int[] wrk = null;
        int devices = DEFAULT_DEVICES;
        for (String arg : args) {
            if (arg.equals("--coverage")) {
                coverage = true;
            } else if (arg.startsWith("--devices=")) {
                devices = Integer.parseInt(arg.substring(10));
                if (devices < 1) {
                    throw new IllegalArgumentException("--devices=N needs at least 1 device");
                }
            } else if (arg.startsWith("--wrk=")) {
                wrk = Arrays.stream(arg.substring(6).split(":")).mapToInt(Integer::parseInt).toArray();
                if (wrk.length == 3) {
                    wrk = new int[] {wrk[0], wrk[1], wrk[2], DEFAULT_WRK_WARMUP_SECONDS};
                }
                if (wrk.length != 4) {
                    throw new IllegalArgumentException("--wrk=SECONDS:CONNECTIONS:THREADS[:WARMUP_SECONDS], e.g. --wrk=20:64:2");
                }
            } else {
                positional.add(arg);
            }
        }
        String[] p = positional.toArray(String[]::new);
        return new Options(p.length > 0 ? p[0] : "both", intArg(p, 1, 200), intArg(p, 2, 1000), intArg(p, 3, 20_000),
                intArg(p, 4, 8), coverage, wrk, devices);
    }

    private static ServerConfig.Storage storage(String dir, String url, String user, String schema) {
        return new ServerConfig.Storage(dir, url, user, null, schema, 8);
    }

    private static void run(String name, ServerConfig.Storage storage, Options options) throws Exception {
        ServerConfig config = new ServerConfig(new ServerConfig.Http("127.0.0.1", 0), new ServerConfig.OsmAnd(true, 0),
                storage, new ServerConfig.Limits(64L << 20, 100_000, 1e9, 1_000_000_000, 1e9, 1_000_000_000, 1000, 1000),
                new ServerConfig.Plausibility(300, 200, 70), new ServerConfig.Security(1, 4, false, 60), ServerConfig.Alerts.defaults());
        try (RoundsServer server = RoundsServer.start(config, Map.of("ROUNDS_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Clock.systemUTC(), new PrintStream(PrintStream.nullOutputStream()))) {
            IngestBenchmark bench = new IngestBenchmark(server, options);
            bench.setUp();
            if (options.batches() > 0) {
                bench.batches(name, Math.max(1, options.batches() / 10), options.batches());
            }
            if (options.wrk() != null) {
                bench.wrk(name, options.wrk());
            } else if (options.osmandRequests() > 0) {
                bench.osmand(name, Math.max(1, options.osmandRequests() / 10), options.osmandRequests());
            }
        }
    }

    private void setUp() throws InterruptedException {
        int beats = 8;
        if (options.coverage()) {
            PlannedArea planned = BenchTown.activate(server);
            walks = BenchTown.walks(planned);
            beats = planned.plan().beatCount();
        }
        String admin = "Bearer " + post("/api/v1/login", null, Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .get("token").asText();
        Instant first = Instant.now().minus(HISTORY);
        for (int i = 0; i < options.devices(); i++) {
            long patroller = post("/api/v1/patrollers", admin, Map.of("name", "P" + i)).get("id").asLong();
            String id = "bench-" + i;
            String token = post("/api/v1/devices", admin, Map.of("id", id, "patrollerId", patroller)).get("token").asText();
            post("/api/v1/shifts", admin, Map.of("patrollerId", patroller, "beat", Integer.toString(i % beats),
                    "startsAt", first.minus(Duration.ofHours(1)).toString()));
            devices.add(new Device(id, token, i, first.getEpochSecond()));
        }
    }

    // ---- batch uploads ----

    private void batches(String name, int warmUp, int measured) throws Exception {
        runBatches(bodies(warmUp));
        List<byte[][]> bodies = bodies(measured);
        List<StageStats> stagesBefore = server.pipeline().stats();
        Meter meter = Meter.start();
        long accepted = runBatches(bodies);
        Meter.Reading committed = meter.read();
        long expected = (long) measured * options.pingsPerBatch();
        if (accepted != expected) {
            throw new IllegalStateException("only " + accepted + " of " + expected + " pings accepted");
        }
        System.out.printf(Locale.ROOT, "%s batch: %d pings in %d batches of %d, %.2f s, %,.0f pings/s committed; %s%n",
                name, accepted, measured, options.pingsPerBatch(), committed.seconds(), accepted / committed.seconds(),
                committed.describe(accepted));
        System.out.println("  " + stageTimes(stagesBefore, server.pipeline().stats(), accepted));
        if (options.coverage()) {
            Map<String, Long> before = server.patrol().counters();
            drainPatrol();
            Meter.Reading covered = meter.read();
            System.out.printf(Locale.ROOT, "%s batch to coverage: %.2f s, %,.0f pings/s through the live patrol; %s; "
                    + "patrol counters %s%n", name, covered.seconds(), accepted / covered.seconds(), covered.describe(accepted),
                    before.equals(server.patrol().counters()) ? "(unchanged while draining)" : server.patrol().counters());
        }
    }

    /** Waits until the live patrol has processed everything handed to it so far. */
    private void drainPatrol() {
        while (true) {
            try {
                server.patrol().drain();
                return;
            } catch (IllegalStateException stillBusy) {
                System.out.println("  (live patrol still busy after 30 s, waiting on)");
            }
        }
    }

    /** Batch bodies per device, in each device's time order: {@code [device][batch]}. */
    private List<byte[][]> bodies(int batches) {
        List<byte[][]> perDevice = new ArrayList<>();
        for (Device device : devices) {
            int count = batches / options.devices() + (device.number < batches % options.devices() ? 1 : 0);
            byte[][] bodies = new byte[count][];
            for (int b = 0; b < count; b++) {
                bodies[b] = batchBody(device, options.pingsPerBatch());
            }
            perDevice.add(bodies);
        }
        return perDevice;
    }

    private byte[] batchBody(Device device, int pings) {
        StringBuilder json = new StringBuilder(pings * 64).append("{\"deviceId\":\"").append(device.id).append("\",\"pings\":[");
        for (int i = 0; i < pings; i++) {
            LatLon at = position(device);
            json.append(i == 0 ? "" : ",").append("{\"time\":").append(device.nextSecond++).append(",\"lat\":")
                    .append(at.lat()).append(",\"lon\":").append(at.lon()).append(",\"accuracyMeters\":5}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The device's next position: along its beat's round at 1 m/s with the patrol on, else creeping north. */
    private LatLon position(Device device) {
        int step = device.step++;
        if (walks == null) {
            return new LatLon(43.73 + (step % 1000) * 1e-6, 7.42);
        }
        List<LatLon> walk = walks.get(device.number % walks.size());
        return walk.get(step % walk.size());
    }

    private long runBatches(List<byte[][]> bodies) throws Exception {
        int clients = Math.min(options.clients(), options.devices());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int worker = c;
                results.add(pool.submit(() -> {
                    long accepted = 0;
                    int rounds = bodies.stream().mapToInt(b -> b.length).max().orElse(0);
                    for (int round = 0; round < rounds; round++) {
                        for (int d = worker; d < options.devices(); d += clients) {
                            if (round < bodies.get(d).length) {
                                accepted += postBatch(devices.get(d), bodies.get(d)[round]);
                            }
                        }
                    }
                    return accepted;
                }));
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

    private long postBatch(Device device, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(server.port(), "/api/v1/pings/batch"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (device.id + ":" + device.token).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("accepted").asLong();
    }

    // ---- single OsmAnd requests ----

    private void osmand(String name, int warmUp, int measured) throws Exception {
        sendOsmand(warmUp);
        StageStats before = storeStats();
        List<StageStats> stagesBefore = server.pipeline().stats();
        Meter meter = Meter.start();
        long[] latencies = sendOsmand(measured);
        Meter.Reading reading = meter.read();
        StageStats after = storeStats();
        long stored = after.passed() - before.passed();
        if (stored != measured) {
            throw new IllegalStateException("only " + stored + " of " + measured + " OsmAnd pings stored");
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%s OsmAnd (Java client, same JVM): %d requests, %d clients, %.2f s, %,.0f requests/s, "
                + "latency p50 %.2f ms, p99 %.2f ms, %.1f pings per store transaction; %s%n", name, measured,
                options.clients(), reading.seconds(), measured / reading.seconds(), latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, (double) stored / (after.batches() - before.batches()),
                reading.describe(measured));
        System.out.println("  " + stageTimes(stagesBefore, server.pipeline().stats(), stored));
    }

    /** Wall time spent in each pipeline stage per ping between two snapshots of the counters. */
    private static String stageTimes(List<StageStats> before, List<StageStats> after, long pings) {
        StringBuilder text = new StringBuilder("stage wall time per ping:");
        for (int i = 0; i < after.size(); i++) {
            text.append(String.format(Locale.ROOT, " %s %.1f us", after.get(i).stage(),
                    (after.get(i).totalNanos() - before.get(i).totalNanos()) / 1e3 / pings));
        }
        return text.toString();
    }

    private StageStats storeStats() {
        return server.pipeline().stats().stream().filter(s -> s.stage().equals("store")).findFirst().orElseThrow();
    }

    /** Each client thread sends its own devices' requests in turn, one at a time. */
    private long[] sendOsmand(int count) throws Exception {
        int clients = Math.min(options.clients(), options.devices());
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int worker = c;
                results.add(pool.submit(() -> {
                    int d = worker;
                    for (int i = worker; i < count; i += clients) {
                        Device device = devices.get(d);
                        d = d + clients < options.devices() ? d + clients : worker;
                        LatLon at = position(device);
                        URI target = uri(server.osmandPort(), String.format(Locale.ROOT,
                                "/?id=%s&lat=%.7f&lon=%.7f&accuracy=5&timestamp=%d&key=%s", device.id, at.lat(), at.lon(),
                                device.nextSecond++, device.token));
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

    // ---- single OsmAnd requests from wrk, a separate process ----

    private void wrk(String name, int[] settings) throws Exception {
        Path script = wrkScript(settings[2]);
        runWrk(script, settings[3], settings[1], settings[2], 0);
        StageStats before = storeStats();
        List<StageStats> stagesBefore = server.pipeline().stats();
        Meter meter = Meter.start();
        String output = runWrk(script, settings[0], settings[1], settings[2], 1);
        Meter.Reading reading = meter.read();
        StageStats after = storeStats();
        long stored = after.passed() - before.passed();
        long requests = longMatch(output, "(\\d+) requests in");
        long failed = output.contains("Non-2xx") ? longMatch(output, "Non-2xx or 3xx responses: (\\d+)") : 0;
        if (failed > 0 || stored < requests) {
            throw new IllegalStateException("wrk saw " + failed + " failed answers; " + stored + " pings stored for "
                    + requests + " answered requests:\n" + output);
        }
        System.out.printf(Locale.ROOT, "%s OsmAnd (wrk, separate process): %d requests, %d connections, %d threads, %s "
                + "requests/s, latency p50 %s, p99 %s, %.1f pings per store transaction; server %s%n", name, requests,
                settings[1], settings[2], match(output, "Requests/sec:\\s+([\\d.]+)"), match(output, "\\s50%\\s+(\\S+)"),
                match(output, "\\s99%\\s+(\\S+)"), (double) stored / (after.batches() - before.batches()),
                reading.describe(stored));
        System.out.println("  " + stageTimes(stagesBefore, server.pipeline().stats(), stored));
    }

    /**
     * A wrk script sending OsmAnd GET requests: request k of the run (counted over all wrk threads)
     * is device k mod 16's fix at the base time plus k milliseconds, so no two are the same fix.
     */
    private Path wrkScript(int threads) throws IOException {
        long baseMillis = devices.stream().mapToLong(d -> d.nextSecond).max().orElseThrow() * 1000 + 1000;
        if (baseMillis + 2 * WRK_PHASE_MILLIS > System.currentTimeMillis() - 60_000) {
            throw new IllegalStateException("too many pings before the wrk run: its fix times would lie in the future");
        }
        StringBuilder lua = new StringBuilder("local devices = {");
        for (Device device : devices) {
            lua.append("{\"").append(device.id).append("\",\"").append(device.token).append("\"},");
        }
        lua.append("}\nlocal threads = ").append(threads).append("\nlocal next_thread = 0\n")
                .append("function setup(thread) thread:set(\"tid\", next_thread); next_thread = next_thread + 1 end\n")
                .append("local base = ").append(baseMillis).append("\nlocal counter = 0\n")
                .append("function request()\n")
                .append("  local k = counter * threads + tid\n  counter = counter + 1\n")
                .append("  local d = devices[(k % #devices) + 1]\n")
                .append("  return wrk.format(\"GET\", string.format(\"/?id=%s&lat=43.73&lon=7.42&accuracy=5&timestamp=%.0f&key=%s\",")
                .append(" d[1], base + k + phase * ").append(WRK_PHASE_MILLIS).append(", d[2]))\nend\n");
        Path file = Files.createTempFile("rounds-osmand", ".lua");
        Files.writeString(file, lua.toString());
        file.toFile().deleteOnExit();
        return file;
    }

    /** Runs wrk; {@code phase} shifts the fix times so that the warm-up and the measured run never collide. */
    private String runWrk(Path script, int seconds, int connections, int threads, int phase) throws Exception {
        Path withPhase = Files.createTempFile("rounds-osmand-phase", ".lua");
        withPhase.toFile().deleteOnExit();
        Files.writeString(withPhase, "phase = " + phase + "\n" + Files.readString(script));
        Process wrk = new ProcessBuilder("wrk", "-t", Integer.toString(threads), "-c", Integer.toString(connections), "-d",
                seconds + "s", "--latency", "-s", withPhase.toString(), "http://127.0.0.1:" + server.osmandPort() + "/")
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static long longMatch(String text, String regex) {
        return Long.parseLong(match(text, regex));
    }

    // ---- measuring ----

    /** CPU time of this JVM, the collectors' time and the wall clock over a measured stretch. */
    private record Meter(long startNanos, long startCpuNanos, long startGcMillis, long startGcCount, long startJitMillis,
            double startLoad) {
        static Meter start() {
            return new Meter(System.nanoTime(), cpuNanos(), gcMillis(), gcCount(), jitMillis(), load());
        }

        Reading read() {
            return new Reading((System.nanoTime() - startNanos) / 1e9, (cpuNanos() - startCpuNanos) / 1e9,
                    gcMillis() - startGcMillis, gcCount() - startGcCount, jitMillis() - startJitMillis, startLoad, load());
        }

        /** What a measured stretch cost; JIT time is the compiler threads' busy time, a sign of a run not yet warm. */
        record Reading(double seconds, double cpuSeconds, long gcMillis, long gcCount, long jitMillis, double loadBefore,
                double loadAfter) {
            String describe(long pings) {
                return String.format(Locale.ROOT, "JVM CPU %.1f us per ping (%.2f cores), GC %d ms in %d pauses, "
                        + "JIT compiling %d ms, load %.1f -> %.1f",
                        cpuSeconds * 1e6 / pings, cpuSeconds / seconds, gcMillis, gcCount, jitMillis, loadBefore, loadAfter);
            }
        }

        private static long jitMillis() {
            java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        }

        private static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static double load() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    // ---- plumbing ----

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
