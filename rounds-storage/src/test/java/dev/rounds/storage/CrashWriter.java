package dev.rounds.storage;

import dev.rounds.ingest.Ping;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for {@link CrashSafetyTest}: stores batches of pings as fast as it can and prints
 * the count after each commit returns, until it is killed.
 */
final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Instant start = Instant.parse("2026-11-29T08:00:00Z");
        RoundsStore store = RoundsStores.open(new StorageConfig(null, null, null, null, data, 2, 4), Clock.systemUTC());
        Patroller patroller = store.createPatroller("Crash");
        store.createDevice("crash-phone", patroller.id(), null);
        store.createShift(patroller.id(), "north", start, null);
        long stored = 0;
        for (int batch = 0; batch < 1_000_000; batch++) {
            List<Ping> pings = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                pings.add(Ping.builder("crash-phone", start.plusMillis(stored + i), 48.1, 11.5).build());
            }
            stored += store.storePings(pings).passed().size();
            System.out.println("committed " + stored);
            System.out.flush();
        }
    }
}
