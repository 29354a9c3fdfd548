package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.RoundsStores;
import dev.rounds.storage.StorageConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with SIGKILL while four clients upload batches; every ping it
 * answered "accepted" must be in the database afterwards.
 */
final class KillDuringIngestTest {
    @TempDir
    Path dataDirectory;

    @Test
    void noAcceptedPingIsLost() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), ServerProcess.class.getName(), dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong accepted = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        try {
            int port = readPort(child);
            String base = "http://127.0.0.1:" + port;
            String[] device = registerDevice(base);
            for (int s = 0; s < 4; s++) {
                int sender = s;
                Thread thread = new Thread(() -> send(base, device, sender, accepted));
                senders.add(thread);
                thread.start();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (accepted.get() < 4000 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(accepted.get()).as("pings accepted before the kill").isGreaterThanOrEqualTo(4000);
        try (RoundsStore store = RoundsStores.open(new StorageConfig(null, null, null, null, dataDirectory, 2, 4),
                Clock.systemUTC())) {
            assertThat(store.countPings()).isGreaterThanOrEqualTo(accepted.get());
        }
    }

    private static int readPort(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("port ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new AssertionError("the server process ended without starting");
    }

    private static String[] registerDevice(String base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String admin = "Bearer " + post(client, base + "/api/v1/login", null,
                "{\"username\":\"admin\",\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}").get("token").asText();
        long patroller = post(client, base + "/api/v1/patrollers", admin, "{\"name\":\"Kay\"}").get("id").asLong();
        String token = post(client, base + "/api/v1/devices", admin, "{\"id\":\"kay-phone\",\"patrollerId\":" + patroller + "}")
                .get("token").asText();
        post(client, base + "/api/v1/shifts", admin, "{\"patrollerId\":" + patroller
                + ",\"beat\":\"b\",\"startsAt\":\"2020-01-01T00:00:00Z\"}");
        return new String[] {"kay-phone", token};
    }

    private static com.fasterxml.jackson.databind.JsonNode post(HttpClient client, String url, String auth, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isLessThan(300);
        return TestServer.JSON.readTree(response.body());
    }

    /** Uploads batches of 100 until the server is gone, counting pings answered as accepted. */
    private static void send(String base, String[] device, int sender, AtomicLong accepted) {
        HttpClient client = HttpClient.newHttpClient();
        String auth = TestServer.basic(device[0], device[1]);
        for (int batch = 0; batch < 10_000; batch++) {
            StringBuilder json = new StringBuilder("{\"deviceId\":\"kay-phone\",\"pings\":[");
            for (int i = 0; i < 100; i++) {
                long millis = 1_700_000_000_000L + ((long) sender * 10_000 + batch) * 100 + i;
                json.append(i == 0 ? "" : ",").append("{\"time\":").append(millis).append(",\"lat\":48.1,\"lon\":11.5}");
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pings/batch"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.append("]}").toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    accepted.addAndGet(TestServer.JSON.readTree(response.body()).get("accepted").asLong());
                }
            } catch (Exception serverGone) {
                return;
            }
        }
    }

}
