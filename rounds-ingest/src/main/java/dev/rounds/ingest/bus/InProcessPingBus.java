package dev.rounds.ingest.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link PingBus} inside one process: a queue and a delivery thread per partition, so partitions
 * are consumed in parallel and each in order, as consumers of a broker's partitions would be. A
 * handler that throws is counted and the next message is delivered.
 */
public final class InProcessPingBus implements PingBus {
    private final ExecutorService[] partitions;
    private final List<PartitionHandler> handlers = new CopyOnWriteArrayList<>();
    private final LongAdder handlerFailures = new LongAdder();

    /** A bus of this many partitions (at least 1), each with its own daemon thread. */
    public InProcessPingBus(int partitionCount) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("a bus needs at least 1 partition, got " + partitionCount);
        }
        partitions = new ExecutorService[partitionCount];
        for (int p = 0; p < partitionCount; p++) {
            String name = "rounds-bus-" + p;
            partitions[p] = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @Override
    public int partitions() {
        return partitions.length;
    }

    @Override
    public void send(int partition, byte[] message) {
        if (partition < 0 || partition >= partitions.length) {
            throw new IllegalArgumentException("partition " + partition + " outside 0.." + (partitions.length - 1));
        }
        partitions[partition].execute(() -> {
            for (PartitionHandler handler : handlers) {
                try {
                    handler.deliver(partition, message);
                } catch (RuntimeException e) {
                    handlerFailures.increment();
                }
            }
        });
    }

    @Override
    public void subscribe(PartitionHandler handler) {
        handlers.add(handler);
    }

    /** Handlers that threw, in all. */
    public long handlerFailures() {
        return handlerFailures.sum();
    }

    /** Waits until every message sent so far is delivered (tests and orderly shutdown). */
    public void drain() {
        for (ExecutorService partition : partitions) {
            try {
                partition.submit(() -> { }).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("bus partition did not drain within 30 s", e);
            }
        }
    }

    @Override
    public void close() {
        for (ExecutorService partition : partitions) {
            partition.shutdownNow();
        }
    }
}
