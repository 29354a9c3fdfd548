package dev.rounds.server.patrol;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.StageOutcome;
import dev.rounds.ingest.bus.BusPublisher;
import dev.rounds.ingest.bus.BusSubscriber;
import dev.rounds.ingest.bus.InProcessPingBus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ingest stage that hands committed pings to the live patrol, which matches them to streets,
 * updates coverage and round progress and raises alerts, in that order, on its own thread. It
 * drops nothing: pings the patrol cannot use are counted there by reason ({@code ignored_*}).
 *
 * <p>The hand-over is direct, or through a message bus partitioned by device ({@link #viaBus}), the
 * seam where the pipeline splits when the store and the live patrol run on different machines.
 */
public final class PatrolStage implements PingStage, AutoCloseable {
    private final ActivePatrol patrol;
    private final Consumer<List<Ping>> handOver;
    private final Supplier<Map<String, Long>> busCounters;
    private final InProcessPingBus bus;

    /** Hands committed pings to the patrol directly. */
    public PatrolStage(ActivePatrol patrol) {
        this(patrol, patrol::accept, Map::of, null);
    }

    private PatrolStage(ActivePatrol patrol, Consumer<List<Ping>> handOver, Supplier<Map<String, Long>> busCounters,
            InProcessPingBus bus) {
        this.patrol = patrol;
        this.handOver = handOver;
        this.busCounters = busCounters;
        this.bus = bus;
    }

    /** Hands committed pings to the patrol through an in-process bus of this many partitions, in wire form. */
    public static PatrolStage viaBus(ActivePatrol patrol, int partitions) {
        InProcessPingBus bus = new InProcessPingBus(partitions);
        BusPublisher publisher = new BusPublisher(bus);
        BusSubscriber subscriber = BusSubscriber.attach(bus, patrol::accept);
        return new PatrolStage(patrol, publisher, () -> {
            Map<String, Long> counters = new TreeMap<>(publisher.counters());
            counters.putAll(subscriber.counters());
            counters.put("bus_handler_failures", bus.handlerFailures());
            return counters;
        }, bus);
    }

    @Override
    public String name() {
        return "patrol";
    }

    @Override
    public StageOutcome apply(List<Ping> pings) {
        return StageOutcome.passAll(pings);
    }

    @Override
    public void committed(List<Ping> accepted) {
        handOver.accept(accepted);
    }

    @Override
    public Map<String, Long> extraCounts() {
        Map<String, Long> counters = new TreeMap<>(patrol.counters());
        counters.putAll(busCounters.get());
        return counters;
    }

    /** Waits until every ping handed over so far has been processed by the patrol. */
    public void drain() {
        if (bus != null) {
            bus.drain();
        }
        patrol.drain();
    }

    @Override
    public void close() {
        if (bus != null) {
            bus.close();
        }
    }
}
