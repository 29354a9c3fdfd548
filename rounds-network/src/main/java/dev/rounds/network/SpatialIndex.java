package dev.rounds.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Answers "which street segments lie within r metres of this point" with a uniform grid over the
 * network's geometry segments, in a {@link LocalProjection}. Each segment is registered in every
 * cell its bounding box touches; a query scans the cells touched by the circle's bounding box and
 * measures exact point-to-segment distances. Build is O(segments), a query O(segments nearby).
 * Thread-safe after construction.
 */
public final class SpatialIndex {
    private static final double DEFAULT_CELL_METERS = 50;
    private final StreetNetwork network;
    private final LocalProjection projection;
    private final double cellMeters;
    private final double minX;
    private final double minY;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] cellSegments;
    private final int[] pointEdge;
    private final double[] px;
    private final double[] py;
    /** Projected length from the edge's start to each point. */
    private final double[] along;

    private SpatialIndex(StreetNetwork network, double cellMeters) {
        this.network = network;
        this.projection = LocalProjection.around(network);
        this.cellMeters = cellMeters;
        int points = network.pointCount();
        px = new double[points];
        py = new double[points];
        along = new double[points];
        pointEdge = new int[points];
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int e = 0; e < network.edgeCount(); e++) {
            int start = network.geometryStart(e);
            int count = network.edgePointCount(e);
            for (int i = 0; i < count; i++) {
                int p = start + i;
                pointEdge[p] = e;
                px[p] = projection.x(network.pointLon(p));
                py[p] = projection.y(network.pointLat(p));
                along[p] = i == 0 ? 0 : along[p - 1] + Math.hypot(px[p] - px[p - 1], py[p] - py[p - 1]);
                x0 = Math.min(x0, px[p]);
                y0 = Math.min(y0, py[p]);
                x1 = Math.max(x1, px[p]);
                y1 = Math.max(y1, py[p]);
            }
        }
        minX = x0;
        minY = y0;
        columns = Math.max(1, (int) Math.ceil((x1 - x0) / cellMeters) + 1);
        rows = Math.max(1, (int) Math.ceil((y1 - y0) / cellMeters) + 1);
        cellStart = new int[columns * rows + 1];
        forEachSegmentCell((segment, cell) -> cellStart[cell + 1]++);
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        cellSegments = new int[cellStart[columns * rows]];
        int[] fill = Arrays.copyOf(cellStart, columns * rows);
        forEachSegmentCell((segment, cell) -> cellSegments[fill[cell]++] = segment);
    }

    /** An index with 50 m cells. */
    public static SpatialIndex of(StreetNetwork network) {
        return new SpatialIndex(network, DEFAULT_CELL_METERS);
    }

    public static SpatialIndex of(StreetNetwork network, double cellMeters) {
        if (!(cellMeters > 0)) {
            throw new IllegalArgumentException("cell size must be positive, got " + cellMeters);
        }
        return new SpatialIndex(network, cellMeters);
    }

    public StreetNetwork network() {
        return network;
    }

    public LocalProjection projection() {
        return projection;
    }

    private interface SegmentCellVisitor {
        void visit(int segment, int cell);
    }

    private void forEachSegmentCell(SegmentCellVisitor visitor) {
        for (int e = 0; e < network.edgeCount(); e++) {
            int start = network.geometryStart(e);
            int end = start + network.edgePointCount(e) - 1;
            for (int s = start; s < end; s++) {
                int cx0 = column(Math.min(px[s], px[s + 1]));
                int cx1 = column(Math.max(px[s], px[s + 1]));
                int cy0 = row(Math.min(py[s], py[s + 1]));
                int cy1 = row(Math.max(py[s], py[s + 1]));
                for (int cy = cy0; cy <= cy1; cy++) {
                    for (int cx = cx0; cx <= cx1; cx++) {
                        visitor.visit(s, cy * columns + cx);
                    }
                }
            }
        }
    }

    private int column(double x) {
        return Math.max(0, Math.min(columns - 1, (int) Math.floor((x - minX) / cellMeters)));
    }

    private int row(double y) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - minY) / cellMeters)));
    }

    /** Every edge with a point within {@code radiusMeters}, nearest first (ties by edge id). */
    public List<StreetCandidate> within(double lat, double lon, double radiusMeters) {
        double x = projection.x(lon);
        double y = projection.y(lat);
        List<StreetCandidate> found = new ArrayList<>();
        int cx0 = column(x - radiusMeters);
        int cx1 = column(x + radiusMeters);
        int cy0 = row(y - radiusMeters);
        int cy1 = row(y + radiusMeters);
        if (x + radiusMeters < minX || y + radiusMeters < minY
                || x - radiusMeters > minX + columns * cellMeters || y - radiusMeters > minY + rows * cellMeters) {
            return found;
        }
        java.util.HashMap<Integer, StreetCandidate> best = new java.util.HashMap<>();
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                int cell = cy * columns + cx;
                for (int i = cellStart[cell]; i < cellStart[cell + 1]; i++) {
                    StreetCandidate candidate = measure(cellSegments[i], x, y);
                    if (candidate.distanceMeters() <= radiusMeters) {
                        best.merge(candidate.edge(), candidate, SpatialIndex::nearer);
                    }
                }
            }
        }
        found.addAll(best.values());
        found.sort(ORDER);
        return found;
    }

    /** The nearest edge within {@code maxRadiusMeters}, or null when there is none. */
    public StreetCandidate nearest(double lat, double lon, double maxRadiusMeters) {
        for (double r = Math.min(cellMeters, maxRadiusMeters); ; r = Math.min(r * 2, maxRadiusMeters)) {
            List<StreetCandidate> found = within(lat, lon, r);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (r >= maxRadiusMeters) {
                return null;
            }
        }
    }

    /** The same answer as {@link #within} by scanning every segment: the slow reference for tests. */
    public List<StreetCandidate> withinByScan(double lat, double lon, double radiusMeters) {
        double x = projection.x(lon);
        double y = projection.y(lat);
        java.util.HashMap<Integer, StreetCandidate> best = new java.util.HashMap<>();
        for (int e = 0; e < network.edgeCount(); e++) {
            int start = network.geometryStart(e);
            int end = start + network.edgePointCount(e) - 1;
            for (int s = start; s < end; s++) {
                StreetCandidate candidate = measure(s, x, y);
                if (candidate.distanceMeters() <= radiusMeters) {
                    best.merge(candidate.edge(), candidate, SpatialIndex::nearer);
                }
            }
        }
        List<StreetCandidate> found = new ArrayList<>(best.values());
        found.sort(ORDER);
        return found;
    }

    private static final Comparator<StreetCandidate> ORDER = Comparator
            .comparingDouble(StreetCandidate::distanceMeters).thenComparingInt(StreetCandidate::edge);

    private static StreetCandidate nearer(StreetCandidate a, StreetCandidate b) {
        return ORDER.compare(a, b) <= 0 ? a : b;
    }

    private StreetCandidate measure(int segment, double x, double y) {
        double ax = px[segment];
        double ay = py[segment];
        double dx = px[segment + 1] - ax;
        double dy = py[segment + 1] - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double qx = ax + t * dx;
        double qy = ay + t * dy;
        int edge = pointEdge[segment];
        int last = network.geometryStart(edge) + network.edgePointCount(edge) - 1;
        double projectedLength = along[last];
        double alongHere = along[segment] + t * Math.sqrt(lengthSquared);
        double offset = projectedLength == 0 ? 0 : alongHere / projectedLength * network.edgeLengthMeters(edge);
        return new StreetCandidate(edge, Math.hypot(x - qx, y - qy), offset, projection.lat(qy), projection.lon(qx));
    }
}
