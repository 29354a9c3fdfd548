package dev.rounds.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rounds.network.StreetNetwork;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes a street network as a GeoJSON FeatureCollection: one LineString per edge with the
 * properties {@code id, from, to, osm_way_id, name, highway, length_m}, plus any extra properties
 * a caller adds per edge (a beat number, a last visit). Networks made from OSM data carry the
 * attribution as a foreign member {@code "attribution"} of the collection.
 */
public final class StreetsGeoJson {
    private StreetsGeoJson() {
    }

    public static void write(StreetNetwork network, Path file) throws IOException {
        write(network, file, e -> Map.of());
    }

    /** Writes to a file, with extra properties per edge (values: String, Number, Boolean or null). */
    public static void write(StreetNetwork network, Path file, IntFunction<Map<String, ?>> extra) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(network, out, extra);
        }
    }

    public static void write(StreetNetwork network, OutputStream out, IntFunction<Map<String, ?>> extra)
            throws IOException {
        try (JsonGenerator json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            if (network.attribution() != null) {
                json.writeStringField("attribution", network.attribution());
            }
            json.writeArrayFieldStart("features");
            for (int e = 0; e < network.edgeCount(); e++) {
                writeEdge(json, network, e, extra.apply(e));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeEdge(JsonGenerator json, StreetNetwork network, int e, Map<String, ?> extra)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "LineString");
        json.writeArrayFieldStart("coordinates");
        for (int i = 0; i < network.edgePointCount(e); i++) {
            json.writeStartArray();
            json.writeNumber(round7(network.edgePointLon(e, i)));
            json.writeNumber(round7(network.edgePointLat(e, i)));
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeNumberField("id", e);
        json.writeNumberField("from", network.edgeFrom(e));
        json.writeNumberField("to", network.edgeTo(e));
        json.writeNumberField("osm_way_id", network.edgeOsmWayId(e));
        json.writeStringField("name", network.edgeName(e));
        json.writeStringField("highway", network.edgeHighway(e));
        json.writeNumberField("length_m", Math.round(network.edgeLengthMeters(e) * 100) / 100.0);
        if (network.edgeOneway(e)) {
            json.writeBooleanField("oneway", true);
        }
        for (Map.Entry<String, ?> entry : extra.entrySet()) {
            json.writeFieldName(entry.getKey());
            writeValue(json, entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes a scalar property value. */
    public static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Number number) {
            if (value instanceof Integer || value instanceof Long) {
                json.writeNumber(number.longValue());
            } else {
                json.writeNumber(number.doubleValue());
            }
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(value.toString());
        }
    }

    /** Coordinates to 1e-7 degrees (about 1 cm), as OSM stores them. */
    public static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
