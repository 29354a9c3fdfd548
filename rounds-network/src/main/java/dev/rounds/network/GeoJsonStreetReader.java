package dev.rounds.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads streets from GeoJSON (LineString and MultiLineString features) for networks that do not
 * come from OSM. Lines that share a coordinate (to 1e-7 degrees) are joined there. Properties
 * {@code highway}, {@code name} and {@code oneway} are used when present; a feature without
 * {@code highway} counts as {@code residential}. Other geometry types are skipped.
 */
public final class GeoJsonStreetReader {
    private static final double GRID = 1e7;

    private GeoJsonStreetReader() {
    }

    public static void read(InputStream input, OsmSink sink) throws IOException {
        JsonNode root = new ObjectMapper().readTree(input);
        if (root == null || !root.isObject()) {
            throw new MapReadException("not GeoJSON: expected a JSON object with \"type\": \"FeatureCollection\"");
        }
        JsonNode features = "FeatureCollection".equals(root.path("type").asText()) ? root.path("features")
                : null;
        if (features == null || !features.isArray()) {
            if ("Feature".equals(root.path("type").asText())) {
                features = new ObjectMapper().createArrayNode().add(root);
            } else {
                throw new MapReadException("not a GeoJSON FeatureCollection: the top-level \"type\" is '"
                        + root.path("type").asText() + "'");
            }
        }
        Map<Long, Boolean> emitted = new HashMap<>();
        long wayId = 0;
        for (JsonNode feature : features) {
            JsonNode geometry = feature.path("geometry");
            String type = geometry.path("type").asText();
            JsonNode properties = feature.path("properties");
            Map<String, String> tags = tags(properties);
            long id = properties.has("osm_way_id") ? properties.get("osm_way_id").asLong() : ++wayId;
            if ("LineString".equals(type)) {
                line(geometry.path("coordinates"), id, tags, sink, emitted);
            } else if ("MultiLineString".equals(type)) {
                for (JsonNode part : geometry.path("coordinates")) {
                    line(part, id, tags, sink, emitted);
                }
            }
        }
    }

    private static Map<String, String> tags(JsonNode properties) {
        Map<String, String> tags = new HashMap<>();
        properties.fields().forEachRemaining(entry -> {
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                tags.put(entry.getKey(), entry.getValue().asText());
            }
        });
        tags.putIfAbsent("highway", "residential");
        return tags;
    }

    private static void line(JsonNode coordinates, long id, Map<String, String> tags, OsmSink sink,
            Map<Long, Boolean> emitted) {
        if (!coordinates.isArray()) {
            throw new MapReadException("GeoJSON line " + id + " has no coordinate array");
        }
        long[] refs = new long[coordinates.size()];
        for (int i = 0; i < refs.length; i++) {
            JsonNode point = coordinates.get(i);
            if (!point.isArray() || point.size() < 2 || !point.get(0).isNumber() || !point.get(1).isNumber()) {
                throw new MapReadException("GeoJSON line " + id + " has a position that is not [lon, lat]: " + point);
            }
            double lon = point.get(0).asDouble();
            double lat = point.get(1).asDouble();
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                throw new MapReadException("GeoJSON line " + id + " has a position outside the globe: " + point
                        + " (GeoJSON puts longitude first)");
            }
            long key = Math.round((lat + 90) * GRID) * 4_000_000_000L + Math.round((lon + 180) * GRID);
            if (emitted.putIfAbsent(key, Boolean.TRUE) == null) {
                sink.node(key, lat, lon);
            }
            refs[i] = key;
        }
        sink.way(id, refs, tags);
    }
}
