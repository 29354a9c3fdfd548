package dev.rounds.server.patrol;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.StageOutcome;
import java.util.List;
import java.util.Map;

/**
 * The ingest stage that hands committed pings to the live patrol, which matches them to streets,
 * updates coverage and round progress and raises alerts, in that order, on its own thread. It
 * drops nothing: pings the patrol cannot use are counted there by reason ({@code ignored_*}).
 */
public final class PatrolStage implements PingStage {
    private final ActivePatrol patrol;

    public PatrolStage(ActivePatrol patrol) {
        this.patrol = patrol;
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
        patrol.accept(accepted);
    }

    @Override
    public Map<String, Long> extraCounts() {
        return patrol.counters();
    }
}
