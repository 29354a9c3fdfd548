package dev.rounds.cli;

import dev.rounds.simulation.OsmAndRequest;
import dev.rounds.simulation.PingSender;
import dev.rounds.simulation.SimulatedPing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends simulated pings exactly as the Traccar Client app does: an HTTP request with the OsmAnd
 * query string to the server's OsmAnd port, with the device's key.
 */
final class OsmAndHttpSender implements PingSender {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> keys;

    /**
     * @param base the OsmAnd URL, e.g. {@code http://127.0.0.1:5055/}
     * @param keys device id → device token
     */
    OsmAndHttpSender(String base, Map<String, String> keys) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.keys = Map.copyOf(keys);
    }

    @Override
    public boolean send(SimulatedPing ping) throws Exception {
        URI uri = URI.create(base + "?" + OsmAndRequest.query(ping, keys.get(ping.deviceId())));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }
}
