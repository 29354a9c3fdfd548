package dev.rounds.beats;

import dev.rounds.network.LatLon;
import dev.rounds.network.LocalProjection;
import dev.rounds.network.StreetNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The streets of a previous plan (their geometry and beat, as written to {@code streets.geojson})
 * matched to the streets of the network being planned now, so that a re-plan can start from the
 * previous beats ({@link BeatPlanner#replan}) even when the map changed and edge ids moved.
 *
 * <p>A street is matched by its exact geometry (its points to 1e-7°, either direction); a street
 * that is not, for instance one half of a street split by a new crossing, takes the beat of the
 * previous street passing within {@link #SNAP_METERS} of its middle point; anything else is new
 * (-1) and joins a neighbouring beat in the re-plan. O(points) with a grid of previous segments.
 */
public final class PreviousStreets {
    /** How close the middle of a street must lie to a previous street to inherit its beat. */
    static final double SNAP_METERS = 1.0;
    private static final double GRID_METERS = 50;

    private final List<Street> streets = new ArrayList<>();

    /** A previous street: its points (latitude, longitude in degrees, in order) and its beat. */
    public record Street(double[] lat, double[] lon, int beat) {
        public Street {
            if (lat.length != lon.length || lat.length < 2) {
                throw new IllegalArgumentException("a street needs at least two points, as many latitudes as longitudes");
            }
            if (beat < 0) {
                throw new IllegalArgumentException("a previous street's beat must be >= 0, got " + beat);
            }
        }
    }

    /** The outcome: each edge's previous beat (-1 for new) and how each was found. */
    public record Match(int[] beatOfEdge, int byGeometry, int byPosition, int unmatched, int previousBeats) {
        /** Share of the network's streets that were found in the previous plan. */
        public double matchedShare() {
            return beatOfEdge.length == 0 ? 0 : (byGeometry + byPosition) / (double) beatOfEdge.length;
        }
    }

    public void add(Street street) {
        streets.add(street);
    }

    public int size() {
        return streets.size();
    }

    /** Matches every edge of {@code network} to a previous street's beat, or -1. */
    public Match match(StreetNetwork network) {
        Map<String, Integer> byKey = new HashMap<>();
        int previousBeats = 0;
        for (Street street : streets) {
            byKey.put(key(street.lat(), street.lon()), street.beat());
            previousBeats = Math.max(previousBeats, street.beat() + 1);
        }
        LocalProjection projection = LocalProjection.around(network);
        SegmentGrid grid = new SegmentGrid(projection);
        int[] beatOfEdge = new int[network.edgeCount()];
        int byGeometry = 0;
        int byPosition = 0;
        int unmatched = 0;
        for (int e = 0; e < beatOfEdge.length; e++) {
            Integer beat = byKey.get(key(network, e));
            if (beat != null) {
                beatOfEdge[e] = beat;
                byGeometry++;
                continue;
            }
            if (grid.isEmpty()) {
                grid.fill(streets);
            }
            LatLon middle = network.pointAlong(e, network.edgeLengthMeters(e) / 2);
            int near = grid.nearestBeat(middle.lat(), middle.lon(), SNAP_METERS);
            beatOfEdge[e] = near;
            if (near >= 0) {
                byPosition++;
            } else {
                unmatched++;
            }
        }
        return new Match(beatOfEdge, byGeometry, byPosition, unmatched, previousBeats);
    }

    private static String key(StreetNetwork network, int edge) {
        int n = network.edgePointCount(edge);
        double[] lat = new double[n];
        double[] lon = new double[n];
        for (int i = 0; i < n; i++) {
            lat[i] = network.edgePointLat(edge, i);
            lon[i] = network.edgePointLon(edge, i);
        }
        return key(lat, lon);
    }

    /** The points to 1e-7° (as stored), in the direction that puts the smaller end first. */
    static String key(double[] lat, double[] lon) {
        int n = lat.length;
        long[] a = new long[2 * n];
        long[] b = new long[2 * n];
        for (int i = 0; i < n; i++) {
            a[2 * i] = Math.round(lat[i] * 1e7);
            a[2 * i + 1] = Math.round(lon[i] * 1e7);
            b[2 * i] = Math.round(lat[n - 1 - i] * 1e7);
            b[2 * i + 1] = Math.round(lon[n - 1 - i] * 1e7);
        }
        long[] first = java.util.Arrays.compare(a, b) <= 0 ? a : b;
        return java.util.Arrays.toString(first);
    }

    /** Previous street segments in grid cells, for the nearest one to a point. */
    private static final class SegmentGrid {
        private final LocalProjection projection;
        private final Map<Long, List<double[]>> cells = new HashMap<>();

        SegmentGrid(LocalProjection projection) {
            this.projection = projection;
        }

        boolean isEmpty() {
            return cells.isEmpty();
        }

        void fill(List<Street> streets) {
            for (Street street : streets) {
                for (int i = 1; i < street.lat().length; i++) {
                    double x0 = projection.x(street.lon()[i - 1]);
                    double y0 = projection.y(street.lat()[i - 1]);
                    double x1 = projection.x(street.lon()[i]);
                    double y1 = projection.y(street.lat()[i]);
                    double[] segment = {x0, y0, x1, y1, street.beat()};
                    long cx0 = cell(Math.min(x0, x1));
                    long cx1 = cell(Math.max(x0, x1));
                    long cy0 = cell(Math.min(y0, y1));
                    long cy1 = cell(Math.max(y0, y1));
                    for (long cx = cx0; cx <= cx1; cx++) {
                        for (long cy = cy0; cy <= cy1; cy++) {
                            cells.computeIfAbsent(cx * 1_000_003L + cy, c -> new ArrayList<>()).add(segment);
                        }
                    }
                }
            }
        }

        /** The beat of the nearest previous segment within {@code maxMeters}, else -1. */
        int nearestBeat(double lat, double lon, double maxMeters) {
            double x = projection.x(lon);
            double y = projection.y(lat);
            int best = -1;
            double bestDistance = maxMeters;
            for (long cx = cell(x - maxMeters); cx <= cell(x + maxMeters); cx++) {
                for (long cy = cell(y - maxMeters); cy <= cell(y + maxMeters); cy++) {
                    for (double[] s : cells.getOrDefault(cx * 1_000_003L + cy, List.of())) {
                        double d = distance(x, y, s);
                        if (d <= bestDistance) {
                            bestDistance = d;
                            best = (int) s[4];
                        }
                    }
                }
            }
            return best;
        }

        private static long cell(double meters) {
            return (long) Math.floor(meters / GRID_METERS);
        }

        private static double distance(double x, double y, double[] s) {
            double dx = s[2] - s[0];
            double dy = s[3] - s[1];
            double length2 = dx * dx + dy * dy;
            double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - s[0]) * dx + (y - s[1]) * dy) / length2));
            return Math.hypot(x - s[0] - t * dx, y - s[1] - t * dy);
        }
    }
}
