package dev.rounds.server.web;

import com.fasterxml.jackson.core.JacksonException;
import dev.rounds.ingest.MessageRefusedException;
import dev.rounds.storage.StoreRefusal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON {@code {code, message, details}} answer with the right status.
 * Unexpected failures become a generic 500 with an incident id; the full stack trace goes to the
 * server log under the same id, never to the client.
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    /** Installs the exception handlers on an app. */
    public static void install(Javalin app) {
        app.exception(ApiError.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.details()));
        app.exception(MessageRefusedException.class,
                (e, ctx) -> write(ctx, 400, e.reason().code(), e.getMessage(), Map.of()));
        app.exception(StoreRefusal.class, (e, ctx) -> write(ctx, statusOf(e.kind()), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                e.getMessage(), Map.of()));
        app.exception(JacksonException.class, (e, ctx) -> write(ctx, 400, "malformed_json",
                "the body is not the JSON this endpoint expects: " + e.getOriginalMessage(), Map.of()));
        app.exception(HttpResponseException.class, ErrorResponses::framework);
        app.exception(Exception.class, ErrorResponses::unexpected);
    }

    private static void framework(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String message = status == 404 ? "no endpoint " + ctx.method() + " " + ctx.path() + " (see /api/v1/openapi.json)"
                : status >= 500 ? "internal error" : e.getMessage();
        write(ctx, status, code, message, Map.of());
    }

    private static void unexpected(Exception e, Context ctx) {
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
        write(ctx, 500, "internal_error", "internal error; the server log has the details", Map.of("incident", incident));
    }

    private static int statusOf(StoreRefusal.Kind kind) {
        return switch (kind) {
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            case INVALID -> 400;
        };
    }

    /** Writes an error body. */
    public static void write(Context ctx, int status, String code, String message, Map<String, Object> details) {
        if (status == 429 && details.get("retryAfterSeconds") instanceof Long seconds) {
            ctx.header("Retry-After", Long.toString(seconds));
        }
        if (status == 401 && ctx.header("WWW-Authenticate") == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"rounds\"");
        }
        ctx.status(status).json(new ErrorBody(code, message, details));
    }
}
