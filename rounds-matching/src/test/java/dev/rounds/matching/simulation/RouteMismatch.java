package dev.rounds.matching.simulation;

import dev.rounds.network.LatLon;
import dev.rounds.network.LocalProjection;
import java.util.ArrayList;
import java.util.List;

/**
 * The route mismatch fraction of Newson &amp; Krumm (2009), computed on geometry so that it applies to
 * any matcher: (length of the matched route farther than the corridor from the true route + length
 * of the true route farther than the corridor from the matched route) / length of the true route.
 * Lengths are measured by sampling every metre; polylines are lists of parts.
 */
public final class RouteMismatch {
    private static final double STEP_METERS = 1.0;

    private RouteMismatch() {
    }

    /** The traversals' geometry, one polyline per part. */
    public static List<List<LatLon>> polylines(dev.rounds.network.StreetNetwork network,
            List<dev.rounds.matching.Traversal> traversals) {
        List<List<LatLon>> parts = new ArrayList<>();
        int part = -1;
        for (dev.rounds.matching.Traversal t : traversals) {
            if (t.part() != part) {
                parts.add(new ArrayList<>());
                part = t.part();
            }
            parts.get(parts.size() - 1).addAll(dev.rounds.matching.TraversalGeometry.of(network, t));
        }
        return parts;
    }

    public static double fraction(List<LatLon> trueRoute, List<List<LatLon>> matched, double corridorMeters) {
        LocalProjection projection = LocalProjection.around(trueRoute.get(0).lat(), trueRoute.get(0).lon());
        Segments truth = new Segments(projection, List.of(trueRoute));
        Segments found = new Segments(projection, matched);
        double trueLength = truth.lengthMeters();
        double outside = found.lengthOutside(truth, corridorMeters) + truth.lengthOutside(found, corridorMeters);
        return trueLength == 0 ? 0 : outside / trueLength;
    }

    /** Line segments in metres with a coarse grid for distance queries. */
    private static final class Segments {
        private static final double CELL = 25;
        private final List<double[]> segments = new ArrayList<>();
        private final java.util.Map<Long, List<double[]>> grid = new java.util.HashMap<>();

        Segments(LocalProjection projection, List<List<LatLon>> parts) {
            for (List<LatLon> part : parts) {
                for (int i = 1; i < part.size(); i++) {
                    double[] s = {projection.x(part.get(i - 1).lon()), projection.y(part.get(i - 1).lat()),
                        projection.x(part.get(i).lon()), projection.y(part.get(i).lat())};
                    segments.add(s);
                    register(s);
                }
            }
        }

        private void register(double[] s) {
            long x0 = cell(Math.min(s[0], s[2]));
            long x1 = cell(Math.max(s[0], s[2]));
            long y0 = cell(Math.min(s[1], s[3]));
            long y1 = cell(Math.max(s[1], s[3]));
            for (long cx = x0; cx <= x1; cx++) {
                for (long cy = y0; cy <= y1; cy++) {
                    grid.computeIfAbsent(key(cx, cy), k -> new ArrayList<>()).add(s);
                }
            }
        }

        private static long cell(double v) {
            return (long) Math.floor(v / CELL);
        }

        private static long key(long cx, long cy) {
            return (cx << 32) ^ (cy & 0xffffffffL);
        }

        double lengthMeters() {
            double sum = 0;
            for (double[] s : segments) {
                sum += Math.hypot(s[2] - s[0], s[3] - s[1]);
            }
            return sum;
        }

        double lengthOutside(Segments other, double corridor) {
            double outside = 0;
            for (double[] s : segments) {
                double length = Math.hypot(s[2] - s[0], s[3] - s[1]);
                int steps = Math.max(1, (int) Math.ceil(length / STEP_METERS));
                for (int i = 0; i < steps; i++) {
                    double t = (i + 0.5) / steps;
                    if (!other.near(s[0] + t * (s[2] - s[0]), s[1] + t * (s[3] - s[1]), corridor)) {
                        outside += length / steps;
                    }
                }
            }
            return outside;
        }

        boolean near(double x, double y, double radius) {
            for (long cx = cell(x - radius); cx <= cell(x + radius); cx++) {
                for (long cy = cell(y - radius); cy <= cell(y + radius); cy++) {
                    for (double[] s : grid.getOrDefault(key(cx, cy), List.of())) {
                        if (distance(s, x, y) <= radius) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static double distance(double[] s, double x, double y) {
            double dx = s[2] - s[0];
            double dy = s[3] - s[1];
            double l2 = dx * dx + dy * dy;
            double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - s[0]) * dx + (y - s[1]) * dy) / l2));
            return Math.hypot(x - s[0] - t * dx, y - s[1] - t * dy);
        }
    }
}
