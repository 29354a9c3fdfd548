package dev.rounds.ingest;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of one stage. */
final class StageCounters {
    private final String stage;
    private final LongAdder passed = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    StageCounters(String stage) {
        this.stage = stage;
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    void record(int passedCount, Iterable<DropReason> drops, long elapsedNanos) {
        passed.add(passedCount);
        drops.forEach(reason -> dropped.get(reason).increment());
        batches.increment();
        nanos.add(elapsedNanos);
    }

    StageStats snapshot(Map<String, Long> extra) {
        Map<String, Long> byReason = new java.util.TreeMap<>();
        dropped.forEach((reason, count) -> {
            long value = count.sum();
            if (value > 0) {
                byReason.put(reason.code(), value);
            }
        });
        return new StageStats(stage, passed.sum(), byReason, batches.sum(), nanos.sum(), extra);
    }
}
