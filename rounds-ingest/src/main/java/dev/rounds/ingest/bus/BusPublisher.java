package dev.rounds.ingest.bus;

import dev.rounds.ingest.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Puts committed pings on a {@link PingBus}: one message per partition that a batch touches, each
 * ping in its device's partition, in the order given. Hand it only stored pings (the ingest
 * pipeline's patrol stage does, after the batch committed).
 */
public final class BusPublisher implements Consumer<List<Ping>> {
    private final PingBus bus;
    private final LongAdder messages = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    public BusPublisher(PingBus bus) {
        this.bus = bus;
    }

    @Override
    public void accept(List<Ping> committed) {
        List<List<Ping>> byPartition = new ArrayList<>();
        for (int p = 0; p < bus.partitions(); p++) {
            byPartition.add(new ArrayList<>());
        }
        for (Ping ping : committed) {
            byPartition.get(DevicePartitions.of(ping.deviceId(), bus.partitions())).add(ping);
        }
        for (int p = 0; p < byPartition.size(); p++) {
            if (!byPartition.get(p).isEmpty()) {
                byte[] message = PingWire.encode(byPartition.get(p));
                bus.send(p, message);
                messages.increment();
                bytes.add(message.length);
            }
        }
    }

    /** Messages and bytes sent. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        counters.put("bus_messages_sent", messages.sum());
        counters.put("bus_bytes_sent", bytes.sum());
        return counters;
    }
}
