package dev.rounds.server.api;

import dev.rounds.server.web.Access;
import dev.rounds.server.web.Endpoint;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What a phone app must be told to reach this server, for the device set-up page: the OsmAnd URL
 * (Traccar Client), the OwnTracks URL and the batch URL, built from the host name the browser used.
 */
public final class SetupApi {
    private final IntSupplier osmandPort;

    /** Set-up answers for a server whose OsmAnd listener is on {@code osmandPort} (-1: off), asked per request. */
    public SetupApi(IntSupplier osmandPort) {
        this.osmandPort = osmandPort;
    }

    /** The routes. */
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint(HandlerType.GET, "/api/v1/setup", Access.STAFF, this::setup));
    }

    private void setup(Context ctx) {
        String scheme = ctx.scheme();
        String hostAndPort = ctx.host() == null ? "localhost" : ctx.host();
        String main = scheme + "://" + hostAndPort;
        Map<String, Object> answer = new LinkedHashMap<>();
        int port = osmandPort.getAsInt();
        answer.put("osmandUrl", port < 0 ? main + "/osmand" : scheme + "://" + hostName(hostAndPort) + ":" + port + "/");
        answer.put("owntracksUrl", main + "/owntracks");
        answer.put("batchUrl", main + "/api/v1/pings/batch");
        ctx.json(answer);
    }

    /** The host without its port; IPv6 literals keep their brackets. */
    static String hostName(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        boolean portFollows = colon > hostAndPort.lastIndexOf(']');
        return colon >= 0 && portFollows ? hostAndPort.substring(0, colon) : hostAndPort;
    }
}
