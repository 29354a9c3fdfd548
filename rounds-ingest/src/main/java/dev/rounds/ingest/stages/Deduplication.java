package dev.rounds.ingest.stages;

import dev.rounds.ingest.Drop;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.StageOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops a ping whose (device, fix time) was already taken: within the batch, or among the last
 * {@code rememberedPerDevice} committed fixes of its device. Apps resend what they are unsure was
 * received. This is a fast first line; the store's unique key on (device, fix time) is the final one.
 */
public final class Deduplication implements PingStage {
    private final int rememberedPerDevice;
    private final Map<String, LinkedHashSet<Instant>> recent = new HashMap<>();

    /** Remembers this many recent fix times per device (at least 1). */
    public Deduplication(int rememberedPerDevice) {
        if (rememberedPerDevice < 1) {
            throw new IllegalArgumentException("rememberedPerDevice must be at least 1");
        }
        this.rememberedPerDevice = rememberedPerDevice;
    }

    @Override
    public String name() {
        return "deduplicate";
    }

    @Override
    public StageOutcome apply(List<Ping> pings) {
        Set<Key> inBatch = new HashSet<>();
        List<Ping> passed = new ArrayList<>(pings.size());
        List<Drop> dropped = new ArrayList<>();
        for (Ping ping : pings) {
            Set<Instant> seen = recent.get(ping.deviceId());
            if (seen != null && seen.contains(ping.fixTime()) || !inBatch.add(new Key(ping.deviceId(), ping.fixTime()))) {
                dropped.add(new Drop(ping, DropReason.DUPLICATE));
            } else {
                passed.add(ping);
            }
        }
        return new StageOutcome(passed, dropped);
    }

    @Override
    public void committed(List<Ping> accepted) {
        for (Ping ping : accepted) {
            LinkedHashSet<Instant> seen = recent.computeIfAbsent(ping.deviceId(), id -> new LinkedHashSet<>());
            seen.add(ping.fixTime());
            if (seen.size() > rememberedPerDevice) {
                seen.remove(seen.iterator().next());
            }
        }
    }

    private record Key(String deviceId, Instant fixTime) {
    }
}
