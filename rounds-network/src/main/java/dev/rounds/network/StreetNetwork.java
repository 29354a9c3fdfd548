package dev.rounds.network;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An undirected street graph held in flat arrays: intersections and dead ends are nodes, a street
 * segment between two of them is an edge with its geometry, length, OSM way id, name and highway
 * class. Nothing is allocated per coordinate, so a city of a million edges fits in a few hundred MB.
 *
 * <p>Node and edge ids are dense ints from 0. Edge geometry runs from {@link #edgeFrom} to
 * {@link #edgeTo}; its first and last points are the end nodes' positions. Adjacency is kept in
 * compressed sparse row form. Instances are immutable.
 */
public final class StreetNetwork {
    private final double[] nodeLat;
    private final double[] nodeLon;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final double[] edgeLength;
    private final long[] edgeWayId;
    private final int[] edgeName;
    private final int[] edgeHighway;
    private final boolean[] edgeOneway;
    private final int[] geometryStart;
    private final double[] pointLat;
    private final double[] pointLon;
    private final String[] names;
    private final String[] highways;
    private final int[] adjacencyStart;
    private final int[] adjacentEdges;
    private final String attribution;
    private final String profileName;

    StreetNetwork(Columns a, String attribution, String profileName) {
        this.nodeLat = a.nodeLat;
        this.nodeLon = a.nodeLon;
        this.edgeFrom = a.edgeFrom;
        this.edgeTo = a.edgeTo;
        this.edgeLength = a.edgeLength;
        this.edgeWayId = a.edgeWayId;
        this.edgeName = a.edgeName;
        this.edgeHighway = a.edgeHighway;
        this.edgeOneway = a.edgeOneway;
        this.geometryStart = a.geometryStart;
        this.pointLat = a.pointLat;
        this.pointLon = a.pointLon;
        this.names = a.names;
        this.highways = a.highways;
        this.attribution = attribution;
        this.profileName = Objects.requireNonNull(profileName);
        int[] degree = new int[nodeLat.length + 1];
        for (int e = 0; e < edgeFrom.length; e++) {
            degree[edgeFrom[e] + 1]++;
            if (edgeTo[e] != edgeFrom[e]) {
                degree[edgeTo[e] + 1]++;
            }
        }
        for (int n = 0; n < nodeLat.length; n++) {
            degree[n + 1] += degree[n];
        }
        this.adjacencyStart = degree;
        this.adjacentEdges = new int[degree[nodeLat.length]];
        int[] fill = Arrays.copyOf(degree, nodeLat.length);
        for (int e = 0; e < edgeFrom.length; e++) {
            adjacentEdges[fill[edgeFrom[e]]++] = e;
            if (edgeTo[e] != edgeFrom[e]) {
                adjacentEdges[fill[edgeTo[e]]++] = e;
            }
        }
    }

    /** The raw arrays a network is made from; filled by {@link StreetNetworkBuilder} and {@link #subnetwork}. */
    static final class Columns {
        double[] nodeLat;
        double[] nodeLon;
        int[] edgeFrom;
        int[] edgeTo;
        double[] edgeLength;
        long[] edgeWayId;
        int[] edgeName;
        int[] edgeHighway;
        boolean[] edgeOneway;
        int[] geometryStart;
        double[] pointLat;
        double[] pointLon;
        String[] names;
        String[] highways;
    }

    public int nodeCount() {
        return nodeLat.length;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    public double nodeLat(int node) {
        return nodeLat[node];
    }

    public double nodeLon(int node) {
        return nodeLon[node];
    }

    public LatLon nodePosition(int node) {
        return new LatLon(nodeLat[node], nodeLon[node]);
    }

    public int edgeFrom(int edge) {
        return edgeFrom[edge];
    }

    public int edgeTo(int edge) {
        return edgeTo[edge];
    }

    /** The end of {@code edge} that is not {@code node} (for a loop, the node itself). */
    public int otherEnd(int edge, int node) {
        return edgeFrom[edge] == node ? edgeTo[edge] : edgeFrom[edge];
    }

    public double edgeLengthMeters(int edge) {
        return edgeLength[edge];
    }

    public long edgeOsmWayId(int edge) {
        return edgeWayId[edge];
    }

    /** The street name, or the empty string for an unnamed way. */
    public String edgeName(int edge) {
        return names[edgeName[edge]];
    }

    public String edgeHighway(int edge) {
        return highways[edgeHighway[edge]];
    }

    /** True when the edge may only be travelled from {@link #edgeFrom} to {@link #edgeTo} (car profile). */
    public boolean edgeOneway(int edge) {
        return edgeOneway[edge];
    }

    /**
     * True when some edge is one-way (a car network with one-way streets): routes and rounds must
     * then be driven, not walked. Never true for the foot profile.
     */
    public boolean hasOnewayEdges() {
        for (boolean oneway : edgeOneway) {
            if (oneway) {
                return true;
            }
        }
        return false;
    }

    /** Index of the edge's first point in the flat point arrays (for indexes in this package). */
    int geometryStart(int edge) {
        return geometryStart[edge];
    }

    /** Total number of geometry points over all edges. */
    int pointCount() {
        return pointLat.length;
    }

    double pointLat(int point) {
        return pointLat[point];
    }

    double pointLon(int point) {
        return pointLon[point];
    }

    /** Number of points of the edge's geometry, at least 2. */
    public int edgePointCount(int edge) {
        return geometryStart[edge + 1] - geometryStart[edge];
    }

    public double edgePointLat(int edge, int index) {
        return pointLat[geometryStart[edge] + index];
    }

    public double edgePointLon(int edge, int index) {
        return pointLon[geometryStart[edge] + index];
    }

    /** The edge geometry as a fresh list, from {@link #edgeFrom} to {@link #edgeTo}. */
    public List<LatLon> edgeGeometry(int edge) {
        int count = edgePointCount(edge);
        LatLon[] points = new LatLon[count];
        for (int i = 0; i < count; i++) {
            points[i] = new LatLon(edgePointLat(edge, i), edgePointLon(edge, i));
        }
        return List.of(points);
    }

    /**
     * The point at {@code offsetMeters} along the edge from {@link #edgeFrom}, interpolated on its
     * geometry; offsets outside 0..length are clamped to the ends.
     */
    public LatLon pointAlong(int edge, double offsetMeters) {
        int start = geometryStart[edge];
        int end = geometryStart[edge + 1] - 1;
        double target = Math.max(0, Math.min(edgeLength[edge], offsetMeters));
        double walked = 0;
        for (int p = start; p < end; p++) {
            double step = Earth.distanceMeters(pointLat[p], pointLon[p], pointLat[p + 1], pointLon[p + 1]);
            if (walked + step >= target && step > 0) {
                double t = (target - walked) / step;
                return new LatLon(pointLat[p] + t * (pointLat[p + 1] - pointLat[p]),
                        pointLon[p] + t * (pointLon[p + 1] - pointLon[p]));
            }
            walked += step;
        }
        return new LatLon(pointLat[end], pointLon[end]);
    }

    /** Number of edge ends at this node (a loop counts once in this list but twice in graph degree). */
    public int adjacentEdgeCount(int node) {
        return adjacencyStart[node + 1] - adjacencyStart[node];
    }

    /** The i-th edge touching this node. */
    public int adjacentEdge(int node, int i) {
        return adjacentEdges[adjacencyStart[node] + i];
    }

    /** Sum of all edge lengths in metres. */
    public double totalLengthMeters() {
        double sum = 0;
        for (double length : edgeLength) {
            sum += length;
        }
        return sum;
    }

    /** "© OpenStreetMap contributors" for networks made from OSM data, otherwise null. */
    public String attribution() {
        return attribution;
    }

    public String profileName() {
        return profileName;
    }

    /** [minLat, minLon, maxLat, maxLon] over all nodes and geometry points. */
    public double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int i = 0; i < pointLat.length; i++) {
            b[0] = Math.min(b[0], pointLat[i]);
            b[1] = Math.min(b[1], pointLon[i]);
            b[2] = Math.max(b[2], pointLat[i]);
            b[3] = Math.max(b[3], pointLon[i]);
        }
        return b;
    }

    /**
     * The network formed by the given edges, with nodes renumbered densely. Edge {@code i} of the
     * result is {@code edges[i]} of this network; the returned array maps new node ids to old ones.
     */
    public Subnetwork subnetwork(int[] edges) {
        int[] newNode = new int[nodeCount()];
        Arrays.fill(newNode, -1);
        int[] oldNode = new int[Math.min(nodeCount(), edges.length * 2 + 1)];
        int nodes = 0;
        int points = 0;
        for (int e : edges) {
            for (int end : new int[] {edgeFrom[e], edgeTo[e]}) {
                if (newNode[end] < 0) {
                    newNode[end] = nodes;
                    oldNode[nodes++] = end;
                }
            }
            points += edgePointCount(e);
        }
        Columns a = new Columns();
        a.nodeLat = new double[nodes];
        a.nodeLon = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            a.nodeLat[n] = nodeLat[oldNode[n]];
            a.nodeLon[n] = nodeLon[oldNode[n]];
        }
        int m = edges.length;
        a.edgeFrom = new int[m];
        a.edgeTo = new int[m];
        a.edgeLength = new double[m];
        a.edgeWayId = new long[m];
        a.edgeName = new int[m];
        a.edgeHighway = new int[m];
        a.edgeOneway = new boolean[m];
        a.geometryStart = new int[m + 1];
        a.pointLat = new double[points];
        a.pointLon = new double[points];
        a.names = names;
        a.highways = highways;
        int p = 0;
        for (int i = 0; i < m; i++) {
            int e = edges[i];
            a.edgeFrom[i] = newNode[edgeFrom[e]];
            a.edgeTo[i] = newNode[edgeTo[e]];
            a.edgeLength[i] = edgeLength[e];
            a.edgeWayId[i] = edgeWayId[e];
            a.edgeName[i] = edgeName[e];
            a.edgeHighway[i] = edgeHighway[e];
            a.edgeOneway[i] = edgeOneway[e];
            a.geometryStart[i] = p;
            int start = geometryStart[e];
            int count = edgePointCount(e);
            System.arraycopy(pointLat, start, a.pointLat, p, count);
            System.arraycopy(pointLon, start, a.pointLon, p, count);
            p += count;
        }
        a.geometryStart[m] = p;
        return new Subnetwork(new StreetNetwork(a, attribution, profileName), edges.clone(),
                Arrays.copyOf(oldNode, nodes));
    }

    /** A part of a network with the maps back to the ids of the whole. */
    public record Subnetwork(StreetNetwork network, int[] originalEdge, int[] originalNode) {
    }
}
