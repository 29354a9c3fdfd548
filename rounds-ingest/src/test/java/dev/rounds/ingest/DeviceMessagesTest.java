package dev.rounds.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.ingest.protocol.OsmAndDecoder;
import dev.rounds.ingest.protocol.OwnTracksDecoder;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real device message in the shared data is decoded, or refused, as its {@code expect} says. */
final class DeviceMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> messages() throws IOException {
        List<Arguments> all = new ArrayList<>();
        addFile(all, "devices/osmand-messages.jsonl", new OsmAndDecoder(CLOCK));
        addFile(all, "devices/owntracks-messages.jsonl", new OwnTracksDecoder());
        return all.stream();
    }

    private static void addFile(List<Arguments> all, String name, PingDecoder decoder) throws IOException {
        Path file = TestData.file(name);
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(name).isNotEmpty();
        for (int i = 0; i < lines.size(); i++) {
            all.add(Arguments.of(name + ":" + (i + 1), decoder, JSON.readTree(lines.get(i))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesOrRefusesAsExpected(String where, PingDecoder decoder, JsonNode message) {
        DeviceRequest request = toRequest(message);
        String expect = message.get("expect").asText();
        switch (expect) {
            case "verifyNull" -> assertThatThrownBy(() -> decoder.decode(request))
                    .isInstanceOf(MessageRefusedException.class);
            case "verifyNotNull" -> assertThat(decoder.decode(request).deviceId()).isNotBlank();
            case "verifyPosition" -> assertPlausiblePosition(decoder.decode(request));
            case "verifyAttribute" -> assertExtrasKept(decoder.decode(request), message);
            default -> throw new AssertionError("unknown expectation '" + expect + "' in " + where);
        }
    }

    private static void assertPlausiblePosition(DecodedMessage decoded) {
        assertThat(decoded.pings()).hasSize(1);
        Ping ping = decoded.pings().get(0);
        assertThat(ping.deviceId()).isEqualTo(decoded.deviceId()).isNotBlank();
        assertThat(ping.latitude()).isBetween(-90.0, 90.0);
        assertThat(ping.longitude()).isBetween(-180.0, 180.0);
        assertThat(ping.latitude() != 0 || ping.longitude() != 0).isTrue();
        assertThat(ping.fixTime()).isBefore(CLOCK.instant().plusSeconds(1)).isAfter(Instant.parse("2010-01-01T00:00:00Z"));
    }

    private static void assertExtrasKept(DecodedMessage decoded, JsonNode message) {
        assertPlausiblePosition(decoded);
        JsonNode extras = parse(message.get("body").asText()).path("location").path("extras");
        assertThat(extras.size()).isPositive();
        Map<String, Object> attributes = decoded.pings().get(0).attributes();
        extras.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            Object expected = v.isBoolean() ? (Object) v.booleanValue()
                    : v.isIntegralNumber() ? (Object) v.longValue()
                    : v.isNumber() ? (Object) v.doubleValue() : v.asText();
            assertThat(attributes).containsEntry(e.getKey(), expected);
        });
    }

    static DeviceRequest toRequest(JsonNode message) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode list = message.path("headers");
        for (int i = 0; i + 1 < list.size(); i += 2) {
            headers.put(list.get(i).asText(), list.get(i + 1).asText());
        }
        byte[] body = message.has("body") ? message.get("body").asText().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return DeviceRequest.of(message.get("method").asText(), message.get("uri").asText(), headers, body);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDataHoldsEveryKindOfExpectation() throws IOException {
        List<String> expectations = messages().map(a -> ((JsonNode) a.get()[2]).get("expect").asText()).distinct().toList();
        assertThat(expectations).contains("verifyNull", "verifyNotNull", "verifyPosition", "verifyAttribute");
    }
}
