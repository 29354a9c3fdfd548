package dev.rounds.server.plans;

import dev.rounds.network.StreetNetwork;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.storage.Area;
import dev.rounds.storage.PlanVersion;
import dev.rounds.storage.RoundsStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Areas and plans under {@code /api/v1}: import a map (upload or the generated town), plan it in the
 * background with progress, read a plan's figures and files, and make a plan the active one.
 */
public final class PlanApi {
    /** Map uploads are streamed to a temporary file up to this size (the JSON body limit is far smaller). */
    public static final long MAX_MAP_BYTES = 256L * 1024 * 1024;
    private static final Map<String, String> FILE_TYPES = Map.of(
            "streets.geojson", "application/geo+json",
            "beats.geojson", "application/geo+json",
            "rounds.geojson", "application/geo+json",
            "rounds.gpx", "application/gpx+xml",
            "sheets.html", "text/html; charset=utf-8",
            "plan.json", "application/json");

    private final RoundsStore store;
    private final AreaCatalog areas;
    private final PlanJobs jobs;
    private final PlanActivation activation;
    private final long maxBodyBytes;

    public PlanApi(RoundsStore store, AreaCatalog areas, PlanJobs jobs, PlanActivation activation, long maxBodyBytes) {
        this.store = store;
        this.areas = areas;
        this.jobs = jobs;
        this.activation = activation;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The routes. */
    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HandlerType.GET, "/api/v1/areas", Access.STAFF, this::listAreas),
                new Endpoint(HandlerType.POST, "/api/v1/areas", Access.STAFF, this::importMap),
                new Endpoint(HandlerType.POST, "/api/v1/areas/town", Access.STAFF, this::generateTown),
                new Endpoint(HandlerType.POST, "/api/v1/areas/{id}/plans", Access.STAFF, this::startPlan),
                new Endpoint(HandlerType.GET, "/api/v1/plan-jobs/{id}", Access.STAFF,
                        ctx -> ctx.json(jobs.status(longParam(ctx, "id")))),
                new Endpoint(HandlerType.GET, "/api/v1/plans/{id}", Access.USER,
                        ctx -> ctx.json(jobs.plan(ctx.pathParam("id")).summary())),
                new Endpoint(HandlerType.GET, "/api/v1/plans/{id}/{file}", Access.USER, this::planFile),
                new Endpoint(HandlerType.POST, "/api/v1/plans/{id}/activate", Access.STAFF, this::activate));
    }

    private void listAreas(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Area area : store.areas()) {
            StreetNetwork network = areas.network(area.id());
            Map<String, Object> item = describe(area, network);
            List<String> plans = new ArrayList<>();
            for (PlanVersion version : store.planVersions(area.id())) {
                plans.add(area.id() + "-" + version.version());
            }
            item.put("plans", plans);
            list.add(item);
        }
        ctx.json(list);
    }

    private static Map<String, Object> describe(Area area, StreetNetwork network) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", area.id());
        item.put("name", area.name());
        item.put("format", area.mapFormat());
        item.put("createdAt", area.createdAt());
        item.put("edges", network.edgeCount());
        item.put("lengthMeters", network.totalLengthMeters());
        item.put("attribution", network.attribution());
        return item;
    }

    private void importMap(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) {
            throw ApiError.badRequest("bad_map_name", "give the file name as ?name=, e.g. ?name=monaco.osm.pbf");
        }
        AreaCatalog.ending(name);
        Path upload = null;
        try {
            upload = Files.createTempFile("rounds-upload-", ".map");
            copyCapped(ctx.bodyInputStream(), upload);
            Area area = areas.importMap(name.trim(), ctx.queryParam("profile"), upload);
            ctx.status(201).json(describe(area, areas.network(area.id())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(upload);
        }
    }

    private static void copyCapped(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_MAP_BYTES) {
                    throw ApiError.tooLarge(MAX_MAP_BYTES);
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw ApiError.badRequest("empty_map", "the request body is empty: send the map file as the body");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    /** Body of POST /areas/town. */
    record TownRequest(Long seed) {
    }

    private void generateTown(Context ctx) {
        TownRequest request = JsonBodies.read(ctx, maxBodyBytes, TownRequest.class);
        long seed = request == null || request.seed() == null ? 1 : request.seed();
        Area area = areas.generateTown(seed);
        ctx.status(201).json(describe(area, areas.network(area.id())));
    }

    private void startPlan(Context ctx) {
        PlanRequest request = JsonBodies.read(ctx, maxBodyBytes, PlanRequest.class);
        if (request == null) {
            throw ApiError.badRequest("bad_plan", "send a JSON body such as {\"patrollers\": 6}");
        }
        PlanJobs.Job job = jobs.start(longParam(ctx, "id"), request);
        ctx.status(202).json(Map.of("id", job.id, "state", job.state));
    }

    private void planFile(Context ctx) {
        String file = ctx.pathParam("file");
        String type = FILE_TYPES.get(file);
        if (type == null) {
            throw ApiError.notFound("no plan file '" + file + "'; there are " + String.join(", ", FILE_TYPES.keySet()));
        }
        PlannedArea planned = jobs.plan(ctx.pathParam("id"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (file) {
                case "streets.geojson" -> planned.files().writeStreets(out);
                case "beats.geojson" -> planned.files().writeBeats(out);
                case "rounds.geojson" -> planned.files().writeRounds(out);
                case "rounds.gpx" -> planned.files().writeGpx(out);
                case "sheets.html" -> planned.files().writeSheets(out);
                default -> out.write(jobs.storedJson(planned.planId()).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!file.endsWith(".html")) {
            ctx.header("Content-Disposition", "attachment; filename=\"plan-" + planned.planId() + "-" + file + "\"");
        }
        ctx.contentType(type).result(out.toByteArray());
    }

    private void activate(Context ctx) {
        PlannedArea planned = jobs.plan(ctx.pathParam("id"));
        store.activatePlan(planned.areaId(), planned.version());
        activation.activate(planned);
        ctx.json(Map.of("active", planned.planId()));
    }

    private static long longParam(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad_id", "'" + text + "' is not an id: ids are whole numbers");
        }
    }
}
