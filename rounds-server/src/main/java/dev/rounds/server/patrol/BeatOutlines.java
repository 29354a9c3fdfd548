package dev.rounds.server.patrol;

import dev.rounds.beats.BeatPlan;
import dev.rounds.network.LocalProjection;
import dev.rounds.network.StreetNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The outline of each beat for the live map: its streets buffered by a few metres in a local metric
 * projection (JTS) and simplified, as GeoJSON polygons.
 */
final class BeatOutlines {
    private static final double BUFFER_METERS = 25;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"};

    private BeatOutlines() {
    }

    static String color(int beat) {
        return COLORS[beat % COLORS.length];
    }

    static Map<String, Object> geoJson(StreetNetwork network, BeatPlan plan) {
        LocalProjection projection = LocalProjection.around(network);
        GeometryFactory factory = new GeometryFactory();
        List<Object> features = new ArrayList<>();
        for (int beat = 0; beat < plan.beatCount(); beat++) {
            List<LineString> lines = new ArrayList<>();
            for (int e : plan.beat(beat).edges()) {
                Coordinate[] points = new Coordinate[network.edgePointCount(e)];
                for (int i = 0; i < points.length; i++) {
                    points[i] = new Coordinate(projection.x(network.edgePointLon(e, i)),
                            projection.y(network.edgePointLat(e, i)));
                }
                lines.add(factory.createLineString(points));
            }
            Geometry outline = factory.createMultiLineString(lines.toArray(new LineString[0]))
                    .buffer(BUFFER_METERS, 2).buffer(-BUFFER_METERS / 2, 2);
            outline = org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(outline, 5);
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", geometry(outline, projection));
            feature.put("properties", Map.of("beat", beat, "color", color(beat)));
            features.add(feature);
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return collection;
    }

    private static Map<String, Object> geometry(Geometry outline, LocalProjection projection) {
        List<Object> polygons = new ArrayList<>();
        for (int i = 0; i < outline.getNumGeometries(); i++) {
            Geometry part = outline.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                List<Object> rings = new ArrayList<>();
                rings.add(ring(polygon.getExteriorRing().getCoordinates(), projection));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings.add(ring(polygon.getInteriorRingN(h).getCoordinates(), projection));
                }
                polygons.add(rings);
            }
        }
        return Map.of("type", "MultiPolygon", "coordinates", polygons);
    }

    private static List<double[]> ring(Coordinate[] coordinates, LocalProjection projection) {
        List<double[]> ring = new ArrayList<>();
        for (Coordinate c : coordinates) {
            ring.add(new double[] {Math.round(projection.lon(c.x) * 1e6) / 1e6, Math.round(projection.lat(c.y) * 1e6) / 1e6});
        }
        return ring;
    }
}
