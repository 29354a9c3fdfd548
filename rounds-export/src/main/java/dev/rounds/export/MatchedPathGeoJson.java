package dev.rounds.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rounds.matching.MatchSummary;
import dev.rounds.matching.MatchedPath;
import dev.rounds.matching.Traversal;
import dev.rounds.matching.TraversalGeometry;
import dev.rounds.network.LatLon;
import dev.rounds.network.StreetNetwork;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a matched path as a GeoJSON FeatureCollection: one LineString per traversal, in order, with
 * {@code edge} (the id of {@code rounds network}), {@code name, part, direction, entry_time,
 * exit_time, share, length_m, from_offset_m, to_offset_m}; the run's summary and, for OSM data, the
 * attribution are foreign members of the collection.
 */
public final class MatchedPathGeoJson {
    private MatchedPathGeoJson() {
    }

    public static void write(StreetNetwork network, MatchedPath path, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            if (network.attribution() != null) {
                json.writeStringField("attribution", network.attribution());
            }
            writeSummary(json, path.summary());
            json.writeArrayFieldStart("features");
            for (Traversal t : path.traversals()) {
                writeTraversal(json, network, t);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeSummary(JsonGenerator json, MatchSummary s) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("pings_total", s.pingsTotal());
        json.writeNumberField("pings_used", s.pingsUsed());
        json.writeNumberField("pings_skipped", s.pingsSkipped());
        json.writeNumberField("pings_far_from_streets", s.pingsFarFromStreets());
        json.writeNumberField("pings_unreachable", s.pingsUnreachable());
        json.writeNumberField("parts", s.parts());
        json.writeNumberField("matched_length_m", Math.round(s.matchedLengthMeters() * 100) / 100.0);
        json.writeEndObject();
    }

    private static void writeTraversal(JsonGenerator json, StreetNetwork network, Traversal t) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "LineString");
        json.writeArrayFieldStart("coordinates");
        for (LatLon p : TraversalGeometry.of(network, t)) {
            json.writeStartArray();
            json.writeNumber(StreetsGeoJson.round7(p.lon()));
            json.writeNumber(StreetsGeoJson.round7(p.lat()));
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeNumberField("edge", t.edge());
        json.writeStringField("name", network.edgeName(t.edge()));
        json.writeNumberField("part", t.part());
        json.writeStringField("direction", t.direction().name().toLowerCase(java.util.Locale.ROOT));
        json.writeStringField("entry_time", t.entryTime().toString());
        json.writeStringField("exit_time", t.exitTime().toString());
        json.writeNumberField("share", Math.round(t.share() * 1000) / 1000.0);
        json.writeNumberField("length_m", Math.round(t.lengthMeters() * 100) / 100.0);
        json.writeNumberField("from_offset_m", Math.round(t.fromOffsetMeters() * 100) / 100.0);
        json.writeNumberField("to_offset_m", Math.round(t.toOffsetMeters() * 100) / 100.0);
        json.writeEndObject();
        json.writeEndObject();
    }
}
