package dev.rounds.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Base64;
import java.util.Map;

/** A real server on free ports with embedded H2 in a temporary folder, and a small HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Generous limits, so that tests are not rate limited. */
    static final ServerConfig.Limits TEST_LIMITS = new ServerConfig.Limits(4096, 1000, 100.0, 100_000, 1000.0, 100_000, 1000, 1000);

    final RoundsServer server;
    final Path dataDirectory;
    final String console;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestServer(Path dataDirectory) {
        this(dataDirectory, TEST_LIMITS);
    }

    TestServer(Path dataDirectory, ServerConfig.Limits limits) {
        this(dataDirectory, limits, ServerConfig.Pipeline.direct());
    }

    /** A server whose live patrol gets stored pings as {@code pipeline} says (directly or over a bus). */
    TestServer(Path dataDirectory, ServerConfig.Pipeline pipeline) {
        this(dataDirectory, TEST_LIMITS, pipeline);
    }

    TestServer(Path dataDirectory, ServerConfig.Limits limits, ServerConfig.Pipeline pipeline) {
        this.dataDirectory = dataDirectory;
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(new ServerConfig.Http("127.0.0.1", 0), new ServerConfig.OsmAnd(true, 0),
                new ServerConfig.Storage(dataDirectory.toString(), null, null, null, null, 4), limits,
                defaults.plausibility(), new ServerConfig.Security(1, 4, false, 60), ServerConfig.Alerts.defaults(),
                pipeline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        this.server = RoundsServer.start(config, Map.of("ROUNDS_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Clock.fixed(NOW, ZoneOffset.UTC), new PrintStream(out, true, StandardCharsets.UTF_8));
        this.console = out.toString(StandardCharsets.UTF_8);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    String osmandBase() {
        return "http://127.0.0.1:" + server.osmandPort();
    }

    /** A request to the main port; {@code auth} is a full Authorization header value or null. */
    Answer send(String method, String path, String auth, String contentType, byte[] body) {
        return sendTo(URI.create(base() + path), method, auth, contentType, body);
    }

    Answer sendTo(URI uri, String method, String auth, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    /** For a stream (server-sent events): the status and headers, then the connection is dropped. */
    Answer headersOnly(String path, String auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET()
                .header("Accept", "text/event-stream");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            HttpResponse<java.io.InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String body = response.statusCode() == 200 ? "" : new String(response.body().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            response.body().close();
            return new Answer(response.statusCode(), body, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer json(String method, String path, String auth, Object body) {
        try {
            return send(method, path, auth, "application/json", body == null ? null : JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs in and returns the bearer header value. */
    String login(String username, String password) {
        Answer answer = json("POST", "/api/v1/login", null, Map.of("username", username, "password", password));
        if (answer.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + answer);
        }
        return "Bearer " + answer.json().get("token").asText();
    }

    /** Waits up to 60 s for a planning job to finish; answers its status, which must be "done". */
    JsonNode awaitPlan(long job, String auth) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode status = send("GET", "/api/v1/plan-jobs/" + job, auth, null, null).json();
            if (!status.path("state").asText().equals("running")) {
                if (!status.path("state").asText().equals("done")) {
                    throw new AssertionError("planning ended " + status);
                }
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("planning did not finish in 60 s");
    }

    String adminAuth() {
        return login("admin", ADMIN_PASSWORD);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a patroller with a device and an open shift since 2010; returns the device token. */
    Fixture patrollerOnShift(String admin, String name, String deviceId) {
        long patroller = json("POST", "/api/v1/patrollers", admin, Map.of("name", name)).created().get("id").asLong();
        String token = json("POST", "/api/v1/devices", admin, Map.of("id", deviceId, "patrollerId", patroller))
                .created().get("token").asText();
        long shift = json("POST", "/api/v1/shifts", admin,
                Map.of("patrollerId", patroller, "beat", "north", "startsAt", "2010-01-01T00:00:00Z")).created().get("id").asLong();
        return new Fixture(patroller, deviceId, token, shift);
    }

    /**
     * A patroller on shift with a device.
     *
     * @param patrollerId patroller
     * @param deviceId device
     * @param token device token
     * @param shiftId open shift
     */
    record Fixture(long patrollerId, String deviceId, String token, long shiftId) {
    }

    /**
     * An HTTP answer.
     *
     * @param status status code
     * @param body body text
     * @param headers headers
     */
    record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        JsonNode created() {
            if (status != 201) {
                throw new AssertionError("expected 201, got " + this);
            }
            return json();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
