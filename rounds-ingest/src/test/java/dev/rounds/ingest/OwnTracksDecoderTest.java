package dev.rounds.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rounds.ingest.protocol.OwnTracksDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OwnTracks: units, the order in which the device is found, and non-location messages. */
final class OwnTracksDecoderTest {
    private final OwnTracksDecoder decoder = new OwnTracksDecoder();
    private static final String LOCATION =
            "{\"_type\":\"location\",\"lat\":46.5,\"lon\":11.25,\"tst\":1551874878,\"acc\":15,\"vel\":36,"
            + "\"cog\":271,\"alt\":440,\"batt\":46,\"tid\":\"5t\",\"topic\":\"owntracks/ann/phone\",\"conn\":\"w\"}";

    private DecodedMessage decode(String uri, Map<String, String> headers, String body) {
        return decoder.decode(DeviceRequest.of("POST", uri, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsUnits() {
        Ping ping = decode("/owntracks", Map.of(), LOCATION).pings().get(0);
        assertThat(ping.fixTime()).isEqualTo(Instant.ofEpochSecond(1551874878));
        assertThat(ping.speedMetersPerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(ping.accuracyMeters()).isEqualTo(15.0);
        assertThat(ping.bearingDegrees()).isEqualTo(271.0);
        assertThat(ping.batteryPercent()).isEqualTo(46.0);
        assertThat(ping.attributes()).containsEntry("conn", "w").containsEntry("tid", "5t");
    }

    @Test
    void findsTheDeviceInHeadersThenQueryThenTopicThenTid() {
        assertThat(decode("/", Map.of("x-limit-u", "bob", "X-Limit-D", "tab"), LOCATION).deviceId()).isEqualTo("bob/tab");
        assertThat(decode("/?u=cy&d=pad", Map.of(), LOCATION).deviceId()).isEqualTo("cy/pad");
        assertThat(decode("/", Map.of(), LOCATION).deviceId()).isEqualTo("ann/phone");
        assertThat(decode("/", Map.of(), LOCATION.replace(",\"topic\":\"owntracks/ann/phone\"", "")).deviceId())
                .isEqualTo("5t");
    }

    @Test
    void otherMessageTypesCarryNoPing() {
        DecodedMessage message = decode("/?u=a&d=b", Map.of(), "{\"_type\":\"transition\",\"event\":\"enter\"}");
        assertThat(message.pings()).isEmpty();
        assertThat(message.deviceId()).isEqualTo("a/b");
    }
}
