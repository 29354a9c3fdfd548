package dev.rounds.ingest.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.ingest.Ping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Committed pings cross a partitioned bus that repeats messages: every ping comes out once, each
 * device's in commit order, and a damaged message is counted and skipped.
 */
final class PingBusTest {
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void everyPingArrivesOncePerDeviceInCommitOrderDespiteRepeats() {
        try (InProcessPingBus inner = new InProcessPingBus(4)) {
            RepeatingBus bus = new RepeatingBus(inner, new Random(11));
            Map<String, List<Ping>> received = new HashMap<>();
            BusSubscriber subscriber = BusSubscriber.attach(bus, pings -> {
                synchronized (received) {
                    pings.forEach(p -> received.computeIfAbsent(p.deviceId(), d -> new ArrayList<>()).add(p));
                }
            });
            BusPublisher publisher = new BusPublisher(bus);
            Map<String, List<Ping>> committed = new HashMap<>();
            Random random = new Random(5);
            for (int batch = 0; batch < 200; batch++) {
                List<Ping> pings = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(30); i++) {
                    String device = "phone-" + random.nextInt(13);
                    Instant time = T0.plusSeconds(batch * 100L + i).plusNanos(random.nextInt(1000));
                    pings.add(Ping.builder(device, time, 45 + random.nextDouble(), 19 + random.nextDouble()).build());
                }
                publisher.accept(pings);
                pings.forEach(p -> committed.computeIfAbsent(p.deviceId(), d -> new ArrayList<>()).add(p));
            }
            inner.drain();
            assertThat(bus.repeats).isGreaterThan(20);
            assertThat(received).isEqualTo(committed);
            assertThat(subscriber.counters()).containsEntry("bus_repeated_pings", (long) bus.repeatedPings)
                    .containsEntry("bus_damaged_messages", 0L);
            assertThat(publisher.counters().get("bus_messages_sent")).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void aDamagedMessageIsCountedAndTheNextStillArrives() {
        try (InProcessPingBus bus = new InProcessPingBus(1)) {
            List<Ping> received = Collections.synchronizedList(new ArrayList<>());
            BusSubscriber subscriber = BusSubscriber.attach(bus, received::addAll);
            Ping ping = Ping.builder("a", T0, 1, 2).build();
            bus.send(0, new byte[] {PingWire.FORMAT, 0, 0});
            bus.send(0, PingWire.encode(List.of(ping)));
            bus.drain();
            assertThat(received).containsExactly(ping);
            assertThat(subscriber.counters()).containsEntry("bus_damaged_messages", 1L);
        }
    }

    @Test
    void aDeviceAlwaysMapsToTheSamePartition() {
        assertThat(DevicePartitions.of("ben-phone", 8)).isEqualTo(DevicePartitions.of(new String("ben-phone"), 8))
                .isBetween(0, 7);
        assertThat(DevicePartitions.of("x", 1)).isZero();
        assertThatThrownBy(() -> DevicePartitions.of("x", 0)).hasMessageContaining("at least 1 partition");
        assertThatThrownBy(() -> new InProcessPingBus(2).send(2, new byte[0])).hasMessageContaining("outside 0..1");
    }

    /** A bus that sends about one message in four a second time, later, as a broker may after a failover. */
    private static final class RepeatingBus implements PingBus {
        private final PingBus inner;
        private final Random random;
        private final Map<Integer, byte[]> pending = new HashMap<>();
        int repeats;
        int repeatedPings;

        RepeatingBus(PingBus inner, Random random) {
            this.inner = inner;
            this.random = random;
        }

        @Override
        public int partitions() {
            return inner.partitions();
        }

        @Override
        public synchronized void send(int partition, byte[] message) {
            inner.send(partition, message);
            byte[] earlier = pending.remove(partition);
            if (earlier != null) {
                inner.send(partition, earlier);
                repeats++;
                repeatedPings += PingWire.decode(earlier).size();
            }
            if (random.nextInt(4) == 0) {
                pending.put(partition, message);
            }
        }

        @Override
        public void subscribe(PartitionHandler handler) {
            inner.subscribe(handler);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
