package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.server.web.Endpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks every endpoint the server registers with every kind of caller (nobody, each role, a device)
 * and checks who gets in: a caller without credentials gets 401, a role not allowed gets 403,
 * everyone else gets past the gate. The expected table is written here by hand, not read from
 * the server, and must name exactly the endpoints the server has.
 */
final class AuthMatrixTest {
    enum Caller { NOBODY, ADMIN, SUPERVISOR, PATROLLER, DEVICE }

    private static final Set<Caller> PUBLIC = EnumSet.allOf(Caller.class);
    private static final Set<Caller> USERS = EnumSet.of(Caller.ADMIN, Caller.SUPERVISOR, Caller.PATROLLER);
    private static final Set<Caller> PATROLLERS = EnumSet.of(Caller.PATROLLER);
    private static final Set<Caller> STAFF = EnumSet.of(Caller.ADMIN, Caller.SUPERVISOR);
    private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
    private static final Set<Caller> DEVICE = EnumSet.of(Caller.DEVICE);

    private static final Map<String, Set<Caller>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /health", PUBLIC);
        EXPECTED.put("GET /metrics", PUBLIC);
        EXPECTED.put("GET /api/v1/openapi.json", PUBLIC);
        EXPECTED.put("POST /api/v1/login", PUBLIC);
        EXPECTED.put("POST /api/v1/logout", USERS);
        EXPECTED.put("GET /api/v1/me", USERS);
        EXPECTED.put("GET /api/v1/users", ADMIN);
        EXPECTED.put("POST /api/v1/users", ADMIN);
        EXPECTED.put("GET /api/v1/patrollers", USERS);
        EXPECTED.put("POST /api/v1/patrollers", STAFF);
        EXPECTED.put("GET /api/v1/patrollers/{id}", USERS);
        EXPECTED.put("GET /api/v1/devices", USERS);
        EXPECTED.put("POST /api/v1/devices", STAFF);
        EXPECTED.put("GET /api/v1/shifts", USERS);
        EXPECTED.put("POST /api/v1/shifts", STAFF);
        EXPECTED.put("GET /api/v1/shifts/{id}", USERS);
        EXPECTED.put("POST /api/v1/shifts/{id}/end", STAFF);
        EXPECTED.put("GET /api/v1/shifts/{id}/pings", USERS);
        EXPECTED.put("POST /api/v1/shifts/{id}/gpx", USERS);
        EXPECTED.put("GET /api/v1/setup", STAFF);
        EXPECTED.put("GET /osmand", DEVICE);
        EXPECTED.put("POST /osmand", DEVICE);
        EXPECTED.put("POST /owntracks", DEVICE);
        EXPECTED.put("POST /api/v1/pings/batch", DEVICE);
        EXPECTED.put("GET /api/v1/areas", STAFF);
        EXPECTED.put("POST /api/v1/areas", STAFF);
        EXPECTED.put("POST /api/v1/areas/town", STAFF);
        EXPECTED.put("POST /api/v1/areas/{id}/plans", STAFF);
        EXPECTED.put("GET /api/v1/plan-jobs/{id}", STAFF);
        EXPECTED.put("GET /api/v1/plans/{id}", USERS);
        EXPECTED.put("GET /api/v1/plans/{id}/{file}", USERS);
        EXPECTED.put("POST /api/v1/plans/{id}/activate", STAFF);
        EXPECTED.put("GET /api/v1/live/state", USERS);
        EXPECTED.put("GET /api/v1/live/events", USERS);
        EXPECTED.put("GET /api/v1/live/streets/{edge}", USERS);
        EXPECTED.put("GET /api/v1/live/patrollers/{id}", USERS);
        EXPECTED.put("GET /api/v1/coverage", USERS);
        EXPECTED.put("GET /api/v1/progress", USERS);
        EXPECTED.put("GET /api/v1/alerts", USERS);
        EXPECTED.put("POST /api/v1/alerts/{id}/ack", STAFF);
        EXPECTED.put("POST /api/v1/alerts/ack", STAFF);
        EXPECTED.put("POST /api/v1/qr", STAFF);
        EXPECTED.put("GET /api/v1/reports", STAFF);
        EXPECTED.put("GET /c/{code}", PUBLIC);
        EXPECTED.put("GET /api/v1/checkpoints", USERS);
        EXPECTED.put("POST /api/v1/checkpoints", STAFF);
        EXPECTED.put("DELETE /api/v1/checkpoints/{id}", STAFF);
        EXPECTED.put("GET /api/v1/checkpoints/sheet.pdf", STAFF);
        EXPECTED.put("GET /api/v1/checkpoint-tours", USERS);
        EXPECTED.put("PUT /api/v1/checkpoint-tours/{beat}", STAFF);
        EXPECTED.put("POST /api/v1/checkpoint-visits", PATROLLERS);
        EXPECTED.put("GET /api/v1/observation-categories", USERS);
        EXPECTED.put("PUT /api/v1/observation-categories", ADMIN);
        EXPECTED.put("POST /api/v1/observations", PATROLLERS);
        EXPECTED.put("GET /api/v1/observations", USERS);
        EXPECTED.put("GET /api/v1/observations/{id}/photo", USERS);
        EXPECTED.put("GET /api/v1/me/shift", PATROLLERS);
        EXPECTED.put("POST /api/v1/me/check", PATROLLERS);
        EXPECTED.put("GET /api/v1/me/positions", PATROLLERS);
        EXPECTED.put("POST /api/v1/sos", PATROLLERS);
        EXPECTED.put("GET /api/v1/audit", ADMIN);
    }

    /** An area to plan, made once. */
    static long areaId;

    @TempDir
    static Path dataDirectory;
    static TestServer server;
    static TestServer.Fixture own;
    static final AtomicInteger COUNTER = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = new TestServer(dataDirectory);
        String admin = server.adminAuth();
        own = server.patrollerOnShift(admin, "Pat", "pat-phone");
        server.json("POST", "/api/v1/users", admin, Map.of("username", "sue", "password", "supervisor-1", "role", "supervisor"));
        server.json("POST", "/api/v1/users", admin, Map.of("username", "pat", "password", "patroller-1", "role", "patroller",
                "patrollerId", own.patrollerId()));
        areaId = server.json("POST", "/api/v1/areas/town", admin, Map.of("seed", 1)).created().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String key(Endpoint endpoint) {
        return endpoint.method().name() + " " + endpoint.path();
    }

    @Test
    void theTableNamesExactlyTheServersEndpoints() {
        assertThat(server.server.endpoints().stream().map(AuthMatrixTest::key).collect(Collectors.toSet()))
                .isEqualTo(EXPECTED.keySet());
    }

    @Test
    void everyEndpointLetsInExactlyItsCallers() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : server.server.endpoints()) {
            for (Caller caller : Caller.values()) {
                boolean allowed = EXPECTED.get(key(endpoint)).contains(caller);
                TestServer.Answer answer = call(endpoint, caller);
                int status = answer.status();
                boolean ok = allowed ? status != 401 && status != 403 && status < 500
                        : status == (caller == Caller.NOBODY || caller == Caller.DEVICE || EXPECTED.get(key(endpoint)) == DEVICE ? 401 : 403);
                if (!ok) {
                    failures.add(key(endpoint) + " as " + caller + ": " + status + " " + answer.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static TestServer.Answer call(Endpoint endpoint, Caller caller) {
        String path = endpoint.path().replace("/patrollers/{id}", "/patrollers/" + own.patrollerId())
                .replace("/areas/{id}", "/areas/" + areaId).replace("{edge}", "0").replace("{file}", "plan.json").replace("{code}", "NOCODE").replace("{beat}", "0")
                .replace("{id}", Long.toString(freshShiftOrOwn(endpoint)));
        if (key(endpoint).equals("POST /api/v1/areas")) {
            path += "?name=m" + COUNTER.incrementAndGet() + ".geojson";
        }
        String auth = switch (caller) {
            case NOBODY -> null;
            case ADMIN -> server.adminAuth();
            case SUPERVISOR -> server.login("sue", "supervisor-1");
            case PATROLLER -> server.login("pat", "patroller-1");
            case DEVICE -> TestServer.basic(own.deviceId(), own.token());
        };
        if (endpoint.path().equals("/osmand")) {
            path += "?id=" + own.deviceId() + "&lat=48.1&lon=11.5&timestamp=" + (1_700_000_000 + COUNTER.incrementAndGet());
        }
        byte[] body = body(endpoint, caller);
        if (key(endpoint).equals("GET /api/v1/live/events")) {
            return server.headersOnly(path, auth);
        }
        return server.send(endpoint.method().name(), path, auth, body == null ? null : "application/json", body);
    }

    /** Ending a shift changes it, so each end gets a shift of its own; other calls use the patroller's shift. */
    private static long freshShiftOrOwn(Endpoint endpoint) {
        if (!endpoint.path().endsWith("/end")) {
            return own.shiftId();
        }
        String admin = server.adminAuth();
        JsonNode patroller = server.json("POST", "/api/v1/patrollers", admin, Map.of("name", "E" + COUNTER.incrementAndGet())).created();
        return server.json("POST", "/api/v1/shifts", admin, Map.of("patrollerId", patroller.get("id").asLong(), "beat", "b",
                "startsAt", "2026-01-01T00:00:00Z")).created().get("id").asLong();
    }

    private static byte[] body(Endpoint endpoint, Caller caller) {
        int n = COUNTER.incrementAndGet();
        String json = switch (key(endpoint)) {
            case "POST /api/v1/login" -> "{\"username\":\"pat\",\"password\":\"patroller-1\"}";
            case "POST /api/v1/users" -> "{\"username\":\"u" + n + "\",\"password\":\"password-" + n + "\",\"role\":\"supervisor\"}";
            case "POST /api/v1/patrollers" -> "{\"name\":\"N" + n + "\"}";
            case "POST /api/v1/devices" -> "{\"id\":\"d" + n + "\"}";
            case "POST /api/v1/shifts" -> "{\"patrollerId\":" + own.patrollerId() + ",\"beat\":\"x\",\"startsAt\":\"2009-01-01T00:00:0"
                    + (n % 10) + "Z\",\"endsAt\":\"2009-01-01T00:00:0" + (n % 10) + ".5Z\"}";
            case "POST /api/v1/shifts/{id}/end" -> "{\"endsAt\":\"2026-06-01T00:00:00Z\"}";
            case "POST /owntracks" -> "{\"_type\":\"location\",\"lat\":48.1,\"lon\":11.5,\"tst\":" + (1_700_000_000 + n) + "}";
            case "POST /api/v1/pings/batch" -> "{\"deviceId\":\"" + own.deviceId() + "\",\"pings\":[{\"time\":"
                    + (1_700_000_000 + n) + ",\"lat\":48.1,\"lon\":11.5}]}";
            case "POST /api/v1/areas" -> "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                    + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[8.0,47.0],[8.001,47.0]]}}]}";
            case "POST /api/v1/areas/town" -> "{\"seed\":" + (1000 + n) + "}";
            case "POST /api/v1/areas/{id}/plans" -> "{\"patrollers\":2}";
            case "POST /api/v1/alerts/{id}/ack" -> "{\"comment\":\"checked\"}";
            case "POST /api/v1/alerts/ack" -> "{\"ids\":[999999],\"comment\":\"checked\"}";
            case "POST /api/v1/qr" -> "{\"text\":\"hello\"}";
            default -> null;
        };
        return json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPatrollerSeesOnlyTheirOwnData() {
        String admin = server.adminAuth();
        TestServer.Fixture other = server.patrollerOnShift(admin, "Other", "other-phone");
        String pat = server.login("pat", "patroller-1");
        for (String path : List.of("/api/v1/shifts/" + other.shiftId(), "/api/v1/shifts/" + other.shiftId() + "/pings",
                "/api/v1/patrollers/" + other.patrollerId())) {
            assertThat(server.send("GET", path, pat, null, null).status()).as(path).isEqualTo(403);
            assertThat(server.send("GET", path, admin, null, null).status()).as(path).isEqualTo(200);
        }
        assertThat(server.send("GET", "/api/v1/shifts/" + own.shiftId(), pat, null, null).status()).isEqualTo(200);
        assertIds(server.send("GET", "/api/v1/shifts", pat, null, null).json(), "patrollerId", own.patrollerId());
        assertIds(server.send("GET", "/api/v1/devices", pat, null, null).json(), "patrollerId", own.patrollerId());
        assertIds(server.send("GET", "/api/v1/patrollers", pat, null, null).json(), "id", own.patrollerId());
        assertThat(server.send("GET", "/api/v1/shifts", admin, null, null).json().size()).isGreaterThan(1);
    }

    private static void assertIds(JsonNode list, String field, long expected) {
        assertThat(list.size()).isPositive();
        list.forEach(item -> assertThat(item.get(field).asLong()).isEqualTo(expected));
    }
}
