package dev.rounds.server.devices;

import dev.rounds.ingest.DecodedMessage;
import dev.rounds.ingest.DeviceRequest;
import dev.rounds.ingest.IngestPipeline;
import dev.rounds.ingest.IngestQueue;
import dev.rounds.ingest.IngestResult;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingDecoder;
import dev.rounds.ingest.protocol.FormFields;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.RequestBodies;
import dev.rounds.server.web.TokenBuckets;
import dev.rounds.storage.Device;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The device endpoints: OsmAnd, OwnTracks and the JSON batch. Each request is authenticated
 * (device id and token) and rate-limited per device before anything reaches the pipeline, so a
 * refused request writes nothing; the answer is sent only after the pipeline committed the pings.
 */
public final class DeviceIngest {
    private final IngestPipeline pipeline;
    private final IngestQueue queue;
    private final DeviceCredentials credentials;
    private final Decoders decoders;
    private final TokenBuckets deviceLimits;
    private final TokenBuckets authFailureLimits;
    private final long maxBodyBytes;
    private final LongAdder authFailures = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();

    /**
     * The decoders of the three device protocols.
     *
     * @param osmand OsmAnd (query, form or JSON)
     * @param ownTracks OwnTracks HTTP mode
     * @param batch Rounds' JSON batch
     */
    public record Decoders(PingDecoder osmand, PingDecoder ownTracks, PingDecoder batch) {
    }

    /**
     * Device endpoints decoding with the pipeline's counters and submitting through the group-commit
     * queue in front of it.
     */
    public DeviceIngest(IngestPipeline pipeline, IngestQueue queue, DeviceCredentials credentials, Decoders decoders,
            TokenBuckets deviceLimits, TokenBuckets authFailureLimits, long maxBodyBytes) {
        this.pipeline = pipeline;
        this.queue = queue;
        this.credentials = credentials;
        this.decoders = decoders;
        this.deviceLimits = deviceLimits;
        this.authFailureLimits = authFailureLimits;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The routes on the main port. */
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/osmand", Access.DEVICE, this::osmand),
                new Endpoint(HandlerType.POST, "/osmand", Access.DEVICE, this::osmand),
                new Endpoint(HandlerType.POST, "/owntracks", Access.DEVICE, this::ownTracks),
                new Endpoint(HandlerType.POST, "/api/v1/pings/batch", Access.DEVICE, this::batch));
    }

    /** The OsmAnd handler, also served at {@code /} on the OsmAnd port. */
    public Handler osmandHandler() {
        return this::osmand;
    }

    /** Requests refused for bad device credentials, and requests refused by the per-device limit. */
    public Map<String, Long> counters() {
        return Map.of("auth_failures", authFailures.sum(), "rate_limited", rateLimited.sum());
    }

    private void osmand(Context ctx) {
        DeviceRequest request = deviceRequest(ctx);
        DecodedMessage message = pipeline.decode(decoders.osmand(), request);
        Device device = authenticate(ctx, message.deviceId(), osmandKey(request, ctx));
        answerOnceCommitted(ctx, device, message.pings(), result -> ctx.status(200));
    }

    private void ownTracks(Context ctx) {
        Device device = authenticateBasic(ctx);
        DecodedMessage message = pipeline.decode(decoders.ownTracks(), deviceRequest(ctx));
        answerOnceCommitted(ctx, device, message.pings().stream().map(p -> p.withDeviceId(device.id())).toList(),
                result -> ctx.contentType("application/json").result("[]"));
    }

    private void batch(Context ctx) {
        Device device = authenticateBasic(ctx);
        DecodedMessage message = pipeline.decode(decoders.batch(), deviceRequest(ctx));
        if (!message.deviceId().equals(device.id())) {
            throw ApiError.forbidden("device '" + device.id() + "' may not send pings of device '" + message.deviceId() + "'");
        }
        answerOnceCommitted(ctx, device, message.pings(), result -> {
            Map<String, Long> dropped = new TreeMap<>();
            result.dropped().forEach(d -> dropped.merge(d.drop().reason().code(), 1L, Long::sum));
            ctx.json(Map.of("accepted", result.accepted().size(), "dropped", dropped));
        });
    }

    /**
     * Hands the pings to the group commit and returns; the answer is written from an answer
     * thread once they are committed, so no request thread sleeps waiting for the commit.
     */
    private void answerOnceCommitted(Context ctx, Device device, List<Ping> pings, Consumer<IngestResult> answer) {
        takeRequestToken(device);
        ctx.future(() -> queue.submitAsync(pings).thenAccept(answer));
    }

    private void takeRequestToken(Device device) {
        if (!deviceLimits.tryTake(device.id())) {
            rateLimited.increment();
            throw ApiError.tooManyRequests("device '" + device.id() + "' sends too often", deviceLimits.retryAfterSeconds());
        }
    }

    private DeviceRequest deviceRequest(Context ctx) {
        byte[] body = RequestBodies.read(ctx, maxBodyBytes);
        String query = ctx.queryString();
        return DeviceRequest.of(ctx.method().name(), ctx.path() + (query == null ? "" : "?" + query), ctx.headerMap(), body);
    }

    /** OsmAnd has no password field: the token comes as a {@code key} parameter or as Basic auth. */
    private static String osmandKey(DeviceRequest request, Context ctx) {
        String key = request.queryParam("key");
        if (key == null && request.hasContentType("application/x-www-form-urlencoded")) {
            List<String> values = FormFields.parse(request.bodyText()).get("key");
            key = values == null || values.isEmpty() ? null : values.get(0);
        }
        if (key == null) {
            String[] basic = basicCredentials(ctx);
            key = basic == null ? null : basic[1];
        }
        return key;
    }

    private Device authenticateBasic(Context ctx) {
        String[] credentials = basicCredentials(ctx);
        if (credentials == null) {
            authFailures.increment();
            ctx.header("WWW-Authenticate", "Basic realm=\"rounds devices\"");
            throw ApiError.unauthorized("send HTTP Basic auth: the device id as user, its token as password");
        }
        return authenticate(ctx, credentials[0], credentials[1]);
    }

    /** Checks credentials; an address that failed too often is refused before storage is asked. */
    private Device authenticate(Context ctx, String deviceId, String token) {
        if (!authFailureLimits.hasToken(ctx.ip())) {
            rateLimited.increment();
            throw ApiError.tooManyRequests("too many failed device authentications from " + ctx.ip(),
                    authFailureLimits.retryAfterSeconds());
        }
        return credentials.authenticate(deviceId, token).orElseThrow(() -> {
            authFailures.increment();
            authFailureLimits.tryTake(ctx.ip());
            return ApiError.unauthorized("unknown device or wrong token for device '" + deviceId
                    + "': send the token given when the device was registered");
        });
    }

    private static String[] basicCredentials(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
