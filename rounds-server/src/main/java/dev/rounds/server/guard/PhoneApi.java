package dev.rounds.server.guard;

import dev.rounds.server.api.Gate;
import dev.rounds.server.patrol.ActivePatrol;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.StoredPing;
import dev.rounds.storage.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the patroller's phone page asks for: my shift (beat, round sheet, progress, checkpoints
 * due, a pending lone-worker check), the answer to that check, an SOS, and my own positions.
 */
public final class PhoneApi {
    private static final int MAX_POSITIONS = 200_000;

    private final RoundsStore store;
    private final ActivePatrol patrol;
    private final Clock clock;
    private final long maxBodyBytes;

    public PhoneApi(RoundsStore store, ActivePatrol patrol, Clock clock, long maxBodyBytes) {
        this.store = store;
        this.patrol = patrol;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/api/v1/me/shift", Access.PATROLLER, this::myShift),
                new Endpoint(HandlerType.POST, "/api/v1/me/check", Access.PATROLLER, this::answerCheck),
                new Endpoint(HandlerType.GET, "/api/v1/me/positions", Access.PATROLLER, this::myPositions),
                new Endpoint(HandlerType.POST, "/api/v1/sos", Access.PATROLLER, this::sos));
    }

    /** Body of POST /api/v1/sos. */
    record Sos(Double lat, Double lon, String at) {
    }

    private void myShift(Context ctx) {
        long patroller = OnShift.patrollerOf(Gate.user(ctx));
        Map<String, Object> view = patrol.myShift(patroller);
        if (view == null) {
            throw new ApiError(404, "not_on_shift", "you are not on shift on the active plan now", Map.of());
        }
        ctx.json(view);
    }

    private void answerCheck(Context ctx) {
        long patroller = OnShift.patrollerOf(Gate.user(ctx));
        boolean open = patrol.answerCheck(patroller);
        ctx.json(Map.of("answered", open));
    }

    private void sos(Context ctx) {
        User user = Gate.user(ctx);
        Sos body = JsonBodies.read(ctx, maxBodyBytes, Sos.class);
        OnShift.checkPosition(body.lat(), body.lon());
        Instant at = OnShift.actionTime(body.at(), clock.instant());
        Shift shift = OnShift.shiftAt(store, user, at);
        ctx.status(201).json(patrol.sos(shift, at, body.lat(), body.lon()));
    }

    private void myPositions(Context ctx) {
        long patroller = OnShift.patrollerOf(Gate.user(ctx));
        List<Shift> shifts = shiftsAsked(ctx, patroller);
        List<StoredPing> pings = new ArrayList<>();
        for (Shift shift : shifts) {
            pings.addAll(store.pingsOfShift(shift.id(), MAX_POSITIONS - pings.size()));
            if (pings.size() >= MAX_POSITIONS) {
                break;
            }
        }
        pings.sort(java.util.Comparator.comparing(p -> p.ping().fixTime()));
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        switch (format) {
            case "json" -> ctx.json(pings.stream().map(PositionExport::view).toList());
            case "csv" -> download(ctx, "text/csv; charset=utf-8", "my-positions.csv", PositionExport.csv(pings));
            case "gpx" -> download(ctx, "application/gpx+xml", "my-positions.gpx", PositionExport.gpx(pings));
            default -> throw ApiError.badRequest("bad_format", "format must be json, csv or gpx; got '" + format + "'");
        }
    }

    private List<Shift> shiftsAsked(Context ctx, long patroller) {
        List<Shift> mine = new ArrayList<>(store.shiftsOf(patroller));
        String shiftParam = ctx.queryParam("shift");
        if (shiftParam == null) {
            java.util.Collections.reverse(mine);
            return mine;
        }
        long id;
        try {
            id = Long.parseLong(shiftParam);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad_id", "shift must be a shift id, got '" + shiftParam + "'");
        }
        return mine.stream().filter(s -> s.id() == id).findFirst().map(List::of)
                .orElseThrow(() -> ApiError.notFound("you have no shift " + id));
    }

    private static void download(Context ctx, String type, String name, String body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(type).result(body);
    }
}
