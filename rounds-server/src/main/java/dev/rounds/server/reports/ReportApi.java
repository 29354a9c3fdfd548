package dev.rounds.server.reports;

import dev.rounds.coverage.BeatTarget;
import dev.rounds.coverage.PatrolArea;
import dev.rounds.network.ProgressListener;
import dev.rounds.reports.PatrolReport;
import dev.rounds.reports.ReportBuilder;
import dev.rounds.reports.ReportFormat;
import dev.rounds.reports.ReportInput;
import dev.rounds.reports.ReportSettings;
import dev.rounds.server.plans.PlanJobs;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.server.web.Access;
import dev.rounds.server.web.ApiError;
import dev.rounds.server.web.Endpoint;
import dev.rounds.storage.ActivePlan;
import dev.rounds.storage.RoundsStore;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports over stored data under {@code /api/v1/reports}: the active plan's area, a period, an
 * optional beat or patroller, in PDF, CSV (zip), GeoJSON or HTML.
 */
public final class ReportApi {
    private static final Map<ReportFormat, String> TYPES = Map.of(ReportFormat.PDF, "application/pdf",
            ReportFormat.CSV, "application/zip", ReportFormat.GEOJSON, "application/geo+json",
            ReportFormat.HTML, "text/html; charset=utf-8");
    private final RoundsStore store;
    private final PlanJobs plans;

    public ReportApi(RoundsStore store, PlanJobs plans) {
        this.store = store;
        this.plans = plans;
    }

    public List<Endpoint> endpoints() {
        return List.of(new Endpoint(HandlerType.GET, "/api/v1/reports", Access.STAFF, this::report));
    }

    /** A report over stored data on a plan, naming the patrollers by their stored names. */
    public static PatrolReport build(RoundsStore store, PlannedArea planned, Instant from, Instant to, Integer beat,
            String patrollerId, ProgressListener progress) {
        StoredShifts shifts = new StoredShifts(store, planned.plan().beatCount(), planned.network().edgeCount());
        ReportInput input = new ReportInput(planned.network(), area(planned), from, to, beat, patrollerId, shifts,
                shifts.patrollerNames());
        return new ReportBuilder(ReportSettings.DEFAULTS, progress).build(input);
    }

    /** The plan's beats as coverage and reports see them. */
    public static PatrolArea area(PlannedArea planned) {
        double[] lengths = new double[planned.network().edgeCount()];
        for (int e = 0; e < lengths.length; e++) {
            lengths[e] = planned.network().edgeLengthMeters(e);
        }
        List<BeatTarget> targets = new ArrayList<>();
        for (int b = 0; b < planned.plan().beatCount(); b++) {
            double meters = planned.plan().beat(b).roundLengthMeters();
            targets.add(new BeatTarget(planned.rules().roundTime(meters), planned.rules().roundsPerShift(meters)));
        }
        return new PatrolArea(lengths, planned.plan().beatOfEdge(), targets);
    }

    private void report(Context ctx) {
        ActivePlan active = store.activePlan().orElseThrow(() -> ApiError.notFound(
                "no active plan: reports are made on the active plan's streets and beats"));
        PlannedArea planned = plans.plan(active.areaId() + "-" + active.version());
        Instant from = time(ctx, "from");
        Instant to = time(ctx, "to");
        ReportFormat format;
        try {
            format = ReportFormat.named(ctx.queryParam("format") == null ? "html" : ctx.queryParam("format"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad_format", e.getMessage());
        }
        Integer beat = ctx.queryParam("beat") == null ? null : integer(ctx.queryParam("beat"), "beat");
        PatrolReport report;
        try {
            report = build(store, planned, from, to, beat, ctx.queryParam("patroller"), ProgressListener.NONE);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad_report", e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            format.writer().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", (format == ReportFormat.HTML ? "inline" : "attachment")
                + "; filename=\"rounds-report." + format.extension() + "\"");
        ctx.contentType(TYPES.get(format)).result(out.toByteArray());
    }

    private static Instant time(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null) {
            throw ApiError.badRequest("bad_time", "give ?" + name + "= as an ISO time such as 2026-11-29T00:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("bad_time", name + " must be an ISO time such as 2026-11-29T00:00:00Z, got '"
                    + text + "'");
        }
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("bad_" + name, name + " must be a whole number, got '" + text + "'");
        }
    }
}
