package dev.rounds.ingest.bus;

/**
 * A message bus between the store stage and the stages that derive state from stored pings
 * (matching, coverage, alerts): the seam where the pipeline splits across machines. Messages are
 * {@link PingWire} bytes, keyed by device ({@link DevicePartitions}), so every ping of one device
 * travels through one partition and arrives in the order it was committed.
 *
 * <p>The contract a bus implementation keeps, and the only one consumers rely on: messages of one
 * partition are delivered in the order sent, at least once (a message may come again, e.g. after a
 * consumer restarts); nothing is promised about the order between partitions. Derived state is
 * built to need no more: consumers drop repeated pings ({@link BusSubscriber}), and the live patrol
 * puts late pings in order and can rebuild everything from storage.
 */
public interface PingBus extends AutoCloseable {
    /** The number of partitions, at least 1. */
    int partitions();

    /** Sends a message to one partition (0 to {@link #partitions()} - 1). Must not block for long. */
    void send(int partition, byte[] message);

    /** Delivers every message sent from now on to the handler: one call at a time per partition. */
    void subscribe(PartitionHandler handler);

    /** Stops delivering; messages not yet delivered are dropped (consumers rebuild from storage). */
    @Override
    void close();

    /** Receives one partition's messages, in order. */
    @FunctionalInterface
    interface PartitionHandler {
        void deliver(int partition, byte[] message);
    }
}
