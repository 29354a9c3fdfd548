package dev.rounds.server.guard;

import dev.rounds.server.api.Gate;
import dev.rounds.server.patrol.ActivePatrol;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.storage.CheckpointVisit;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.StoredCheckpoint;
import dev.rounds.storage.TourRules;
import dev.rounds.storage.User;
import dev.rounds.reports.CheckpointSheet;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkpoints of the active plan's area: staff place them and set each beat's tour rules; a
 * patroller on shift records a visit by scanning the checkpoint's QR code or NFC tag (a URL
 * {@code /c/CODE} that leads to the phone page) or by typing its code.
 */
public final class CheckpointApi {
    private final RoundsStore store;
    private final ActivePatrol patrol;
    private final Clock clock;
    private final long maxBodyBytes;

    public CheckpointApi(RoundsStore store, ActivePatrol patrol, Clock clock, long maxBodyBytes) {
        this.store = store;
        this.patrol = patrol;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/c/{code}", Access.PUBLIC, this::scanLink),
                new Endpoint(HandlerType.GET, "/api/v1/checkpoints", Access.USER, this::list),
                new Endpoint(HandlerType.POST, "/api/v1/checkpoints", Access.STAFF, this::create),
                new Endpoint(HandlerType.DELETE, "/api/v1/checkpoints/{id}", Access.STAFF, this::retire),
                new Endpoint(HandlerType.GET, "/api/v1/checkpoints/sheet.pdf", Access.STAFF, this::sheet),
                new Endpoint(HandlerType.GET, "/api/v1/checkpoint-tours", Access.USER, this::tours),
                new Endpoint(HandlerType.PUT, "/api/v1/checkpoint-tours/{beat}", Access.STAFF, this::saveTour),
                new Endpoint(HandlerType.POST, "/api/v1/checkpoint-visits", Access.PATROLLER, this::visit));
    }

    /** Body of POST /api/v1/checkpoints. */
    record NewCheckpoint(String name, Double lat, Double lon, String beat, Integer sequence) {
    }

    /** Body of PUT /api/v1/checkpoint-tours/{beat}. */
    record Tour(Boolean inOrder, Integer windowMinutes, Integer graceMinutes, Integer startMinutes) {
    }

    /** Body of POST /api/v1/checkpoint-visits. */
    record NewVisit(String code, Double lat, Double lon, Double accuracy, String method, String at) {
    }

    private void scanLink(Context ctx) {
        String code = ctx.pathParam("code").replaceAll("[^A-Za-z0-9-]", "");
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/phone.html#scan=" + code);
    }

    private PlannedArea activePlan() {
        return patrol.activePlan().orElseThrow(() -> new ApiError(409, "no_active_plan",
                "no plan is active: checkpoints belong to the active plan's area; activate a plan on the Plan page",
                Map.of()));
    }

    private void list(Context ctx) {
        User user = Gate.user(ctx);
        Optional<PlannedArea> plan = patrol.activePlan();
        if (plan.isEmpty()) {
            ctx.json(List.of());
            return;
        }
        List<StoredCheckpoint> all = store.guardTour().checkpoints(plan.get().areaId());
        if (user.role() == Role.PATROLLER) {
            OnShift.patrollerOf(user);
            String beat = currentBeat(user);
            ctx.json(all.stream().filter(c -> c.beat().equals(beat)).map(c -> view(c, false)).toList());
        } else {
            ctx.json(all.stream().map(c -> view(c, true)).toList());
        }
    }

    private String currentBeat(User user) {
        Instant now = clock.instant();
        return store.shiftsOf(user.patrollerId()).stream().filter(s -> s.contains(now)).map(Shift::beat)
                .findFirst().orElse(null);
    }

    private void create(Context ctx) {
        NewCheckpoint body = JsonBodies.read(ctx, maxBodyBytes, NewCheckpoint.class);
        if (body.lat() == null || body.lon() == null) {
            throw ApiError.badRequest("bad_position", "a checkpoint needs lat and lon");
        }
        OnShift.checkPosition(body.lat(), body.lon());
        PlannedArea plan = activePlan();
        String beat = body.beat() == null || body.beat().isBlank()
                ? Integer.toString(patrol.nearestBeat(body.lat(), body.lon())) : body.beat().trim();
        int beatNumber = parseBeat(beat);
        if (beatNumber < 0 || beatNumber >= plan.plan().beatCount()) {
            throw ApiError.badRequest("bad_beat", "the active plan has beats 0.." + (plan.plan().beatCount() - 1)
                    + "; got '" + beat + "'");
        }
        int sequence = body.sequence() != null ? body.sequence()
                : store.guardTour().checkpoints(plan.areaId()).stream().filter(c -> c.beat().equals(beat))
                        .mapToInt(StoredCheckpoint::sequence).max().orElse(-1) + 1;
        StoredCheckpoint checkpoint = store.guardTour().createCheckpoint(plan.areaId(), beat, body.name(), sequence,
                body.lat(), body.lon());
        patrol.toursChanged();
        ctx.status(201).json(view(checkpoint, true));
    }

    private void retire(Context ctx) {
        StoredCheckpoint retired = store.guardTour().retireCheckpoint(ObservationApi.idParam(ctx));
        patrol.toursChanged();
        ctx.json(view(retired, true));
    }

    /**
     * The printable QR sheet. The codes hold this server's address as the request reached it
     * (scheme and host, or the X-Forwarded-Proto and -Host a reverse proxy sets), so print the sheet
     * from the address the patrollers' phones use.
     */
    private void sheet(Context ctx) {
        PlannedArea plan = activePlan();
        String beatParam = ctx.queryParam("beat");
        String base = publicBase(ctx);
        List<CheckpointSheet.Entry> entries = store.guardTour().checkpoints(plan.areaId()).stream()
                .filter(c -> beatParam == null || c.beat().equals(beatParam.trim()))
                .filter(c -> parseBeat(c.beat()) >= 0)
                .map(c -> new CheckpointSheet.Entry(parseBeat(c.beat()), c.name(), base + "/c/" + c.code())).toList();
        if (entries.isEmpty()) {
            throw ApiError.notFound(beatParam == null ? "there are no checkpoints yet: place some on the Checkpoints page"
                    : "beat " + beatParam + " has no checkpoints");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CheckpointSheet.write(entries, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", "inline; filename=\"checkpoints" + (beatParam == null ? "" : "-beat-" + beatParam)
                + ".pdf\"");
        ctx.contentType("application/pdf").result(out.toByteArray());
    }

    private static String publicBase(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String host = ctx.header("X-Forwarded-Host");
        String scheme = proto != null && proto.matches("https?") ? proto : ctx.scheme();
        String authority = host != null && host.matches("[A-Za-z0-9.:\\[\\]-]+") ? host : ctx.host();
        return scheme + "://" + authority;
    }

    private void tours(Context ctx) {
        Optional<PlannedArea> plan = patrol.activePlan();
        if (plan.isEmpty()) {
            ctx.json(List.of());
            return;
        }
        Map<String, TourRules> set = new LinkedHashMap<>();
        store.guardTour().tourRules(plan.get().areaId()).forEach(r -> set.put(r.beat(), r));
        List<TourRules> rules = new ArrayList<>();
        for (int b = 0; b < plan.get().plan().beatCount(); b++) {
            String beat = Integer.toString(b);
            rules.add(set.getOrDefault(beat, TourRules.defaults(plan.get().areaId(), beat)));
        }
        ctx.json(rules.stream().map(CheckpointApi::view).toList());
    }

    private void saveTour(Context ctx) {
        PlannedArea plan = activePlan();
        String beat = ctx.pathParam("beat");
        int number = parseBeat(beat);
        if (number < 0 || number >= plan.plan().beatCount()) {
            throw ApiError.notFound("the active plan has beats 0.." + (plan.plan().beatCount() - 1) + "; no beat '" + beat + "'");
        }
        Tour body = JsonBodies.read(ctx, maxBodyBytes, Tour.class);
        TourRules defaults = TourRules.defaults(plan.areaId(), beat);
        TourRules rules = store.guardTour().saveTourRules(new TourRules(plan.areaId(), Integer.toString(number),
                body.inOrder() == null ? defaults.inOrder() : body.inOrder(),
                body.windowMinutes() == null ? defaults.windowMinutes() : body.windowMinutes(),
                body.graceMinutes() == null ? defaults.graceMinutes() : body.graceMinutes(),
                body.startMinutes() == null ? defaults.startMinutes() : body.startMinutes()));
        patrol.toursChanged();
        ctx.json(view(rules));
    }

    private void visit(Context ctx) {
        User user = Gate.user(ctx);
        NewVisit body = JsonBodies.read(ctx, maxBodyBytes, NewVisit.class);
        OnShift.checkPosition(body.lat(), body.lon());
        String method = body.method() == null ? "qr" : body.method();
        if (!List.of("qr", "nfc", "code").contains(method)) {
            throw ApiError.badRequest("bad_method", "method must be qr, nfc or code; got '" + method + "'");
        }
        StoredCheckpoint checkpoint = store.guardTour().checkpointByCode(body.code())
                .orElseThrow(() -> new ApiError(404, "unknown_checkpoint", "no checkpoint in use has the code '"
                        + body.code() + "': check the code on the label, or ask a supervisor", Map.of()));
        Instant at = OnShift.actionTime(body.at(), clock.instant());
        Shift shift = OnShift.shiftAt(store, user, at);
        PlannedArea plan = activePlan();
        if (checkpoint.areaId() != plan.areaId() || !checkpoint.beat().equals(shift.beat())) {
            throw new ApiError(409, "other_beat", "checkpoint \"" + checkpoint.name() + "\" is on beat " + checkpoint.beat()
                    + " but your shift is on beat " + shift.beat() + ": the visit was not recorded", Map.of());
        }
        String status;
        try {
            status = patrol.checkpointScanned(checkpoint, shift, at, body.lat(), body.lon());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiError(409, "not_in_plan", "the visit cannot be judged against the active plan: " + e.getMessage()
                    + "; a supervisor should check the checkpoint's beat and the shift on the Checkpoints page", Map.of());
        }
        CheckpointVisit visit = store.guardTour().recordVisit(checkpoint.id(), shift.id(), at, body.lat(), body.lon(),
                method, status);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", visit.id());
        view.put("checkpointId", checkpoint.id());
        view.put("name", checkpoint.name());
        view.put("visitedAt", visit.visitedAt().toString());
        view.put("status", status);
        ctx.status(201).json(view);
    }

    private static int parseBeat(String beat) {
        try {
            return Integer.parseInt(beat.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Map<String, Object> view(StoredCheckpoint c, boolean withCode) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("name", c.name());
        view.put("beat", c.beat());
        view.put("sequence", c.sequence());
        view.put("lat", c.lat());
        view.put("lon", c.lon());
        if (withCode) {
            view.put("code", c.code());
        }
        return view;
    }

    private static Map<String, Object> view(TourRules r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("beat", r.beat());
        view.put("inOrder", r.inOrder());
        view.put("windowMinutes", r.windowMinutes());
        view.put("graceMinutes", r.graceMinutes());
        view.put("startMinutes", r.startMinutes());
        return view;
    }
}
