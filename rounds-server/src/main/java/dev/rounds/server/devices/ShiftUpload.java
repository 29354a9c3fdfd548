package dev.rounds.server.devices;

import dev.rounds.ingest.IngestQueue;
import dev.rounds.ingest.IngestResult;
import dev.rounds.ingest.Ping;
import dev.rounds.matching.TraceFiles;
import dev.rounds.matching.TraceFormatException;
import dev.rounds.server.api.Gate;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.RequestBodies;
import dev.rounds.storage.Device;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.User;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * GPX upload of a shift recorded offline (a phone without signal for the whole shift, or another
 * tracking app's export): the track's points go through the same pipeline as live positions, as
 * if the patroller's device had sent them late, so coverage, rounds and reports include them.
 * Points outside the shift are left out and counted.
 */
public final class ShiftUpload {
    /** A GPX file of a long shift at one point a second is about 10 MB. */
    static final long MAX_GPX_BYTES = 32L * 1024 * 1024;

    private final RoundsStore store;
    private final IngestQueue queue;
    private final Consumer<String> uploadComplete;
    private final int chunk;

    /**
     * @param uploadComplete told the device id once all points are in, so the live patrol decides
     *        the track's last stretch at once
     */
    public ShiftUpload(RoundsStore store, IngestQueue queue, Consumer<String> uploadComplete, int chunk) {
        this.store = store;
        this.queue = queue;
        this.uploadComplete = uploadComplete;
        this.chunk = chunk;
    }

    public List<Endpoint> endpoints() {
        return List.of(new Endpoint(HandlerType.POST, "/api/v1/shifts/{id}/gpx", Access.USER, this::upload));
    }

    private void upload(Context ctx) {
        User user = Gate.user(ctx);
        Shift shift = ownShift(ctx, user);
        Device device = device(ctx, shift);
        List<dev.rounds.matching.Ping> points;
        try {
            points = TraceFiles.readGpx(new ByteArrayInputStream(RequestBodies.read(ctx, MAX_GPX_BYTES)), "the GPX file");
        } catch (TraceFormatException e) {
            throw ApiError.badRequest("bad_gpx", e.getMessage());
        }
        if (points.isEmpty()) {
            throw ApiError.badRequest("bad_gpx", "the GPX file has no track points (trkpt with lat, lon and time)");
        }
        List<Ping> inShift = new ArrayList<>();
        int outside = 0;
        for (dev.rounds.matching.Ping point : points) {
            if (shift.contains(point.time())) {
                inShift.add(Ping.builder(device.id(), point.time(), point.lat(), point.lon())
                        .accuracyMeters(Double.isNaN(point.accuracyMeters()) ? null : point.accuracyMeters())
                        .attribute("source", "gpx").build());
            } else {
                outside++;
            }
        }
        Map<String, Long> dropped = new TreeMap<>();
        int accepted = 0;
        for (int from = 0; from < inShift.size(); from += chunk) {
            IngestResult result = queue.submit(inShift.subList(from, Math.min(inShift.size(), from + chunk)));
            accepted += result.accepted().size();
            result.dropped().forEach(d -> dropped.merge(d.drop().reason().code(), 1L, Long::sum));
        }
        if (accepted > 0) {
            uploadComplete.accept(device.id());
        }
        if (outside > 0) {
            dropped.put("outside_shift", (long) outside);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("shiftId", shift.id());
        answer.put("device", device.id());
        answer.put("points", points.size());
        answer.put("accepted", accepted);
        answer.put("dropped", dropped);
        ctx.json(answer);
    }

    private Shift ownShift(Context ctx, User user) {
        String text = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad_id", "'" + text + "' is not an id: ids are whole numbers");
        }
        Shift shift = store.shift(id).orElseThrow(() -> ApiError.notFound("no shift " + id));
        boolean staff = user.role() == Role.ADMIN || user.role() == Role.SUPERVISOR;
        if (!staff && (user.patrollerId() == null || user.patrollerId() != shift.patrollerId())) {
            throw ApiError.forbidden("a patroller uploads only their own shifts");
        }
        return shift;
    }

    /** The device the points are stored under: {@code ?device=}, or the patroller's only device. */
    private Device device(Context ctx, Shift shift) {
        List<Device> devices = store.devicesOf(shift.patrollerId());
        String asked = ctx.queryParam("device");
        if (asked != null) {
            return devices.stream().filter(d -> d.id().equals(asked)).findFirst().orElseThrow(() ->
                    ApiError.badRequest("bad_device", "device '" + asked + "' is not one of this patroller's devices "
                            + devices.stream().map(Device::id).toList()));
        }
        if (devices.size() != 1) {
            throw ApiError.badRequest("bad_device", devices.isEmpty()
                    ? "the patroller has no device: register one on the Team page first (positions are kept per device)"
                    : "the patroller has " + devices.size() + " devices " + devices.stream().map(Device::id).toList()
                            + ": say which with ?device=ID");
        }
        return devices.get(0);
    }
}
