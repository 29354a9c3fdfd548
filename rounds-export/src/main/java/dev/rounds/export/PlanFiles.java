package dev.rounds.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rounds.beats.Beat;
import dev.rounds.beats.BeatPlan;
import dev.rounds.feasibility.FeasibilityAnswer;
import dev.rounds.feasibility.ShiftRules;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.Round;
import dev.rounds.rounds.RoundSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a beat plan as files: streets with their beat, beats with their figures, rounds in walking
 * order (GeoJSON and GPX) and every figure as JSON. Everything made from OSM data carries the
 * network's attribution.
 */
public final class PlanFiles {
    private final StreetNetwork network;
    private final BeatPlan plan;
    private final List<Round> rounds;
    private final ShiftRules rules;

    /** {@code rounds.get(i)} is beat i's round as walked (possibly from a base). */
    public PlanFiles(StreetNetwork network, BeatPlan plan, List<Round> rounds, ShiftRules rules) {
        if (rounds.size() != plan.beatCount()) {
            throw new IllegalArgumentException("one round per beat: " + rounds.size() + " for " + plan.beatCount());
        }
        this.network = network;
        this.plan = plan;
        this.rounds = List.copyOf(rounds);
        this.rules = rules;
    }

    /** Writes streets.geojson, beats.geojson, rounds.geojson, rounds.gpx and plan.json into {@code dir}. */
    public void writeAll(Path dir, FeasibilityAnswer answer) throws IOException {
        Files.createDirectories(dir);
        StreetsGeoJson.write(network, dir.resolve("streets.geojson"), e -> Map.of("beat", plan.beatOf(e)));
        try (JsonGenerator json = open(dir.resolve("beats.geojson"))) {
            writeBeats(json);
        }
        try (JsonGenerator json = open(dir.resolve("rounds.geojson"))) {
            writeRounds(json);
        }
        try (Writer gpx = Files.newBufferedWriter(dir.resolve("rounds.gpx"), StandardCharsets.UTF_8)) {
            writeGpx(gpx);
        }
        try (JsonGenerator json = open(dir.resolve("plan.json"))) {
            json.useDefaultPrettyPrinter();
            writePlan(json, answer);
        }
    }

    /** Streets with their beat, as GeoJSON. */
    public void writeStreets(OutputStream out) throws IOException {
        StreetsGeoJson.write(network, out, e -> Map.of("beat", plan.beatOf(e)));
    }

    /** One MultiLineString feature per beat with its figures. */
    public void writeBeats(OutputStream out) throws IOException {
        try (JsonGenerator json = open(out)) {
            writeBeats(json);
        }
    }

    /** One LineString per beat's round in walking order, with its edge sequence and round sheet. */
    public void writeRounds(OutputStream out) throws IOException {
        try (JsonGenerator json = open(out)) {
            writeRounds(json);
        }
    }

