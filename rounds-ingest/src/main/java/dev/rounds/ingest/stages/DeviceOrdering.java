package dev.rounds.ingest.stages;

import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.StageOutcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Puts each batch in fix-time order per device, so later stages see a device's track in order.
 * Late pings (older than the device's newest committed fix, as when a phone uploads after losing
 * signal) are kept and counted as {@code late}: stages that derive state must correct for them.
 */
public final class DeviceOrdering implements PingStage {
    private static final Comparator<Ping> ORDER =
            Comparator.comparing(Ping::deviceId).thenComparing(Ping::fixTime);

    private final Map<String, Instant> newestCommitted = new HashMap<>();
    private final LongAdder late = new LongAdder();

    @Override
    public String name() {
        return "order";
    }

    @Override
    public StageOutcome apply(List<Ping> pings) {
        List<Ping> sorted = pings.stream().sorted(ORDER).toList();
        for (Ping ping : sorted) {
            Instant newest = newestCommitted.get(ping.deviceId());
            if (newest != null && ping.fixTime().isBefore(newest)) {
                late.increment();
            }
        }
        return StageOutcome.passAll(sorted);
    }

    @Override
    public void committed(List<Ping> accepted) {
        for (Ping ping : accepted) {
            newestCommitted.merge(ping.deviceId(), ping.fixTime(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public Map<String, Long> extraCounts() {
        return Map.of("late", late.sum());
    }
}
