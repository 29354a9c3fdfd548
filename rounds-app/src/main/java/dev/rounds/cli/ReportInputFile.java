package dev.rounds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.coverage.Alert;
import dev.rounds.coverage.AlertKind;
import dev.rounds.coverage.BeatTarget;
import dev.rounds.coverage.PatrolArea;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.StreetNetwork;
import dev.rounds.reports.ReportAlert;
import dev.rounds.reports.ReportInput;
import dev.rounds.reports.ShiftSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the JSON file that {@code rounds report --input} takes until the command reads the
 * database: the plan's beats and the shifts with their visits, fixes and alerts. Edge ids are those
 * of the map given with {@code --map} or {@code --generate-town}. The whole file is held in memory,
 * unlike the report itself, which streams shift by shift from a database source.
 *
 * <pre>{@code
 * {
 *   "beatOfEdge": [0, 0, 1, ...],                       one per street of the map, in edge order
 *   "beats": [{"roundMinutes": 120, "roundsPerShift": 3}, ...],
 *   "shifts": [{"id": "s1", "patroller": "p1", "beat": 0,
 *               "start": "2026-11-02T06:00:00Z", "end": "2026-11-02T12:00:00Z"}],
 *   "visits": [{"patroller": "p1", "edge": 12, "entry": "...", "exit": "...", "share": 1.0}],
 *   "fixes":  [{"patroller": "p1", "time": "...", "lat": 47.35, "lon": 8.52, "sos": false}],
 *   "alerts": [{"kind": "STREET_UNVISITED", "key": "...", "raisedAt": "...", "shift": "s1",
 *               "patroller": "p1", "beat": 0, "edge": 12, "reason": "...",
 *               "acknowledgedAt": "..." or null, "comment": "..."}],
 *   "patrollerNames": {"p1": "Dana Horáková"}            optional; the report shows "#p1" without it
 * }
 * }</pre>
 */
public final class ReportInputFile {
    private final PatrolArea area;
    private final List<Shift> shifts = new ArrayList<>();
    private final List<StreetVisit> visits = new ArrayList<>();
    private final Map<String, List<PositionFix>> fixes = new HashMap<>();
    private final List<ReportAlert> alerts = new ArrayList<>();
    private final Map<String, String> patrollerNames = new HashMap<>();

    private ReportInputFile(JsonNode root, StreetNetwork network) {
        this.area = area(root, network);
        JsonNode names = root.path("patrollerNames");
        if (!names.isMissingNode() && !names.isNull()) {
            if (!names.isObject()) {
                throw new IllegalArgumentException("\"patrollerNames\" must be an object of patroller id to name, "
                        + "such as {\"p1\": \"Dana\"}");
            }
            for (Map.Entry<String, JsonNode> name : names.properties()) {
                patrollerNames.put(name.getKey(), text(names, name.getKey()));
            }
        }
        for (JsonNode s : array(root, "shifts")) {
            shifts.add(new Shift(text(s, "id"), text(s, "patroller"), s.path("beat").asInt(-1), instant(s, "start"),
                    instant(s, "end")));
        }
        for (JsonNode v : array(root, "visits")) {
            visits.add(new StreetVisit(text(v, "patroller"), v.path("edge").asInt(-1), instant(v, "entry"),
                    instant(v, "exit"), v.path("share").asDouble(1)));
        }
        for (JsonNode f : array(root, "fixes")) {
            fixes.computeIfAbsent(text(f, "patroller"), p -> new ArrayList<>()).add(new PositionFix(
                    text(f, "patroller"), instant(f, "time"), number(f, "lat"), number(f, "lon"),
                    f.path("sos").asBoolean(false)));
        }
        for (JsonNode a : array(root, "alerts")) {
            alerts.add(alert(a));
        }
    }

    /** Reads the file; a malformed file is refused with what is wrong and where. */
    public static ReportInputFile read(Path file, StreetNetwork network) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not a JSON object with beatOfEdge, beats and shifts");
        }
        return new ReportInputFile(root, network);
    }

    /** The report input over [from, to) with optional beat and patroller filters. */
    public ReportInput input(StreetNetwork network, Instant from, Instant to, Integer beat, String patrollerId) {
        ShiftSource source = ReportInput.listSource(shifts, visits, fixes, alerts);
        return new ReportInput(network, area, from, to, beat, patrollerId, source, patrollerNames);
    }

    private static PatrolArea area(JsonNode root, StreetNetwork network) {
        JsonNode beatOfEdge = root.path("beatOfEdge");
        if (beatOfEdge.size() != network.edgeCount()) {
            throw new IllegalArgumentException("beatOfEdge has " + beatOfEdge.size() + " entries but the map has "
                    + network.edgeCount() + " streets: give the map the input was made on");
        }
        int[] beatOf = new int[network.edgeCount()];
        double[] lengths = new double[network.edgeCount()];
        for (int e = 0; e < beatOf.length; e++) {
            beatOf[e] = beatOfEdge.get(e).asInt(-1);
            lengths[e] = network.edgeLengthMeters(e);
        }
        List<BeatTarget> targets = new ArrayList<>();
        for (JsonNode b : array(root, "beats")) {
            targets.add(new BeatTarget(Duration.ofMillis(Math.round(number(b, "roundMinutes") * 60_000)),
                    b.path("roundsPerShift").asInt(0)));
        }
        return new PatrolArea(lengths, beatOf, targets);
    }

    private static ReportAlert alert(JsonNode a) {
        String kind = text(a, "kind");
        AlertKind alertKind;
        try {
            alertKind = AlertKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown alert kind '" + kind + "', choose one of: "
                    + Arrays.stream(AlertKind.values()).map(Enum::name).collect(Collectors.joining(", ")), e);
        }
        Alert alert = new Alert(alertKind, text(a, "key"), instant(a, "raisedAt"), a.path("shift").asText(null),
                a.path("patroller").asText(null), a.path("beat").asInt(-1), a.path("edge").asInt(-1), Double.NaN,
                Double.NaN, a.path("reason").asText(""));
        Instant acknowledged = a.path("acknowledgedAt").isTextual() ? instant(a, "acknowledgedAt") : null;
        return new ReportAlert(alert, acknowledged, a.path("comment").asText(""));
    }

    private static Iterable<JsonNode> array(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a string in " + node);
        }
        return value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a number in " + node);
        }
        return value.asDouble();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "\"%s\" is '%s'; write an ISO-8601 instant such as 2026-11-02T06:00:00Z", field, text), e);
        }
    }
}