    /** One GPX track per round, to load on a phone. */
    public void writeGpx(OutputStream out) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeGpx(writer);
        writer.flush();
    }

    /** Every figure of the plan, and the feasibility answer when there is one, as JSON. */
    public void writePlan(OutputStream out, FeasibilityAnswer answer) throws IOException {
        try (JsonGenerator json = open(out)) {
            json.useDefaultPrettyPrinter();
            writePlan(json, answer);
        }
    }

    /** Printable round sheets, one section per beat, as a self-contained HTML page. */
    public void writeSheets(OutputStream out) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Round sheets</title>"
                + "<style>body{font-family:sans-serif;margin:2em}section{page-break-after:always}"
                + "pre{white-space:pre-wrap;font-size:11pt}</style></head><body>\n");
        for (int beat = 0; beat < rounds.size(); beat++) {
            Round round = rounds.get(beat);
            writer.write("<section><h1>Beat " + beat + "</h1><p>" + meters(round.lengthMeters()) + " m, about "
                    + minutes(round.lengthMeters()) + " min, " + rules.roundsPerShift(round.lengthMeters())
                    + " rounds a shift</p>\n<pre>" + xml(RoundSheet.of(round, network).text()) + "</pre></section>\n");
        }
        if (network.attribution() != null) {
            writer.write("<footer>Map data " + xml(network.attribution()) + "</footer>\n");
        }
        writer.write("</body></html>\n");
        writer.flush();
    }

    private static JsonGenerator open(OutputStream out) throws IOException {
        return new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out, JsonEncoding.UTF8);
    }

    private static JsonGenerator open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    }

    private void startCollection(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        if (network.attribution() != null) {
            json.writeStringField("attribution", network.attribution());
        }
        json.writeArrayFieldStart("features");
    }

    private static void endCollection(JsonGenerator json) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeBeats(JsonGenerator json) throws IOException {
        startCollection(json);
        for (Beat beat : plan.beats()) {
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeObjectFieldStart("geometry");
            json.writeStringField("type", "MultiLineString");
            json.writeArrayFieldStart("coordinates");
            for (int e : beat.edges()) {
                json.writeStartArray();
                for (int i = 0; i < network.edgePointCount(e); i++) {
                    point(json, network.edgePointLat(e, i), network.edgePointLon(e, i));
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            beatFigures(json, beat.index());
            json.writeEndObject();
            json.writeEndObject();
        }
        endCollection(json);
    }

    private void beatFigures(JsonGenerator json, int beat) throws IOException {
        Round round = rounds.get(beat);
        json.writeNumberField("beat", beat);
        json.writeNumberField("streets", round.beatEdges().length);
        json.writeNumberField("street_length_m", meters(round.streetLengthMeters()));
        json.writeNumberField("round_length_m", meters(round.lengthMeters()));
        json.writeNumberField("deadhead_m", meters(round.deadheadMeters()));
        json.writeNumberField("deadhead_share", Math.round(round.deadheadShare() * 10000) / 10000.0);
        json.writeNumberField("round_minutes", minutes(round.lengthMeters()));
        json.writeNumberField("rounds_per_shift", rules.roundsPerShift(round.lengthMeters()));
        json.writeNumberField("approach_m", meters(round.approach().lengthMeters()));
        json.writeNumberField("compactness", Math.round(plan.beat(beat).compactness() * 1000) / 1000.0);
        json.writeNumberField("round_lower_bound_m", meters(round.lowerBoundMeters()));
        json.writeNumberField("round_over_lower_bound", Math.round(round.gap() * 10000) / 10000.0);
    }

    private void writeRounds(JsonGenerator json) throws IOException {
        startCollection(json);
        for (int beat = 0; beat < rounds.size(); beat++) {
            Round round = rounds.get(beat);
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeObjectFieldStart("geometry");
            json.writeStringField("type", "LineString");
            json.writeArrayFieldStart("coordinates");
            walk(round, (lat, lon) -> point(json, lat, lon));
            json.writeEndArray();
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeNumberField("beat", beat);
            json.writeNumberField("length_m", meters(round.lengthMeters()));
            json.writeNumberField("minutes", minutes(round.lengthMeters()));
            json.writeNumberField("start_node", round.startNode());
            json.writeArrayFieldStart("edge_sequence");
            for (int e : round.edgeSequence()) {
                json.writeNumber(e);
            }
            json.writeEndArray();
            json.writeStringField("sheet", RoundSheet.of(round, network).text());
            json.writeEndObject();
            json.writeEndObject();
        }
        endCollection(json);
    }

    /** Receives the points of a round in walking order. */
    @FunctionalInterface
    private interface PointSink {
        void accept(double lat, double lon) throws IOException;
    }

    /** Every point of the round in walking order, without repeating the joint of two steps. */
    private void walk(Round round, PointSink sink) throws IOException {
        sink.accept(network.nodeLat(round.startNode()), network.nodeLon(round.startNode()));
        for (int step = 0; step < round.stepCount(); step++) {
            int e = round.edgeAt(step);
            int count = network.edgePointCount(e);
            boolean forward = network.edgeFrom(e) == round.nodeAt(step);
            for (int i = 1; i < count; i++) {
                int index = forward ? i : count - 1 - i;
                sink.accept(network.edgePointLat(e, index), network.edgePointLon(e, index));
            }
        }
    }

    private void writeGpx(Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<gpx version=\"1.1\" creator=\"Rounds\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
        if (network.attribution() != null) {
            out.write("  <metadata><desc>" + xml(network.attribution()) + "</desc>"
                    + "<copyright author=\"OpenStreetMap contributors\"><license>"
                    + "https://opendatacommons.org/licenses/odbl/1-0/</license></copyright></metadata>\n");
        }
        for (int beat = 0; beat < rounds.size(); beat++) {
            Round round = rounds.get(beat);
            out.write("  <trk><name>Beat " + beat + "</name><desc>" + meters(round.lengthMeters()) + " m, "
                    + minutes(round.lengthMeters()) + " min</desc><trkseg>\n");
            walk(round, (lat, lon) -> out.write("    <trkpt lat=\"" + StreetsGeoJson.round7(lat) + "\" lon=\""
                    + StreetsGeoJson.round7(lon) + "\"/>\n"));
            out.write("  </trkseg></trk>\n");
        }
        out.write("</gpx>\n");
    }

    private void writePlan(JsonGenerator json, FeasibilityAnswer answer) throws IOException {
        json.writeStartObject();
        if (network.attribution() != null) {
            json.writeStringField("attribution", network.attribution());
        }
        json.writeNumberField("patrollers", plan.beatCount());
        json.writeNumberField("seed", plan.seed());
        json.writeNumberField("streets", network.edgeCount());
        json.writeNumberField("total_street_length_m", meters(plan.totalStreetLengthMeters()));
        json.writeNumberField("lower_bound_longest_round_m", meters(plan.lowerBoundMeters()));
        json.writeNumberField("longest_round_m", meters(plan.longestRoundMeters()));
        json.writeNumberField("mean_round_m", meters(plan.meanRoundMeters()));
        json.writeNumberField("balance", Math.round(plan.balance() * 10000) / 10000.0);
        json.writeNumberField("longest_over_lower_bound", Math.round(plan.longestOverLowerBound() * 10000) / 10000.0);
        json.writeNumberField("mean_compactness", Math.round(plan.meanCompactness() * 1000) / 1000.0);
        json.writeStringField("rounds", network.hasOnewayEdges() ? "drives that obey one-way streets (heuristic: see "
                + "round_over_lower_bound per beat)" : "shortest walks (exact, one-way ignored)");
        json.writeNumberField("min_compactness", Math.round(plan.minCompactness() * 1000) / 1000.0);
        json.writeObjectFieldStart("rules");
        json.writeNumberField("shift_hours", rules.shift().toMillis() / 3_600_000.0);
        json.writeNumberField("available", rules.availableShare());
        json.writeNumberField("speed_kmh", rules.speedKmh());
        json.writeNumberField("available_minutes", rules.availableTime().toMillis() / 60_000.0);
        json.writeEndObject();
        json.writeArrayFieldStart("beats");
        for (int beat = 0; beat < rounds.size(); beat++) {
            json.writeStartObject();
            beatFigures(json, beat);
            json.writeEndObject();
        }
        json.writeEndArray();
        if (answer != null) {
            writeAnswer(json, answer);
        }
        json.writeEndObject();
    }

    private static void writeAnswer(JsonGenerator json, FeasibilityAnswer answer) throws IOException {
        json.writeObjectFieldStart("feasibility");
        json.writeStringField("target", answer.target().describe());
        if (answer.target().isRoundsPerShift()) {
            json.writeNumberField("target_rounds_per_shift", answer.target().roundsPerShift());
        } else {
            json.writeNumberField("target_max_revisit_minutes", answer.target().maxRevisit().toMillis() / 60_000.0);
        }
        json.writeBooleanField("meets", answer.meets());
        json.writeBooleanField("possible", answer.possible());
        json.writeNumberField("patrollers", answer.patrollers());
        json.writeNumberField("longest_round_minutes", answer.longestRoundTime().toMillis() / 60_000.0);
        json.writeNumberField("rounds_per_shift", answer.roundsPerShift());
        json.writeNumberField("max_round_minutes", answer.maxRoundTime().toMillis() / 60_000.0);
        json.writeNumberField("shortest_possible_round_minutes",
                answer.shortestPossibleRoundTime().toMillis() / 60_000.0);
        if (answer.smallestPatrollers().isPresent()) {
            json.writeNumberField("smallest_patrollers", answer.smallestPatrollers().getAsInt());
        } else {
            json.writeNullField("smallest_patrollers");
        }
        json.writeStringField("text", answer.text());
        json.writeEndObject();
    }

    private double minutes(double lengthMeters) {
        return Math.round(rules.roundTime(lengthMeters).toMillis() / 600.0) / 100.0;
    }

    private static double meters(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void point(JsonGenerator json, double lat, double lon) throws IOException {
        json.writeStartArray();
        json.writeNumber(StreetsGeoJson.round7(lon));
        json.writeNumber(StreetsGeoJson.round7(lat));
        json.writeEndArray();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
