package dev.rounds.ingest.stages;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.PingStore;
import dev.rounds.ingest.StageOutcome;
import java.util.List;

/** Writes the batch to storage and commits; what storage refuses (outside a shift) is dropped. */
public final class StoreStage implements PingStage {
    private final PingStore store;

    /** A stage writing to the given store. */
    public StoreStage(PingStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public StageOutcome apply(List<Ping> pings) {
        return store.storePings(pings);
    }
}
