package dev.rounds.server.patrol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream (server-sent events) the dashboard listens to: positions, street visits, round
 * progress, alerts and the server clock. A client that cannot keep up or went away is dropped.
 *
 * <p>Publishing only serialises the payload and queues it: each client has a writer thread of its
 * own that sends whatever is queued in one write and one flush. So the live patrol, which
 * publishes a position event per ping, never waits for a socket (writing each event itself with a
 * flush took half of the patrol thread at 2,000 pings/s, see docs/BENCHMARKS.md), and a slow
 * client only delays itself: when {@value #MAX_QUEUED} events wait for it, it is dropped.
 */
public final class LiveEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    /** Events that may wait for one client before it is dropped (a few seconds of a busy patrol). */
    static final int MAX_QUEUED = 10_000;
    private static final AtomicInteger WRITERS = new AtomicInteger();

    private final ObjectMapper json;
    private final CopyOnWriteArrayList<Listener> clients = new CopyOnWriteArrayList<>();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    public LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    /** Keeps a client until it disconnects. */
    public void join(SseClient client) {
        client.keepAlive();
        Listener listener = new Listener(client);
        client.onClose(() -> leave(listener));
        clients.add(listener);
        listener.writer.start();
    }

    /** Queues an event with a JSON payload for every client. */
    public void publish(String event, Object payload) {
        if (clients.isEmpty()) {
            return;
        }
        String data;
        try {
            data = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event + " cannot be written as JSON", e);
        }
        byte[] frame = ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (Listener listener : clients) {
            if (!listener.queue.offer(frame)) {
                LOG.warn("live events: a client fell {} events behind and is dropped", MAX_QUEUED);
                dropped.increment();
                leave(listener);
            }
        }
    }

    public int clientCount() {
        return clients.size();
    }

    /** Events written to clients so far. */
    public long sentCount() {
        return sent.sum();
    }

    /** Clients dropped because they fell too far behind. */
    public long droppedClients() {
        return dropped.sum();
    }

    private void leave(Listener listener) {
        if (clients.remove(listener)) {
            listener.writer.interrupt();
            listener.client.close();
        }
    }

    /** One client: its queue of frames and the thread that writes them. */
    private final class Listener {
        final SseClient client;
        final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
        final Thread writer;

        Listener(SseClient client) {
            this.client = client;
            this.writer = new Thread(this::write, "rounds-live-events-" + WRITERS.incrementAndGet());
            this.writer.setDaemon(true);
        }

        private void write() {
            List<byte[]> frames = new ArrayList<>();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    frames.add(queue.take());
                    queue.drainTo(frames);
                    buffer.reset();
                    for (byte[] frame : frames) {
                        buffer.write(frame);
                    }
                    OutputStream out = client.ctx().res().getOutputStream();
                    buffer.writeTo(out);
                    client.ctx().res().flushBuffer();
                    sent.add(frames.size());
                    frames.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                leave(this);
            }
        }
    }
}
