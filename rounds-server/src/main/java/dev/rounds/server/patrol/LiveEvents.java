package dev.rounds.server.patrol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live stream (server-sent events) the dashboard listens to: positions, street visits, round
 * progress, alerts and the server clock. A client that cannot keep up or went away is dropped.
 */
public final class LiveEvents {
    private final ObjectMapper json;
    private final CopyOnWriteArrayList<SseClient> clients = new CopyOnWriteArrayList<>();
    private final LongAdder sent = new LongAdder();

    public LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    /** Keeps a client until it disconnects. */
    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
    }

    /** Sends an event with a JSON payload to every client. */
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
        for (SseClient client : clients) {
            try {
                client.sendEvent(event, data);
                sent.increment();
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        }
    }

    public int clientCount() {
        return clients.size();
    }

    public long sentCount() {
        return sent.sum();
    }
}
