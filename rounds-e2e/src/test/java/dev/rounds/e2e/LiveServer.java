package dev.rounds.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.server.RoundsServer;
import dev.rounds.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A real Rounds server on free ports with embedded H2 in a temporary folder and a fixed clock, and a
 * small HTTP client for what the browser tests do behind the page's back (a phone's OsmAnd requests,
 * reading the plan's round to walk).
 */
final class LiveServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final ObjectMapper JSON = new ObjectMapper();

    final RoundsServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    LiveServer(Path dataDirectory, Instant now) {
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(new ServerConfig.Http("127.0.0.1", 0), new ServerConfig.OsmAnd(true, 0),
                new ServerConfig.Storage(dataDirectory.toString(), null, null, null, null, 4),
                new ServerConfig.Limits(4096, 1000, 100.0, 100_000, 1000.0, 100_000, 1000, 1000),
                defaults.plausibility(), new ServerConfig.Security(1, 4, false, 60), ServerConfig.Alerts.defaults());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.server = RoundsServer.start(config, Map.of("ROUNDS_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Clock.fixed(now, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A GET or POST with a bearer token; answers the status and body, failing on transport errors. */
    HttpResponse<String> send(String method, String url, String bearer, Object json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base() + url));
        try {
            builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String method, String path, String bearer, Object body) {
        HttpResponse<String> answer = send(method, path, bearer, body);
        if (answer.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    /** Uploads a map file as a new area; answers the area's JSON. */
    JsonNode upload(Path map, String bearer) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/areas?name=" + map.getFileName() + "&profile=foot"))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(map)).build();
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new AssertionError("upload of " + map + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a planning job to finish and answers its plan id. */
    String awaitPlan(long job, String bearer, java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = json("GET", "/api/v1/plan-jobs/" + job, bearer, null);
            if (!status.path("state").asText().equals("running")) {
                if (!status.path("state").asText().equals("done")) {
                    throw new AssertionError("planning failed: " + status);
                }
                return status.path("result").path("planId").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("planning did not finish within " + limit);
    }

    /** Logs in through the API and returns the bearer token. */
    String login(String username, String password) {
        return json("POST", "/api/v1/login", null, Map.of("username", username, "password", password)).path("token").asText();
    }

    /** One phone request to the OsmAnd port, as Traccar Client sends it. */
    int osmand(String query) {
        return send("GET", "http://127.0.0.1:" + server.osmandPort() + "/?" + query, null, null).statusCode();
    }

    @Override
    public void close() {
        server.close();
    }
}
