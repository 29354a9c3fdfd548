package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.ingest.DecodedMessage;
import dev.rounds.ingest.DeviceRequest;
import dev.rounds.ingest.MessageRefusedException;
import dev.rounds.ingest.PingDecoder;
import dev.rounds.ingest.protocol.OsmAndDecoder;
import dev.rounds.ingest.protocol.OwnTracksDecoder;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real device messages sent over HTTP to a running server: refused ones get 400 and store
 * nothing, the others are answered 200 and their pings stored (once per device and fix time).
 */
final class DeviceEndpointsTest {
    @TempDir
    static Path dataDirectory;
    static TestServer server;
    static String admin;

    @BeforeAll
    static void start() {
        server = new TestServer(dataDirectory);
        admin = server.adminAuth();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JsonNode> messages(String name) throws IOException {
        List<JsonNode> messages = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(TestData.file(name))) {
            if (!line.isBlank()) {
                messages.add(TestServer.JSON.readTree(line));
            }
        }
        return messages;
    }

    private static DeviceRequest request(JsonNode message) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode list = message.path("headers");
        for (int i = 0; i + 1 < list.size(); i += 2) {
            headers.put(list.get(i).asText(), list.get(i + 1).asText());
        }
        return DeviceRequest.of(message.get("method").asText(), message.get("uri").asText(), headers, body(message));
    }

    private static byte[] body(JsonNode message) {
        return message.has("body") ? message.get("body").asText().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** What the engine alone decodes from the messages: distinct (device, fix time) with a position. */
    private static Set<String> expectedFixes(List<JsonNode> messages, PingDecoder decoder, String rebindTo) {
        Set<String> fixes = new HashSet<>();
        for (JsonNode message : messages) {
            try {
                DecodedMessage decoded = decoder.decode(request(message));
                decoded.pings().forEach(p -> fixes.add((rebindTo == null ? p.deviceId() : rebindTo) + "@" + p.fixTime()));
            } catch (MessageRefusedException refused) {
                // refused messages store nothing
            }
        }
        return fixes;
    }

    @Test
    void osmandMessagesOnTheOsmandPort() throws IOException {
        List<JsonNode> messages = messages("devices/osmand-messages.jsonl");
        PingDecoder decoder = new OsmAndDecoder(Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
        Map<String, TestServer.Fixture> devices = new LinkedHashMap<>();
        long before = server.server.store().countPings();
        for (JsonNode message : messages) {
            String deviceId;
            try {
                deviceId = decoder.decode(request(message)).deviceId();
            } catch (MessageRefusedException e) {
                deviceId = null;
            }
            TestServer.Fixture device = deviceId == null ? null
                    : devices.computeIfAbsent(deviceId, id -> server.patrollerOnShift(admin, "P" + id, id));
            String uri = message.get("uri").asText();
            String key = device == null ? "" : (uri.contains("?") ? "&" : "?") + "key=" + device.token();
            TestServer.Answer answer = server.sendTo(URI.create(server.osmandBase() + uri + key), message.get("method").asText(),
                    null, message.path("headers").size() > 1 ? message.path("headers").get(1).asText() : null, body(message));
            boolean refuse = message.get("expect").asText().equals("verifyNull");
            assertThat(answer.status()).as(uri + " -> " + answer.body()).isEqualTo(refuse ? 400 : 200);
        }
        Set<String> expected = expectedFixes(messages, decoder, null);
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(server.server.store().countPings() - before).isEqualTo(expected.size());
    }

    @Test
    void ownTracksMessagesWithBasicAuth() throws IOException {
        List<JsonNode> messages = messages("devices/owntracks-messages.jsonl");
        TestServer.Fixture phone = server.patrollerOnShift(admin, "Olga", "olga-phone");
        for (JsonNode message : messages) {
            TestServer.Answer answer = server.send("POST", "/owntracks", TestServer.basic(phone.deviceId(), phone.token()),
                    "application/json", body(message));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("[]");
        }
        Set<String> expected = expectedFixes(messages, new OwnTracksDecoder(), phone.deviceId());
        JsonNode stored = server.send("GET", "/api/v1/shifts/" + phone.shiftId() + "/pings", admin, null, null).json();
        assertThat(stored.size()).isEqualTo(expected.size()).isPositive();
        stored.forEach(p -> assertThat(p.get("ping").get("deviceId").asText()).isEqualTo("olga-phone"));
    }

    @Test
    void osmandOnTheMainPortAndTheKeyIsNotStored() {
        TestServer.Fixture phone = server.patrollerOnShift(admin, "Max", "max-phone");
        TestServer.Answer answer = server.send("GET", "/osmand?id=max-phone&lat=48.2&lon=16.37&timestamp=1764400000"
                + "&speed=2&alarm=sos&key=" + phone.token(), null, null, null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode pings = server.send("GET", "/api/v1/shifts/" + phone.shiftId() + "/pings", admin, null, null).json();
        assertThat(pings).hasSize(1);
        JsonNode ping = pings.get(0).get("ping");
        assertThat(ping.get("alarm").asText()).isEqualTo("SOS");
        assertThat(ping.get("speedMetersPerSecond").asDouble()).isBetween(1.02, 1.03);
        assertThat(ping.get("attributes").has("key")).isFalse();
        assertThat(pings.toString()).doesNotContain(phone.token());
        JsonNode sos = null;
        for (int i = 0; i < 50 && sos == null; i++) {
            for (JsonNode alert : server.send("GET", "/api/v1/alerts", admin, null, null).json()) {
                if (alert.get("kind").asText().equals("SOS") && alert.get("shiftId").asLong() == phone.shiftId()) {
                    sos = alert;
                }
            }
            sleep(100);
        }
        assertThat(sos).as("an SOS is raised even with no plan active").isNotNull();
        assertThat(sos.get("reason").asText()).isEqualTo("SOS from Max");
        assertThat(sos.get("lat").asDouble()).isEqualTo(48.2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void setupNamesTheUrlsPhonesUse() {
        JsonNode setup = server.send("GET", "/api/v1/setup", admin, null, null).json();
        assertThat(setup.get("osmandUrl").asText()).isEqualTo(server.osmandBase() + "/");
        assertThat(setup.get("owntracksUrl").asText()).isEqualTo(server.base() + "/owntracks");
        assertThat(setup.get("batchUrl").asText()).isEqualTo(server.base() + "/api/v1/pings/batch");
    }

    @Test
    void batchUploadReportsAcceptedAndDropped() {
        TestServer.Fixture phone = server.patrollerOnShift(admin, "Bea", "bea-phone");
        Map<String, Object> batch = Map.of("deviceId", "bea-phone", "pings", List.of(
                Map.of("time", "2026-11-29T10:00:00Z", "lat", 48.1, "lon", 11.5),
                Map.of("time", "2026-11-29T10:00:05Z", "lat", 48.1, "lon", 11.5, "accuracyMeters", 5000),
                Map.of("time", "2026-11-29T10:00:00Z", "lat", 48.1, "lon", 11.5),
                Map.of("time", 1764410410000L, "lat", 48.1, "lon", 11.5)));
        TestServer.Answer answer = server.json("POST", "/api/v1/pings/batch", TestServer.basic("bea-phone", phone.token()), batch);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().get("dropped").get("poor_accuracy").asInt()).isEqualTo(1);
        assertThat(answer.json().get("dropped").get("duplicate").asInt()).isEqualTo(1);
        String metrics = server.send("GET", "/metrics", null, null, null).body();
        assertThat(metrics).contains("rounds_ingest_dropped_total{stage=\"plausibility\",reason=\"poor_accuracy\"}")
                .containsPattern("rounds_ingest_passed_total\\{stage=\"store\"} [1-9]");
    }
}
