package dev.rounds.matching;

import dev.rounds.network.Earth;
import dev.rounds.network.LatLon;
import dev.rounds.network.StreetNetwork;
import java.util.ArrayList;
import java.util.List;

/** The walked piece of a traversal's street as a polyline, in walking order. */
public final class TraversalGeometry {
    private TraversalGeometry() {
    }

    /** Points of {@code traversal}'s edge between its offsets, from where it was entered to where it was left. */
    public static List<LatLon> of(StreetNetwork network, Traversal traversal) {
        int edge = traversal.edge();
        double low = Math.min(traversal.fromOffsetMeters(), traversal.toOffsetMeters());
        double high = Math.max(traversal.fromOffsetMeters(), traversal.toOffsetMeters());
        int count = network.edgePointCount(edge);
        double[] along = new double[count];
        for (int i = 1; i < count; i++) {
            along[i] = along[i - 1] + Earth.distanceMeters(network.edgePointLat(edge, i - 1),
                    network.edgePointLon(edge, i - 1), network.edgePointLat(edge, i), network.edgePointLon(edge, i));
        }
        double scale = along[count - 1] == 0 ? 0 : along[count - 1] / network.edgeLengthMeters(edge);
        List<LatLon> points = new ArrayList<>();
        points.add(pointAt(network, edge, along, low * scale));
        for (int i = 0; i < count; i++) {
            if (along[i] > low * scale && along[i] < high * scale) {
                points.add(new LatLon(network.edgePointLat(edge, i), network.edgePointLon(edge, i)));
            }
        }
        points.add(pointAt(network, edge, along, high * scale));
        if (traversal.direction() == Direction.BACKWARD) {
            java.util.Collections.reverse(points);
        }
        return points;
    }

    private static LatLon pointAt(StreetNetwork network, int edge, double[] along, double position) {
        int last = along.length - 1;
        for (int i = 1; i <= last; i++) {
            if (position <= along[i] || i == last) {
                double span = along[i] - along[i - 1];
                double t = span == 0 ? 0 : Math.max(0, Math.min(1, (position - along[i - 1]) / span));
                return new LatLon(
                        network.edgePointLat(edge, i - 1) + t * (network.edgePointLat(edge, i) - network.edgePointLat(edge, i - 1)),
                        network.edgePointLon(edge, i - 1) + t * (network.edgePointLon(edge, i) - network.edgePointLon(edge, i - 1)));
            }
        }
        return new LatLon(network.edgePointLat(edge, 0), network.edgePointLon(edge, 0));
    }
}
