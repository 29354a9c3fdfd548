package dev.rounds.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit in front of an {@link IngestPipeline}: pings submitted concurrently (one OsmAnd
 * request each, say) are run through the pipeline together, so they share one storage
 * transaction instead of paying for one each. Every caller still returns only after its own pings
 * were committed, with its own share of the result.
 *
 * <p>How: each caller enqueues its submission and tries the drain lock; whoever holds it runs
 * everything queued so far (up to {@code maxBatchPings}) as one batch, until its own submission is
 * done, and on leaving wakes the owner of the oldest submission still queued to run the next. A
 * caller that does not get the lock sleeps until its submission is done (and returns) or it is
 * woken to take over. No extra thread; with a single caller it is the plain pipeline. Stages must
 * pass on the very {@link Ping} instances they were given (they never invent pings), which is how
 * results are handed back to their submitters.
 */
public final class IngestQueue {
    private final IngestPipeline pipeline;
    private final int maxBatchPings;
    private final ConcurrentLinkedQueue<Submission> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final ReentrantLock drainLock = new ReentrantLock();

    /** A queue feeding the pipeline with batches of at most {@code maxBatchPings} (a submission is never split). */
    public IngestQueue(IngestPipeline pipeline, int maxBatchPings) {
        if (maxBatchPings < 1) {
            throw new IllegalArgumentException("maxBatchPings must be at least 1");
        }
        this.pipeline = pipeline;
        this.maxBatchPings = maxBatchPings;
    }

    /**
     * Runs the pings through the pipeline, possibly together with other callers' pings, and
     * returns this caller's share of the result once committed.
     *
     * @throws RuntimeException whatever the pipeline threw for the batch these pings were in
     */
    public IngestResult submit(List<Ping> pings) {
        if (pings.isEmpty()) {
            return new IngestResult(List.of(), List.of());
        }
        Submission mine = new Submission(pings);
        queue.add(mine);
        pending.incrementAndGet();
        while (!mine.done) {
            if (drainLock.tryLock()) {
                try {
                    while (!mine.done) {
                        drainOnce();
                    }
                } finally {
                    drainLock.unlock();
                }
                handOver();
            } else {
                LockSupport.park(this);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Submissions waiting to be run (for tests and metrics). */
    public int pendingSubmissions() {
        return pending.get();
    }

    /**
     * After releasing the drain lock: wakes the owner of the oldest waiting submission to run the
     * next batch. Callers whose submission was run by another return as soon as it is done, each
     * woken on its own, instead of taking the lock in turn just to find their work done (that
     * convoy held 60 threads in line and kept batches at 2 pings under wrk with 64 connections).
     */
    private void handOver() {
        Submission next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.owner);
        }
    }

    private void drainOnce() {
        List<Submission> group = new ArrayList<>();
        List<Ping> combined = new ArrayList<>();
        Submission next;
        while ((next = queue.peek()) != null && (group.isEmpty() || combined.size() + next.pings.size() <= maxBatchPings)) {
            queue.poll();
            pending.decrementAndGet();
            group.add(next);
            combined.addAll(next.pings);
        }
        try {
            IngestResult result = pipeline.submit(combined);
            handBack(group, result);
        } catch (RuntimeException e) {
            group.forEach(submission -> submission.fail(e));
        }
    }

    private static void handBack(List<Submission> group, IngestResult result) {
        Map<Ping, Submission> owners = new IdentityHashMap<>();
        group.forEach(submission -> submission.pings.forEach(ping -> owners.put(ping, submission)));
        result.accepted().forEach(ping -> owners.get(ping).accepted.add(ping));
        result.dropped().forEach(drop -> owners.get(drop.drop().ping()).dropped.add(drop));
        group.forEach(Submission::finish);
    }

    private static final class Submission {
        final List<Ping> pings;
        final Thread owner = Thread.currentThread();
        final List<Ping> accepted = new ArrayList<>();
        final List<IngestResult.StageDrop> dropped = new ArrayList<>();
        IngestResult result;
        RuntimeException failure;
        volatile boolean done;

        Submission(List<Ping> pings) {
            this.pings = List.copyOf(pings);
        }

        void finish() {
            result = new IngestResult(accepted, dropped);
            done = true;
            LockSupport.unpark(owner);
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
            LockSupport.unpark(owner);
        }
    }
}
