package dev.rounds.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rounds.ingest.protocol.OsmAndDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field by field checks of the OsmAnd decoder: units, time formats, alarms, extras, refusals. */
final class OsmAndDecoderTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final OsmAndDecoder decoder = new OsmAndDecoder(Clock.fixed(NOW, ZoneOffset.UTC));

    private Ping single(String uri) {
        DecodedMessage message = decoder.decode(DeviceRequest.of("GET", uri, Map.of(), null));
        assertThat(message.pings()).hasSize(1);
        return message.pings().get(0);
    }

    @Test
    void convertsKnotsAndReadsEveryField() {
        Ping ping = single("/?id=7&lat=48.1&lon=11.5&timestamp=1377177267&speed=10&bearing=90"
                + "&altitude=500&accuracy=12&batt=55&hdop=1.2&key=secret");
        assertThat(ping.deviceId()).isEqualTo("7");
        assertThat(ping.fixTime()).isEqualTo(Instant.ofEpochSecond(1377177267));
        assertThat(ping.speedMetersPerSecond()).isCloseTo(5.1444, within(1e-3));
        assertThat(ping.bearingDegrees()).isEqualTo(90.0);
        assertThat(ping.altitudeMeters()).isEqualTo(500.0);
        assertThat(ping.accuracyMeters()).isEqualTo(12.0);
        assertThat(ping.batteryPercent()).isEqualTo(55.0);
        assertThat(ping.attributes()).containsEntry("hdop", "1.2").doesNotContainKey("key");
    }

    @Test
    void readsTimesInSecondsMillisecondsIsoAndZonelessForm() {
        assertThat(single("/?id=1&lat=1&lon=1&timestamp=1442068686579").fixTime())
                .isEqualTo(Instant.ofEpochMilli(1442068686579L));
        assertThat(single("/?id=1&lat=1&lon=1&timestamp=2016-01-27T18%3A55%3A47Z").fixTime())
                .isEqualTo(Instant.parse("2016-01-27T18:55:47Z"));
        assertThat(single("/?id=1&lat=1&lon=1&timestamp=2014-06-04+09%3A10%3A11").fixTime())
                .isEqualTo(Instant.parse("2014-06-04T09:10:11Z"));
        assertThat(single("/?id=1&lat=1&lon=1").fixTime()).isEqualTo(NOW);
    }

    @Test
    void readsLocationPairHeadingAndSos() {
        Ping ping = single("/?deviceid=9&location=60.5,30.25&heading=45&alarm=sos&ignition=true");
        assertThat(ping.latitude()).isEqualTo(60.5);
        assertThat(ping.longitude()).isEqualTo(30.25);
        assertThat(ping.bearingDegrees()).isEqualTo(45.0);
        assertThat(ping.alarm()).isEqualTo(Alarm.SOS);
        assertThat(ping.attributes()).containsEntry("ignition", "true");
    }

    @Test
    void readsFormBodies() {
        byte[] body = "id=5&lat=10&lon=20&timestamp=1377177267".getBytes(StandardCharsets.UTF_8);
        DecodedMessage message = decoder.decode(DeviceRequest.of("POST", "/",
                Map.of("content-type", "application/x-www-form-urlencoded"), body));
        assertThat(message.pings()).singleElement().satisfies(p -> assertThat(p.longitude()).isEqualTo(20.0));
    }

    @Test
    void refusesWithReasons() {
        assertRefused("/?lat=1&lon=2", DropReason.MISSING_DEVICE);
        assertRefused("/?id=1&lat=abc&lon=2", DropReason.MALFORMED_FIELD);
        assertRefused("/?id=1&lat=1", DropReason.MISSING_FIELD);
        assertRefused("/?id=1&lat=1&lon=2&timestamp=yesterday", DropReason.MALFORMED_FIELD);
        assertRefused("/?id=1&lat=%zz&lon=2", DropReason.MALFORMED_FIELD);
    }

    @Test
    void refusesBrokenJsonBody() {
        byte[] body = "{\"device_id\":\"1\",\"location\":{\"coords\":{}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decoder.decode(DeviceRequest.of("POST", "/", Map.of("Content-Type", "application/json"), body)))
                .isInstanceOfSatisfying(MessageRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DropReason.MALFORMED_BODY));
    }

    private void assertRefused(String uri, DropReason reason) {
        assertThatThrownBy(() -> decoder.decode(DeviceRequest.of("GET", uri, Map.of(), null)))
                .as(uri)
                .isInstanceOfSatisfying(MessageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
