package dev.rounds.server.api;

import dev.rounds.ingest.IngestPipeline;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.ErrorResponses;
import dev.rounds.storage.RoundsStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health, Prometheus metrics and the OpenAPI document. These are public: metrics show counts
 * per stage and reason, never ids, positions or names.
 */
public final class OpsApi {
    private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);

    private final RoundsStore store;
    private final IngestPipeline pipeline;
    private final Supplier<Map<String, Long>> deviceCounters;
    private final byte[] openApi;

    /** Ops endpoints for a store and pipeline. */
    public OpsApi(RoundsStore store, IngestPipeline pipeline, Supplier<Map<String, Long>> deviceCounters) {
        this.store = store;
        this.pipeline = pipeline;
        this.deviceCounters = deviceCounters;
        this.openApi = readOpenApi();
    }

    /** The routes. */
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/health", Access.PUBLIC, this::health),
                new Endpoint(HandlerType.GET, "/metrics", Access.PUBLIC, this::metrics),
                new Endpoint(HandlerType.GET, "/api/v1/openapi.json", Access.PUBLIC,
                        ctx -> ctx.contentType("application/json").result(openApi)));
    }

    private void health(Context ctx) {
        try {
            store.countUsers();
            ctx.json(Map.of("status", "ok", "stages", pipeline.stageNames()));
        } catch (RuntimeException e) {
            LOG.warn("health check: storage unavailable", e);
            ErrorResponses.write(ctx, 503, "unavailable", "storage is unavailable", Map.of());
        }
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(PrometheusText.render(pipeline.stats(), deviceCounters.get()));
    }

    private static byte[] readOpenApi() {
        try (InputStream in = OpsApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the server's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
