package dev.rounds.ingest.bus;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.StageOutcome;
import dev.rounds.ingest.stages.Deduplication;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The consuming end of a {@link PingBus}: decodes each message and hands its pings on, dropping
 * pings delivered again (the bus delivers at least once), so what follows sees each stored ping
 * once per device, in its partition's order. Each partition has its own memory of recent fixes, as
 * a consumer on another machine would.
 */
public final class BusSubscriber implements PingBus.PartitionHandler {
    /** Fix times remembered per device to recognise a message delivered again. */
    static final int REMEMBERED_PER_DEVICE = 4096;

    private final Consumer<List<Ping>> downstream;
    private final Deduplication[] seen;
    private final LongAdder pings = new LongAdder();
    private final LongAdder repeated = new LongAdder();
    private final LongAdder damaged = new LongAdder();

    private BusSubscriber(int partitions, Consumer<List<Ping>> downstream) {
        this.downstream = downstream;
        this.seen = new Deduplication[partitions];
        for (int p = 0; p < partitions; p++) {
            seen[p] = new Deduplication(REMEMBERED_PER_DEVICE);
        }
    }

    /** Subscribes to every partition of the bus, handing decoded pings to {@code downstream}. */
    public static BusSubscriber attach(PingBus bus, Consumer<List<Ping>> downstream) {
        BusSubscriber subscriber = new BusSubscriber(bus.partitions(), downstream);
        bus.subscribe(subscriber);
        return subscriber;
    }

    @Override
    public void deliver(int partition, byte[] message) {
        List<Ping> decoded;
        try {
            decoded = PingWire.decode(message);
        } catch (IllegalArgumentException e) {
            damaged.increment();
            return;
        }
        StageOutcome fresh = seen[partition].apply(decoded);
        seen[partition].committed(fresh.passed());
        pings.add(fresh.passed().size());
        repeated.add(fresh.dropped().size());
        if (!fresh.passed().isEmpty()) {
            downstream.accept(fresh.passed());
        }
    }

    /** Pings handed on, repeated pings dropped and damaged messages skipped. */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        counters.put("bus_pings", pings.sum());
        counters.put("bus_repeated_pings", repeated.sum());
        counters.put("bus_damaged_messages", damaged.sum());
        return counters;
    }
}
