package dev.rounds.server.guard;

import dev.rounds.server.api.Gate;
import dev.rounds.server.patrol.LiveEvents;
import dev.rounds.server.patrol.ObservationView;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.storage.Observation;
import dev.rounds.storage.Photo;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Observations: a patroller reports a condition at a place (a category from the admin's list, a
 * note, an optional photo) with time and position; staff see them all, a patroller their own.
 * There are no fields about people.
 */
public final class ObservationApi {
    /** A photo may be this large once decoded; the body limit allows for base64. */
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    private static final long MAX_BODY_BYTES = MAX_PHOTO_BYTES * 4L / 3 + 64 * 1024;
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

    private final RoundsStore store;
    private final Clock clock;
    private final LiveEvents events;
    private final long maxBodyBytes;

    public ObservationApi(RoundsStore store, Clock clock, LiveEvents events, long maxBodyBytes) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.maxBodyBytes = maxBodyBytes;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/api/v1/observation-categories", Access.USER,
                        ctx -> ctx.json(store.guardTour().observationCategories())),
                new Endpoint(HandlerType.PUT, "/api/v1/observation-categories", Access.ADMIN, this::saveCategories),
                new Endpoint(HandlerType.POST, "/api/v1/observations", Access.PATROLLER, this::report),
                new Endpoint(HandlerType.GET, "/api/v1/observations", Access.USER, this::list),
                new Endpoint(HandlerType.GET, "/api/v1/observations/{id}/photo", Access.USER, this::photo));
    }

    /** Body of PUT /api/v1/observation-categories. */
    record Categories(List<String> categories) {
    }

    /** Body of POST /api/v1/observations. */
    record NewObservation(String category, String note, Double lat, Double lon, String at, String photo) {
    }

    private void saveCategories(Context ctx) {
        Categories body = JsonBodies.read(ctx, maxBodyBytes, Categories.class);
        ctx.json(store.guardTour().saveObservationCategories(body.categories()));
    }

    private void report(Context ctx) {
        User user = Gate.user(ctx);
        NewObservation body = JsonBodies.read(ctx, Math.max(maxBodyBytes, MAX_BODY_BYTES), NewObservation.class);
        OnShift.checkPosition(body.lat(), body.lon());
        Instant at = OnShift.actionTime(body.at(), clock.instant());
        Shift shift = OnShift.shiftAt(store, user, at);
        Photo photo = body.photo() == null || body.photo().isEmpty() ? null : decodePhoto(body.photo());
        Observation observation = store.guardTour().recordObservation(shift.id(), body.category(), body.note(), at,
                body.lat(), body.lon(), photo);
        Map<String, Object> view = view(observation);
        events.publish("observation", view);
        ctx.status(201).json(view);
    }

    /** A {@code data:image/jpeg;base64,...} URL as a photo. */
    static Photo decodePhoto(String dataUrl) {
        int comma = dataUrl.indexOf(',');
        String header = comma < 0 ? "" : dataUrl.substring(0, comma);
        if (!header.startsWith("data:image/") || !header.endsWith(";base64")) {
            throw ApiError.badRequest("bad_photo", "send the photo as a data URL: data:image/jpeg;base64,...");
        }
        String type = header.substring("data:".length(), header.length() - ";base64".length());
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(dataUrl.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad_photo", "the photo is not valid base64: " + e.getMessage());
        }
        if (bytes.length == 0 || bytes.length > MAX_PHOTO_BYTES) {
            throw new ApiError(413, "photo_too_large", "a photo may have 1 to " + MAX_PHOTO_BYTES + " bytes; this one has "
                    + bytes.length + ": send it smaller (the phone page scales photos to 1600 px)",
                    Map.of("maxBytes", MAX_PHOTO_BYTES));
        }
        if (!PhotoTypes.matches(type, bytes)) {
            throw ApiError.badRequest("bad_photo", "the photo's bytes are not a " + type + " image; send JPEG, PNG or WebP");
        }
        return new Photo(bytes, type);
    }

    private void list(Context ctx) {
        User user = Gate.user(ctx);
        Instant to = instantParam(ctx, "to", clock.instant().plusSeconds(1));
        Instant from = instantParam(ctx, "from", to.minus(DEFAULT_PERIOD));
        List<Observation> all = store.guardTour().observationsBetween(from, to);
        ctx.json(all.stream().filter(o -> visible(user, o)).map(this::view).toList());
    }

    private void photo(Context ctx) {
        long id = idParam(ctx);
        User user = Gate.user(ctx);
        Observation observation = store.guardTour().observation(id).filter(o -> visible(user, o))
                .orElseThrow(() -> ApiError.notFound("no observation " + id));
        Photo photo = store.guardTour().observationPhoto(observation.id())
                .orElseThrow(() -> ApiError.notFound("observation " + id + " has no photo"));
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType(photo.contentType()).result(photo.bytes());
    }

    private static boolean visible(User user, Observation observation) {
        return user.role() != Role.PATROLLER
                || (user.patrollerId() != null && user.patrollerId() == observation.patrollerId());
    }

    private Map<String, Object> view(Observation o) {
        return ObservationView.of(o, store.patroller(o.patrollerId()).map(p -> p.name()).orElse("#" + o.patrollerId()));
    }

    static Instant instantParam(Context ctx, String name, Instant fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("bad_time", "'" + name + "' must be an ISO-8601 time such as 2026-11-29T00:00:00Z");
        }
    }

    static long idParam(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad_id", "'" + text + "' is not an id: ids are whole numbers");
        }
    }
}
