package dev.rounds.simulation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays simulated patrols against a server as time goes by: every ping is sent when the clock
 * reaches its delivery time (so pings buffered through a signal loss go out together, late). Runs
 * on its own thread until stopped; counts what was sent, accepted and failed.
 */
public final class PatrolRun implements AutoCloseable {
    private final List<SimulatedPing> queue;
    private final Clock clock;
    private final PingSender sender;
    private final ScheduledExecutorService thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private int next;

    public PatrolRun(List<SimulatedPatrol> patrols, Clock clock, PingSender sender) {
        List<SimulatedPing> all = new ArrayList<>();
        patrols.forEach(p -> all.addAll(p.pings()));
        all.sort(Comparator.comparing(SimulatedPing::deliverAt).thenComparing(SimulatedPing::fixTime)
                .thenComparing(SimulatedPing::deviceId));
        this.queue = List.copyOf(all);
        this.clock = clock;
        this.sender = sender;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rounds-simulation");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sending; checks every {@code periodMillis} of real time. */
    public PatrolRun start(long periodMillis) {
        thread.scheduleWithFixedDelay(this::deliverDue, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Sends every ping due by now (also usable without {@link #start}, from one thread). */
    public synchronized void deliverDue() {
        Instant now = clock.instant();
        while (next < queue.size() && !queue.get(next).deliverAt().isAfter(now)) {
            SimulatedPing ping = queue.get(next++);
            sent.incrementAndGet();
            try {
                if (sender.send(ping)) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public long sent() {
        return sent.get();
    }

    public long accepted() {
        return accepted.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Pings not yet due. */
    public synchronized int remaining() {
        return queue.size() - next;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
