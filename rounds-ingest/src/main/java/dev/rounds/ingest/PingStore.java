package dev.rounds.ingest;

import java.util.List;

/**
 * Where the store stage writes pings. Implementations commit before returning, so a ping reported
 * stored survives a crash; pings they refuse are returned with a reason and nothing of them is kept.
 */
public interface PingStore {
    /** Stores a batch in one transaction and says what was kept and what refused. */
    StageOutcome storePings(List<Ping> pings);
}
