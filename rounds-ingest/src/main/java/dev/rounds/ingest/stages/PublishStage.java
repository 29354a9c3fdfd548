package dev.rounds.ingest.stages;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.StageOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Hands committed pings to in-process subscribers (a live map, a message bus). Last in the
 * pipeline, so subscribers only ever see stored pings. A subscriber must not block. A subscriber
 * that throws is counted ({@code subscriber_failures}) and does not fail the batch: the pings are
 * already committed, and failing would make devices resend them.
 */
public final class PublishStage implements PingStage {
    private final List<Consumer<List<Ping>>> subscribers = new CopyOnWriteArrayList<>();
    private final LongAdder subscriberFailures = new LongAdder();

    @Override
    public String name() {
        return "publish";
    }

    /** Adds a subscriber that receives every later batch of stored pings. */
    public void subscribe(Consumer<List<Ping>> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public StageOutcome apply(List<Ping> pings) {
        for (Consumer<List<Ping>> subscriber : subscribers) {
            try {
                subscriber.accept(pings);
            } catch (RuntimeException e) {
                subscriberFailures.increment();
            }
        }
        return StageOutcome.passAll(pings);
    }

    @Override
    public Map<String, Long> extraCounts() {
        return Map.of("subscriber_failures", subscriberFailures.sum());
    }
}
