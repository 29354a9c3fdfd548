package dev.rounds.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Group commit in front of an {@link IngestPipeline}: pings submitted concurrently (one OsmAnd
 * request each, say) are run through the pipeline together, so they share one storage
 * transaction instead of paying for one each. Every caller still returns only after its own pings
 * were committed, with its own share of the result.
 *
 * <p>How: one writer thread of its own runs everything queued so far (up to {@code maxBatchPings})
 * as one batch, again and again while work is waiting, and sleeps when the queue is empty; a caller
 * enqueues its submission, wakes the writer if it sleeps, and sleeps until its submission is done.
 * Under load the writer never waits for anyone: a batch starts the moment the last one was
 * committed. (Before, the caller holding a lock ran the batches and handed the lock to the owner of
 * the oldest waiting submission when its own was done; on two cores that thread then waited
 * for a core behind a hundred woken callers, and the pipeline stood idle about 60 % of the time
 * under {@code wrk} with 256 connections.) Stages must pass on the very {@link Ping} instances they
 * were given (they never invent pings), which is how results are handed back to their submitters.
 */
public final class IngestQueue implements AutoCloseable {
    private final IngestPipeline pipeline;
    private final int maxBatchPings;
    private final ConcurrentLinkedQueue<Submission> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread writer;
    /**
     * Completes the futures of {@link #submitAsync} callers, a whole batch per task: whatever a
     * caller does on completion (a web server writes its answer to a socket that may be slow) never
     * holds up the writer. A batch that finds all answer threads busy is answered on the writer.
     */
    private final ThreadPoolExecutor answers = new ThreadPoolExecutor(0, 8, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            task -> {
                Thread thread = new Thread(task, "rounds-ingest-answers");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());
    private volatile boolean writerAsleep;
    private volatile boolean closed;

    /**
     * A queue feeding the pipeline with batches of at most {@code maxBatchPings} (a submission is
     * never split), from a writer thread started here and stopped by {@link #close()}.
     */
    public IngestQueue(IngestPipeline pipeline, int maxBatchPings) {
        if (maxBatchPings < 1) {
            throw new IllegalArgumentException("maxBatchPings must be at least 1");
        }
        this.pipeline = pipeline;
        this.maxBatchPings = maxBatchPings;
        this.writer = new Thread(this::writeWhileOpen, "rounds-ingest-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs the pings through the pipeline, possibly together with other callers' pings, and
     * returns this caller's share of the result once committed.
     *
     * @throws RuntimeException whatever the pipeline threw for the batch these pings were in
     * @throws IllegalStateException when the queue was closed
     */
    public IngestResult submit(List<Ping> pings) {
        if (pings.isEmpty()) {
            return new IngestResult(List.of(), List.of());
        }
        Submission mine = enqueue(new Submission(pings, Thread.currentThread(), null));
        while (!mine.done) {
            LockSupport.park(this);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /**
     * Like {@link #submit}, without waiting: the future completes on an answer thread once the
     * pings were committed (or fails with what the pipeline threw, or because the queue is closed).
     * A web server can answer from there instead of keeping a thread asleep per request.
     */
    public CompletableFuture<IngestResult> submitAsync(List<Ping> pings) {
        if (pings.isEmpty()) {
            return CompletableFuture.completedFuture(new IngestResult(List.of(), List.of()));
        }
        try {
            return enqueue(new Submission(pings, null, new CompletableFuture<>())).future;
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Submission enqueue(Submission submission) {
        if (closed) {
            throw closedError();
        }
        queue.add(submission);
        pending.incrementAndGet();
        if (closed && queue.remove(submission)) { // closed meanwhile, and the writer may have left
            pending.decrementAndGet();
            throw closedError();
        }
        if (writerAsleep) {
            LockSupport.unpark(writer);
        }
        return submission;
    }

    /** Submissions waiting to be run (for tests and metrics). */
    public int pendingSubmissions() {
        return pending.get();
    }

    /** Runs what is queued, then stops the writer; later submissions are refused. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(30_000);
            answers.shutdown();
            answers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The writer's loop. Before sleeping it says so and looks at the queue once more: a caller
     * enqueues and then reads the flag, the writer sets the flag and then reads the queue, so one
     * of the two always sees the other.
     */
    private void writeWhileOpen() {
        while (true) {
            if (!queue.isEmpty()) {
                drainOnce();
                continue;
            }
            if (closed) {
                failLeftovers();
                return;
            }
            writerAsleep = true;
            if (queue.isEmpty() && !closed) {
                LockSupport.park(this);
            }
            writerAsleep = false;
        }
    }

    /**
     * A caller that slipped in while closing is told so instead of waiting forever; on this thread,
     * as the answer threads may already be shut down.
     */
    private void failLeftovers() {
        Submission left;
        while ((left = queue.poll()) != null) {
            pending.decrementAndGet();
            left.fail(closedError());
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("the ingest queue is closed (the server is stopping)");
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
            answerEach(group, submission -> submission.fail(e));
        } catch (Error e) {
            // the writer must outlive a failed batch, or every later caller would wait forever
            RuntimeException failure = new IllegalStateException("the pipeline failed: " + e, e);
            answerEach(group, submission -> submission.fail(failure));
        }
    }

    private void handBack(List<Submission> group, IngestResult result) {
        Map<Ping, Submission> owners = new IdentityHashMap<>();
        group.forEach(submission -> submission.pings.forEach(ping -> owners.put(ping, submission)));
        result.accepted().forEach(ping -> owners.get(ping).accepted.add(ping));
        result.dropped().forEach(drop -> owners.get(drop.drop().ping()).dropped.add(drop));
        answerEach(group, Submission::finish);
    }

    /** Wakes the waiting callers here, and completes the futures on an answer thread. */
    private void answerEach(List<Submission> group, Consumer<Submission> answer) {
        List<Submission> futures = new ArrayList<>();
        for (Submission submission : group) {
            if (submission.future == null) {
                answer.accept(submission);
            } else {
                futures.add(submission);
            }
        }
        if (!futures.isEmpty()) {
            answers.execute(() -> futures.forEach(answer));
        }
    }

    /** One caller's pings, answered either by waking its thread or by completing its future. */
    private static final class Submission {
        final List<Ping> pings;
        final Thread owner;
        final CompletableFuture<IngestResult> future;
        final List<Ping> accepted = new ArrayList<>();
        final List<IngestResult.StageDrop> dropped = new ArrayList<>();
        IngestResult result;
        RuntimeException failure;
        volatile boolean done;

        Submission(List<Ping> pings, Thread owner, CompletableFuture<IngestResult> future) {
            this.pings = List.copyOf(pings);
            this.owner = owner;
            this.future = future;
        }

        void finish() {
            result = new IngestResult(accepted, dropped);
            done = true;
            if (future != null) {
                future.complete(result);
            } else {
                LockSupport.unpark(owner);
            }
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
            if (future != null) {
                future.completeExceptionally(e);
            } else {
                LockSupport.unpark(owner);
            }
        }
    }
}
