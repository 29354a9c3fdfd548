package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.RoundsStores;
import dev.rounds.storage.StorageConfig;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors are JSON {code, message, details} with the right status; a refused request writes
 * nothing; an accepted one is committed before the answer.
 */
final class ErrorsAndSafetyTest {
    @TempDir
    Path dataDirectory;
    TestServer server;
    String admin;
    TestServer.Fixture phone;

    @BeforeEach
    void start() {
        server = new TestServer(dataDirectory, new ServerConfig.Limits(4096, 50, 1.0, 3, 1000.0, 100_000, 1000, 5));
        admin = server.adminAuth();
        phone = server.patrollerOnShift(admin, "Ann", "ann-phone");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertError(TestServer.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("details").isObject()).isTrue();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private long stored() {
        return server.server.store().countPings();
    }

    @Test
    void answersBadRequestsWithJsonErrors() {
        assertError(server.send("GET", "/api/v1/nothing", admin, null, null), 404, "not_found");
        assertError(server.send("GET", "/api/v1/shifts/999", admin, null, null), 404, "not_found");
        assertError(server.send("GET", "/api/v1/shifts/abc", admin, null, null), 400, "bad_id");
        assertError(server.send("POST", "/api/v1/patrollers", admin, "application/json", "{\"name\":".getBytes(StandardCharsets.UTF_8)),
                400, "malformed_json");
        assertError(server.json("POST", "/api/v1/patrollers", admin, Map.of("nmae", "x")), 400, "unknown_field");
        assertError(server.json("POST", "/api/v1/patrollers", admin, Map.of()), 400, "missing_field");
        assertError(server.json("POST", "/api/v1/devices", admin, Map.of("id", "ann-phone")), 409, "conflict");
        assertError(server.json("POST", "/api/v1/users", admin, Map.of("username", "x", "password", "p", "role", "boss")),
                400, "invalid");
        assertError(server.json("POST", "/api/v1/login", null, Map.of("username", "admin", "password", "wrong")),
                401, "unauthorized");
        assertError(server.send("GET", "/osmand?lat=1&lon=2", null, null, null), 400, "missing_device");
    }

    @Test
    void refusesOversizedBodiesWithOrWithoutLength() {
        byte[] big = ("{\"name\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertError(server.send("POST", "/api/v1/patrollers", admin, "application/json", big), 413, "payload_too_large");
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/pings/batch"))
                .header("Authorization", TestServer.basic(phone.deviceId(), phone.token()))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        assertError(server.send(chunked), 413, "payload_too_large");
        assertThat(stored()).isZero();
    }

    @Test
    void refusedDeviceRequestsWriteNothing() {
        String good = "{\"deviceId\":\"ann-phone\",\"pings\":[{\"time\":\"2026-11-29T10:00:00Z\",\"lat\":1,\"lon\":2}";
        assertError(server.send("POST", "/api/v1/pings/batch", TestServer.basic("ann-phone", "wrong"), "application/json",
                (good + "]}").getBytes(StandardCharsets.UTF_8)), 401, "unauthorized");
        assertError(server.send("POST", "/api/v1/pings/batch", TestServer.basic("ann-phone", phone.token()), "application/json",
                (good + ",{\"time\":\"2026-11-29T10:00:01Z\",\"lat\":\"north\",\"lon\":2}]}").getBytes(StandardCharsets.UTF_8)),
                400, "malformed_field");
        TestServer.Fixture other = server.patrollerOnShift(admin, "Bob", "bob-phone");
        assertError(server.send("POST", "/api/v1/pings/batch", TestServer.basic("bob-phone", other.token()), "application/json",
                (good + "]}").getBytes(StandardCharsets.UTF_8)), 403, "forbidden");
        assertError(server.send("GET", "/osmand?id=ann-phone&lat=1&lon=2&key=" + other.token(), null, null, null),
                401, "unauthorized");
        assertError(server.send("POST", "/owntracks", null, "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                401, "unauthorized");
        assertThat(stored()).isZero();
        assertThat(server.send("GET", "/metrics", null, null, null).body())
                .contains("rounds_device_requests_refused_total{reason=\"auth_failures\"} 3");
    }

    @Test
    void limitsEachDeviceAndStoresNothingOverTheLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(server.send("GET", "/osmand?id=ann-phone&lat=1&lon=2&timestamp=" + (1_700_000_000 + i)
                    + "&key=" + phone.token(), null, null, null).status()).isEqualTo(200);
        }
        TestServer.Answer limited = server.send("GET", "/osmand?id=ann-phone&lat=1&lon=2&timestamp=1700000009&key="
                + phone.token(), null, null, null);
        assertError(limited, 429, "rate_limited");
        assertThat(limited.headers().get("retry-after")).containsExactly("1");
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void anAddressWithTooManyFailedDeviceLoginsIsRefusedBeforeStorageIsAsked() {
        for (int i = 0; i < 5; i++) {
            assertError(server.send("GET", "/osmand?id=ann-phone&lat=1&lon=2&key=guess" + i, null, null, null),
                    401, "unauthorized");
        }
        assertError(server.send("GET", "/osmand?id=ann-phone&lat=1&lon=2&key=" + phone.token(), null, null, null),
                429, "rate_limited");
        assertThat(stored()).isZero();
    }

    @Test
    void acceptedPingsAreCommittedBeforeTheAnswer() {
        TestServer.Answer answer = server.send("POST", "/api/v1/pings/batch", TestServer.basic("ann-phone", phone.token()),
                "application/json", ("{\"deviceId\":\"ann-phone\",\"pings\":[{\"time\":\"2026-11-29T10:00:00Z\",\"lat\":1,\"lon\":2},"
                        + "{\"time\":\"2026-11-29T10:00:01Z\",\"lat\":1,\"lon\":2}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        server.close();
        try (RoundsStore reopened = RoundsStores.open(new StorageConfig(null, null, null, null, dataDirectory, 2, 4),
                Clock.systemUTC())) {
            assertThat(reopened.pingsOfShift(phone.shiftId(), 10)).hasSize(2);
        }
        server = new TestServer(dataDirectory);
        assertThat(server.console).doesNotContain("Created user");
    }

    @Test
    void unexpectedFailuresAreAGeneric500() {
        server.server.store().close();
        TestServer.Answer answer = server.send("GET", "/api/v1/patrollers", admin, null, null);
        assertError(answer, 500, "internal_error");
        assertThat(answer.json().get("details").get("incident").asText()).hasSize(36);
        assertThat(answer.body()).doesNotContain("Hikari").doesNotContain("SQL");
    }

    @Test
    void anOsmAndPingWhoseCommitFailsIsAnsweredWithAGeneric500NotAccepted() {
        String ping = "/?id=ann-phone&lat=48.2&lon=16.37&key=" + phone.token() + "&timestamp=";
        assertThat(server.sendTo(URI.create(server.osmandBase() + ping + "1764400000"), "GET", null, null, null).status())
                .isEqualTo(200); // the device's credentials are now trusted for a while, without storage
        server.server.store().close();
        TestServer.Answer answer = server.sendTo(URI.create(server.osmandBase() + ping + "1764400010"), "GET", null, null, null);
        assertError(answer, 500, "internal_error");
        assertThat(answer.body()).doesNotContain("SQL");
    }

    @Test
    void firstStartCreatesTheAdminFromTheEnvironment() {
        assertThat(server.console).contains("Created user 'admin' with the password from ROUNDS_ADMIN_PASSWORD");
        assertThat(server.json("GET", "/api/v1/me", admin, null).json().get("role").asText()).isEqualTo("admin");
        assertThat(List.of(server.send("GET", "/health", null, null, null).status())).containsExactly(200);
    }
}
