package dev.rounds.ingest.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.ingest.Alarm;
import dev.rounds.ingest.Ping;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Pings survive the bus's wire form exactly; a message in another format or damaged is refused. */
final class PingWireTest {
    @Property(tries = 300)
    void decodesExactlyWhatWasEncoded(@ForAll("batches") List<Ping> pings) {
        assertThat(PingWire.decode(PingWire.encode(pings))).isEqualTo(pings);
    }

    @Test
    void keepsNanosecondsSignedZeroAndEveryAttributeType() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("alarm", "tamper");
        attributes.put("charge", true);
        attributes.put("odometer", 123_456_789_012L);
        attributes.put("temp", -0.0);
        Ping ping = new Ping("phone-ü", Instant.parse("2026-11-29T12:00:00.123456789Z"), -0.0, 179.99999999999997,
                null, 1.5, null, -12.25, 100.0, Alarm.OTHER, attributes);
        Ping back = PingWire.decode(PingWire.encode(List.of(ping))).get(0);
        assertThat(back).isEqualTo(ping);
        assertThat(back.fixTime().getNano()).isEqualTo(123_456_789);
        assertThat(Double.doubleToRawLongBits(back.latitude())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.attributes().get("odometer")).isInstanceOf(Long.class);
        assertThat(back.attributes().get("charge")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void refusesAnotherFormatNamingBoth() {
        byte[] message = PingWire.encode(List.of(Ping.builder("a", Instant.EPOCH, 1, 2).build()));
        message[0] = 7;
        assertThatThrownBy(() -> PingWire.decode(message)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 7").hasMessageContaining("knows format 1");
    }

    @Test
    void refusesTruncatedAndTrailingBytes() {
        byte[] message = PingWire.encode(List.of(Ping.builder("a", Instant.EPOCH, 1, 2).build()));
        assertThatThrownBy(() -> PingWire.decode(Arrays.copyOf(message, message.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> PingWire.decode(Arrays.copyOf(message, message.length + 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the last ping");
    }

    @Provide
    Arbitrary<List<Ping>> batches() {
        return ping().list().ofMaxSize(20);
    }

    private static Arbitrary<Ping> ping() {
        Arbitrary<String> device = Arbitraries.strings().ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
        Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_000_000_000L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<Double> latitude = Arbitraries.doubles().between(-90, 90);
        Arbitrary<Double> longitude = Arbitraries.doubles().between(-180, 180);
        Arbitrary<Double> optional = Arbitraries.doubles().between(-1e6, 1e6).injectNull(0.4);
        Arbitrary<Alarm> alarm = Arbitraries.of(Alarm.class);
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8).map(v -> (Object) v),
                Arbitraries.of(true, false).map(v -> (Object) v), Arbitraries.longs().map(v -> (Object) v),
                Arbitraries.doubles().map(v -> (Object) v));
        Arbitrary<Map<String, Object>> attributes = Arbitraries.maps(Arbitraries.strings().alpha().ofLength(3), value)
                .ofMaxSize(3);
        return Combinators.combine(device, time, latitude, longitude, optional.list().ofSize(5), alarm, attributes)
                .as((d, t, la, lo, o, a, at) -> new Ping(d, t, la, lo, o.get(0), o.get(1), o.get(2), o.get(3), o.get(4), a, at));
    }
}
