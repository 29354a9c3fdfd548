package dev.rounds.server.privacy;

import dev.rounds.storage.RoundsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention policy: raw positions older than the configured number of days are deleted every
 * hour; the streets walked and the coverage figures derived from them stay. Zero days keeps them.
 */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private final RoundsStore store;
    private final Clock clock;
    private final int rawPositionDays;
    private final AtomicLong deleted = new AtomicLong();
    private ScheduledExecutorService schedule;

    public Retention(RoundsStore store, Clock clock, int rawPositionDays) {
        this.store = store;
        this.clock = clock;
        this.rawPositionDays = rawPositionDays;
    }

    /** Runs now and then every hour on a thread of its own (nothing when positions are kept). */
    public Retention start() {
        if (rawPositionDays > 0) {
            schedule = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rounds-retention");
                t.setDaemon(true);
                return t;
            });
            schedule.scheduleWithFixedDelay(this::safeRun, 0, 1, TimeUnit.HOURS);
        }
        return this;
    }

    /** Deletes what is older than the policy allows; returns how many positions. */
    public int runOnce() {
        if (rawPositionDays == 0) {
            return 0;
        }
        int removed = store.deletePingsBefore(clock.instant().minus(Duration.ofDays(rawPositionDays)));
        deleted.addAndGet(removed);
        if (removed > 0) {
            LOG.info("retention: deleted {} positions older than {} days", removed, rawPositionDays);
        }
        return removed;
    }

    private void safeRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("retention run failed; it is tried again in an hour", e);
        }
    }

    /** Positions deleted since start. */
    public long deletedCount() {
        return deleted.get();
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
