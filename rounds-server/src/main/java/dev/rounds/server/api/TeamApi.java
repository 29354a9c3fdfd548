package dev.rounds.server.api;

import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Patrollers, devices, shifts and the pings of a shift under {@code /api/v1}. Staff see everything;
 * a patroller sees only their own record, devices, shifts and pings.
 */
public final class TeamApi {
    private static final int MAX_PINGS = 10_000;

    private final RoundsStore store;
    private final long maxBodyBytes;

    /** The team endpoints over a store. */
    public TeamApi(RoundsStore store, long maxBodyBytes) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The routes. */
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/api/v1/patrollers", Access.USER, this::listPatrollers),
                new Endpoint(HandlerType.POST, "/api/v1/patrollers", Access.STAFF, this::createPatroller),
                new Endpoint(HandlerType.GET, "/api/v1/patrollers/{id}", Access.USER, this::getPatroller),
                new Endpoint(HandlerType.GET, "/api/v1/devices", Access.USER, this::listDevices),
                new Endpoint(HandlerType.POST, "/api/v1/devices", Access.STAFF, this::createDevice),
                new Endpoint(HandlerType.GET, "/api/v1/shifts", Access.USER, this::listShifts),
                new Endpoint(HandlerType.POST, "/api/v1/shifts", Access.STAFF, this::createShift),
                new Endpoint(HandlerType.GET, "/api/v1/shifts/{id}", Access.USER, ctx -> ctx.json(visibleShift(ctx))),
                new Endpoint(HandlerType.POST, "/api/v1/shifts/{id}/end", Access.STAFF, this::endShift),
                new Endpoint(HandlerType.GET, "/api/v1/shifts/{id}/pings", Access.USER, this::shiftPings),
                new Endpoint(HandlerType.GET, "/api/v1/audit", Access.ADMIN, ctx -> ctx.json(store.auditLog(limitParam(ctx)))));
    }

    private void listPatrollers(Context ctx) {
        User user = Gate.user(ctx);
        ctx.json(isStaff(user) ? store.patrollers()
                : store.patroller(user.patrollerId()).stream().toList());
    }

    private void createPatroller(Context ctx) {
        Requests.NewPatroller request = JsonBodies.read(ctx, maxBodyBytes, Requests.NewPatroller.class);
        ctx.status(201).json(store.createPatroller(Requests.required("name", request.name())));
    }

    private void getPatroller(Context ctx) {
        long id = idParam(ctx);
        requireOwn(Gate.user(ctx), id);
        ctx.json(store.patroller(id).orElseThrow(() -> ApiError.notFound("no patroller " + id)));
    }

    private void listDevices(Context ctx) {
        User user = Gate.user(ctx);
        ctx.json(isStaff(user) ? store.devices() : store.devicesOf(user.patrollerId()));
    }

    private void createDevice(Context ctx) {
        Requests.NewDevice request = JsonBodies.read(ctx, maxBodyBytes, Requests.NewDevice.class);
        ctx.status(201).json(store.createDevice(Requests.required("id", request.id()), request.patrollerId(), request.label()));
    }

    private void listShifts(Context ctx) {
        User user = Gate.user(ctx);
        ctx.json(isStaff(user) ? store.shifts() : store.shiftsOf(user.patrollerId()));
    }

    private void createShift(Context ctx) {
        Requests.NewShift request = JsonBodies.read(ctx, maxBodyBytes, Requests.NewShift.class);
        ctx.status(201).json(store.createShift(Requests.required("patrollerId", request.patrollerId()),
                Requests.required("beat", request.beat()), Requests.required("startsAt", request.startsAt()),
                request.endsAt()));
    }

    private void endShift(Context ctx) {
        Requests.EndShift request = JsonBodies.read(ctx, maxBodyBytes, Requests.EndShift.class);
        ctx.json(store.endShift(idParam(ctx), Requests.required("endsAt", request.endsAt())));
    }

    private void shiftPings(Context ctx) {
        Shift shift = visibleShift(ctx);
        User user = Gate.user(ctx);
        if (user.patrollerId() == null || user.patrollerId() != shift.patrollerId()) {
            store.audit(user.id(), "view_positions", "shift " + shift.id() + " of patroller " + shift.patrollerId());
        }
        ctx.json(store.pingsOfShift(shift.id(), limitParam(ctx)));
    }

    private Shift visibleShift(Context ctx) {
        long id = idParam(ctx);
        Shift shift = store.shift(id).orElseThrow(() -> ApiError.notFound("no shift " + id));
        requireOwn(Gate.user(ctx), shift.patrollerId());
        return shift;
    }

    private static void requireOwn(User user, long patrollerId) {
        if (!isStaff(user) && (user.patrollerId() == null || user.patrollerId() != patrollerId)) {
            throw ApiError.forbidden("a patroller sees only their own data");
        }
    }

    private static boolean isStaff(User user) {
        return user.role() == Role.ADMIN || user.role() == Role.SUPERVISOR;
    }

    private static long idParam(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad_id", "'" + text + "' is not an id: ids are whole numbers");
        }
    }

    private static int limitParam(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return 1000;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_PINGS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("bad_limit", "limit must be a whole number from 1 to " + MAX_PINGS);
    }
}
