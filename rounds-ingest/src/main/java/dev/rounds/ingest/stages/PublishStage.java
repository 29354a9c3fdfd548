package dev.rounds.ingest.stages;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.StageOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands committed pings to in-process subscribers (a live map, a message bus). Last in the
 * pipeline, so subscribers only ever see stored pings. A subscriber must not block.
 */
public final class PublishStage implements PingStage {
    private final List<Consumer<List<Ping>>> subscribers = new CopyOnWriteArrayList<>();

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
        subscribers.forEach(subscriber -> subscriber.accept(pings));
        return StageOutcome.passAll(pings);
    }
}
