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
 * The retention policy, run every hour: raw positions older than the configured number of days
 * are deleted (the streets walked and the coverage figures derived from them stay), and so are the
 * photos of observations older than theirs (the observation's category, note, time and place
 * stay). Zero days keeps them.
 */
public final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private final RoundsStore store;
    private final Clock clock;
    private final int rawPositionDays;
    private final int photoDays;
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong photosDeleted = new AtomicLong();
    private ScheduledExecutorService schedule;

    public Retention(RoundsStore store, Clock clock, int rawPositionDays, int photoDays) {
        this.store = store;
        this.clock = clock;
        this.rawPositionDays = rawPositionDays;
        this.photoDays = photoDays;
    }

    /** Runs now and then every hour on a thread of its own (nothing when everything is kept). */
    public Retention start() {
        if (rawPositionDays > 0 || photoDays > 0) {
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
        int removed = 0;
        if (rawPositionDays > 0) {
            removed = store.deletePingsBefore(clock.instant().minus(Duration.ofDays(rawPositionDays)));
            deleted.addAndGet(removed);
            if (removed > 0) {
                LOG.info("retention: deleted {} positions older than {} days", removed, rawPositionDays);
            }
        }
        if (photoDays > 0) {
            int photos = store.guardTour().deletePhotosBefore(clock.instant().minus(Duration.ofDays(photoDays)));
            photosDeleted.addAndGet(photos);
            if (photos > 0) {
                LOG.info("retention: deleted {} observation photos older than {} days", photos, photoDays);
            }
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

    /** Observation photos deleted since start. */
    public long photosDeletedCount() {
        return photosDeleted.get();
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
