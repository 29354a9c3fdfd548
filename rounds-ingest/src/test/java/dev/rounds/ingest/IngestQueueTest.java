package dev.rounds.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.ingest.stages.Deduplication;
import dev.rounds.ingest.stages.StoreStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Group commit: concurrent submissions share batches, and each caller gets exactly its own result. */
final class IngestQueueTest {
    private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    /** A store that records each batch and can hold the first one until released. */
    private static final class GatedStore implements PingStore {
        final List<List<Ping>> batches = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean failSecond;

        @Override
        public StageOutcome storePings(List<Ping> pings) {
            batches.add(pings);
            if (batches.size() == 1) {
                firstEntered.countDown();
                await(release);
            } else if (failSecond) {
                throw new IllegalStateException("disk full");
            }
            return StageOutcome.passAll(pings);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Ping ping(String device, int second) {
        return Ping.builder(device, T0.plusSeconds(second), 48.0, 11.0).build();
    }

    @Test
    void submissionsWaitingDuringABatchShareTheNextOne() throws Exception {
        GatedStore store = new GatedStore();
        IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new Deduplication(10), new StoreStage(store))), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(11);
        try {
            Future<IngestResult> first = pool.submit(() -> queue.submit(List.of(ping("a", 0))));
            await(store.firstEntered);
            List<Future<IngestResult>> waiting = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                int second = i;
                waiting.add(pool.submit(() -> queue.submit(List.of(ping("d" + second, second), ping("d" + second, second)))));
            }
            while (queue.pendingSubmissions() < 10) {
                Thread.onSpinWait();
            }
            store.release.countDown();
            assertThat(first.get().accepted()).containsExactly(ping("a", 0));
            for (int i = 0; i < 10; i++) {
                IngestResult result = waiting.get(i).get();
                assertThat(result.accepted()).containsExactly(ping("d" + (i + 1), i + 1));
                assertThat(result.dropped()).singleElement()
                        .satisfies(d -> assertThat(d.drop().reason()).isEqualTo(DropReason.DUPLICATE));
            }
            assertThat(store.batches).hasSize(2);
            assertThat(store.batches.get(1)).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedBatchFailsEachOfItsSubmittersAndTheNextBatchRuns() throws Exception {
        GatedStore store = new GatedStore();
        store.failSecond = true;
        IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new StoreStage(store))), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<IngestResult> first = pool.submit(() -> queue.submit(List.of(ping("a", 0))));
            await(store.firstEntered);
            Future<IngestResult> second = pool.submit(() -> queue.submit(List.of(ping("b", 1))));
            Future<IngestResult> third = pool.submit(() -> queue.submit(List.of(ping("c", 2))));
            while (queue.pendingSubmissions() < 2) {
                Thread.onSpinWait();
            }
            store.release.countDown();
            assertThat(first.get().accepted()).hasSize(1);
            assertThatThrownBy(second::get).hasRootCauseMessage("disk full");
            assertThatThrownBy(third::get).hasRootCauseMessage("disk full");
            store.failSecond = false;
            assertThat(queue.submit(List.of(ping("b", 1))).accepted()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverExceedsTheBatchLimitButNeverSplitsASubmission() {
        GatedStore store = new GatedStore();
        store.release.countDown();
        IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new StoreStage(store))), 2);
        List<Ping> five = List.of(ping("a", 1), ping("a", 2), ping("a", 3), ping("a", 4), ping("a", 5));
        assertThat(queue.submit(five).accepted()).hasSize(5);
        assertThat(store.batches).containsExactly(five);
    }

    @Test
    void anAsynchronousSubmissionCompletesOnlyOnceItsBatchIsCommittedWithItsOwnShare() throws Exception {
        GatedStore store = new GatedStore();
        try (IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new Deduplication(10), new StoreStage(store))), 1000)) {
            CompletableFuture<IngestResult> first = queue.submitAsync(List.of(ping("a", 0)));
            await(store.firstEntered);
            CompletableFuture<IngestResult> second = queue.submitAsync(List.of(ping("b", 1), ping("b", 1)));
            CompletableFuture<IngestResult> third = queue.submitAsync(List.of(ping("c", 2)));
            Thread.sleep(50);
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            store.release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).accepted()).containsExactly(ping("a", 0));
            IngestResult secondResult = second.get(30, TimeUnit.SECONDS);
            assertThat(secondResult.accepted()).containsExactly(ping("b", 1));
            assertThat(secondResult.dropped()).singleElement()
                    .satisfies(d -> assertThat(d.drop().reason()).isEqualTo(DropReason.DUPLICATE));
            assertThat(third.get(30, TimeUnit.SECONDS).accepted()).containsExactly(ping("c", 2));
            assertThat(store.batches).hasSize(2);
        }
    }

    @Test
    void anAsynchronousSubmissionFailsWithItsBatchAndAfterClosing() throws Exception {
        GatedStore store = new GatedStore();
        store.failSecond = true;
        IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new StoreStage(store))), 1000);
        CompletableFuture<IngestResult> first = queue.submitAsync(List.of(ping("a", 0)));
        await(store.firstEntered);
        CompletableFuture<IngestResult> second = queue.submitAsync(List.of(ping("b", 1)));
        store.release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).accepted()).hasSize(1);
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
        queue.close();
        assertThatThrownBy(() -> queue.submitAsync(List.of(ping("c", 2))).get(30, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void closingRunsWhatIsQueuedThenRefusesNewSubmissions() throws Exception {
        GatedStore store = new GatedStore();
        IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new StoreStage(store))), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<IngestResult> first = pool.submit(() -> queue.submit(List.of(ping("a", 0))));
            await(store.firstEntered);
            Future<IngestResult> queued = pool.submit(() -> queue.submit(List.of(ping("b", 1))));
            while (queue.pendingSubmissions() < 1) {
                Thread.onSpinWait();
            }
            Future<?> closing = pool.submit(queue::close);
            store.release.countDown();
            closing.get(30, TimeUnit.SECONDS);
            assertThat(first.get().accepted()).containsExactly(ping("a", 0));
            assertThat(queued.get().accepted()).containsExactly(ping("b", 1));
            assertThatThrownBy(() -> queue.submit(List.of(ping("c", 2))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThat(store.batches).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPipelineErrorFailsItsBatchButTheQueueGoesOn() {
        List<Integer> calls = new ArrayList<>();
        PingStore brokenOnce = pings -> {
            calls.add(pings.size());
            if (calls.size() == 1) {
                throw new AssertionError("a bug in a stage");
            }
            return StageOutcome.passAll(pings);
        };
        try (IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new StoreStage(brokenOnce))), 1000)) {
            assertThatThrownBy(() -> queue.submit(List.of(ping("a", 0)))).hasMessageContaining("a bug in a stage");
            assertThat(queue.submit(List.of(ping("a", 1))).accepted()).hasSize(1);
        }
    }

    @Test
    void manyConcurrentCallersEachGetTheirOwnResultAndEveryPingIsStoredOnce() throws Exception {
        GatedStore store = new GatedStore();
        store.release.countDown();
        IngestQueue queue = new IngestQueue(new IngestPipeline(List.of(new Deduplication(10), new StoreStage(store))), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> callers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String device = "d" + t;
                callers.add(pool.submit(() -> {
                    int accepted = 0;
                    for (int i = 0; i < 200; i++) {
                        IngestResult result = queue.submit(List.of(ping(device, i)));
                        assertThat(result.accepted()).containsExactly(ping(device, i));
                        accepted += result.accepted().size();
                    }
                    return accepted;
                }));
            }
            for (Future<Integer> caller : callers) {
                assertThat(caller.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(store.batches.stream().mapToInt(List::size).sum()).isEqualTo(16 * 200);
            assertThat(queue.pendingSubmissions()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
