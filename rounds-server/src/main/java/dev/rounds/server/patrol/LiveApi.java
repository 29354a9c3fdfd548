package dev.rounds.server.patrol;

import dev.rounds.server.api.Gate;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.storage.Alert;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The live patrol under {@code /api/v1}: the live map's state and event stream, streets and
 * patrollers for pop-ups, coverage per street, round progress, and alerts with acknowledgement.
 * A patroller sees only their own position, progress and alerts.
 */
public final class LiveApi {
    private final ActivePatrol patrol;
    private final LiveEvents events;
    private final RoundsStore store;
    private final Clock clock;
    private final long maxBodyBytes;
    private final String mapTiles;
    private static final int MAX_ACK_IDS = 10_000;

    /** @param mapTiles a tile URL template for the live map, or null for none */
    public LiveApi(ActivePatrol patrol, LiveEvents events, RoundsStore store, Clock clock, long maxBodyBytes,
            String mapTiles) {
        this.patrol = patrol;
        this.events = events;
        this.store = store;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.mapTiles = mapTiles;
    }

    /** The routes. */
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/api/v1/live/state", Access.USER, this::state),
                new Endpoint(HandlerType.GET, "/api/v1/live/events", Access.USER, new SseHandler(events::join)),
                new Endpoint(HandlerType.GET, "/api/v1/live/streets/{edge}", Access.USER, this::street),
                new Endpoint(HandlerType.GET, "/api/v1/live/patrollers/{id}", Access.USER, this::patroller),
                new Endpoint(HandlerType.GET, "/api/v1/coverage", Access.USER, this::coverage),
                new Endpoint(HandlerType.GET, "/api/v1/progress", Access.USER,
                        ctx -> ctx.json(patrol.progress(onlyPatroller(ctx)))),
                new Endpoint(HandlerType.GET, "/api/v1/alerts", Access.USER, this::alerts),
                new Endpoint(HandlerType.POST, "/api/v1/alerts/{id}/ack", Access.STAFF, this::acknowledge),
                new Endpoint(HandlerType.POST, "/api/v1/alerts/ack", Access.STAFF, this::acknowledgeMany));
    }

    /** Null for staff; the patroller's own id for a patroller (who must be linked to one). */
    static Long onlyPatroller(Context ctx) {
        User user = Gate.user(ctx);
        if (user.role() != Role.PATROLLER) {
            return null;
        }
        if (user.patrollerId() == null) {
            throw ApiError.forbidden("this patroller account is not linked to a patroller; ask an admin to link it");
        }
        return user.patrollerId();
    }

    private void state(Context ctx) {
        Map<String, Object> state = patrol.state(onlyPatroller(ctx));
        if (state == null) {
            throw ApiError.notFound("no active plan: import a map, plan it and make the plan active");
        }
        if (mapTiles != null) {
            state.put("tiles", mapTiles);
        }
        ctx.json(state);
    }

    private void street(Context ctx) {
        int edge = (int) number(ctx, "edge");
        Map<String, Object> street = patrol.street(edge);
        if (street == null) {
            throw ApiError.notFound("no street " + edge + " in the active plan");
        }
        ctx.json(street);
    }

    private void patroller(Context ctx) {
        long id = number(ctx, "id");
        Long only = onlyPatroller(ctx);
        if (only != null && only != id) {
            throw ApiError.forbidden("a patroller sees only their own data");
        }
        Map<String, Object> view = patrol.patroller(id);
        if (view == null) {
            throw ApiError.notFound("patroller " + id + " is not on shift on the active plan");
        }
        ctx.json(view);
    }

    private void coverage(Context ctx) {
        Instant from = clock.instant().minus(Duration.ofHours(24));
        String text = ctx.queryParam("from");
        if (text != null) {
            try {
                from = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("bad_time", "from must be an ISO time such as 2026-11-29T08:00:00Z");
            }
        }
        Map<String, Object> coverage = patrol.coverage(from);
        if (coverage == null) {
            throw ApiError.notFound("no active plan: import a map, plan it and make the plan active");
        }
        ctx.contentType("application/geo+json").json(coverage);
    }

    private void alerts(Context ctx) {
        Long only = onlyPatroller(ctx);
        ctx.json(store.openAlerts().stream().filter(a -> only == null || only.equals(a.patrollerId()))
                .map(patrol::alertView).toList());
    }

    /** Body of an acknowledgement. */
    record Acknowledgement(String comment) {
    }

    private void acknowledge(Context ctx) {
        long id = number(ctx, "id");
        Acknowledgement body = JsonBodies.read(ctx, maxBodyBytes, Acknowledgement.class);
        if (body == null || body.comment() == null || body.comment().isBlank()) {
            throw ApiError.badRequest("comment_required", "say what was done: {\"comment\": \"...\"}");
        }
        Alert alert = store.acknowledgeAlert(id, Gate.user(ctx).id(), body.comment());
        events.publish("alert-closed", Map.of("id", id));
        ctx.json(patrol.alertView(alert));
    }

    /** Body of an acknowledgement of many alerts. */
    record Acknowledgements(List<Long> ids, String comment) {
    }

    /** Closes many alerts with one comment, e.g. every unvisited street of a beat. */
    private void acknowledgeMany(Context ctx) {
        Acknowledgements body = JsonBodies.read(ctx, maxBodyBytes, Acknowledgements.class);
        if (body.comment() == null || body.comment().isBlank()) {
            throw ApiError.badRequest("comment_required", "say what was done: {\"ids\": [...], \"comment\": \"...\"}");
        }
        if (body.ids() == null || body.ids().isEmpty() || body.ids().size() > MAX_ACK_IDS) {
            throw ApiError.badRequest("bad_ids", "give 1 to " + MAX_ACK_IDS + " alert ids: {\"ids\": [12, 13], ...}");
        }
        List<Long> closed = store.acknowledgeAlerts(body.ids(), Gate.user(ctx).id(), body.comment());
        closed.forEach(id -> events.publish("alert-closed", Map.of("id", id)));
        ctx.json(Map.of("closed", closed));
    }

    private static long number(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad_id", "'" + text + "' is not an id: ids are whole numbers");
        }
    }
}
