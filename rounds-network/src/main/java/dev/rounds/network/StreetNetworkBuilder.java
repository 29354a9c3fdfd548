package dev.rounds.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns map elements into a {@link StreetNetwork}: keeps the ways a {@link Profile} accepts, cuts
 * ways where their nodes are missing (extract border), splits them at shared nodes into edges,
 * merges duplicate segments, drops zero-length ones and, by default, keeps the largest connected
 * part; for a profile with one-way rules (car), the largest part a car can drive round (strongly
 * connected), so that every street can be reached and left. Feed it as an {@link OsmSink}, then
 * call {@link #build}.
 */
public final class StreetNetworkBuilder implements OsmSink {
    private final Profile profile;
    private final String attribution;
    private final LongIntMap nodeIndex = new LongIntMap(1 << 16);
    private final GrowableArrays.Doubles lat = new GrowableArrays.Doubles();
    private final GrowableArrays.Doubles lon = new GrowableArrays.Doubles();
    private final GrowableArrays.Longs wayRefs = new GrowableArrays.Longs();
    private final GrowableArrays.Ints wayStart = new GrowableArrays.Ints();
    private final GrowableArrays.Longs wayIds = new GrowableArrays.Longs();
    private final GrowableArrays.Ints wayName = new GrowableArrays.Ints();
    private final GrowableArrays.Ints wayHighway = new GrowableArrays.Ints();
    private final GrowableArrays.Ints wayOneway = new GrowableArrays.Ints();
    private final Map<String, Integer> nameIds = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> highwayIds = new HashMap<>();
    private final List<String> highways = new ArrayList<>();
    private long nodesRead;
    private long waysRead;
    private boolean keepLargestComponent = true;
    private ProgressListener progress = ProgressListener.NONE;

    /**
     * @param profile     which ways to keep
     * @param attribution attribution carried by the network ("© OpenStreetMap contributors" for OSM data), or null
     */
    public StreetNetworkBuilder(Profile profile, String attribution) {
        this.profile = profile;
        this.attribution = attribution;
        intern(nameIds, names, "");
    }

    /** Keep every connected part instead of only the largest (default: only the largest). */
    public StreetNetworkBuilder keepAllComponents() {
        keepLargestComponent = false;
        return this;
    }

    public StreetNetworkBuilder progress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    @Override
    public void node(long id, double latitude, double longitude) {
        nodesRead++;
        if (nodeIndex.get(id) >= 0) {
            return;
        }
        nodeIndex.put(id, lat.size);
        lat.add(latitude);
        lon.add(longitude);
    }

    @Override
    public void way(long id, long[] nodeRefs, Map<String, String> tags) {
        waysRead++;
        if (nodeRefs.length < 2 || !profile.accepts(tags)) {
            return;
        }
        wayStart.add(wayRefs.size);
        for (long ref : nodeRefs) {
            wayRefs.add(ref);
        }
        wayIds.add(id);
        String name = tags.getOrDefault("name", tags.getOrDefault("ref", ""));
        wayName.add(intern(nameIds, names, name));
        wayHighway.add(intern(highwayIds, highways, tags.get("highway")));
        wayOneway.add(profile.onewayDirection(tags));
    }

    private static int intern(Map<String, Integer> ids, List<String> values, String value) {
        return ids.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /** Builds the network from everything received so far. */
    public ImportResult build() {
        int wayCount = wayIds.size;
        wayStart.add(wayRefs.size);
        Pieces pieces = cutAtMissingNodes(wayCount);
        boolean[] junction = findJunctions(pieces);
        RawEdges raw = splitIntoEdges(pieces, junction);
        ComponentChoice choice = chooseComponent(raw);
        StrongChoice strong = keepLargestComponent && profile.onewayApplies() ? keepDrivableRound(raw, choice.kept)
                : new StrongChoice(0, 0);
        StreetNetwork network = compact(raw, choice.kept);
        ImportReport report = new ImportReport(nodesRead, waysRead, wayCount, pieces.missingRefs, pieces.waysCut,
                raw.duplicates, raw.zeroLength, choice.components, choice.leftOutEdges, choice.leftOutLength,
                strong.leftOutEdges, strong.leftOutLength);
        return new ImportResult(network, report);
    }

    /** Runs of consecutive present nodes, one or more per accepted way. */
    private static final class Pieces {
        final GrowableArrays.Ints nodes = new GrowableArrays.Ints();
        final GrowableArrays.Ints start = new GrowableArrays.Ints();
        final GrowableArrays.Ints way = new GrowableArrays.Ints();
        long missingRefs;
        long waysCut;

        int count() {
            return way.size;
        }
    }

    private Pieces cutAtMissingNodes(int wayCount) {
        Pieces pieces = new Pieces();
        for (int w = 0; w < wayCount; w++) {
            if (w % 10_000 == 0) {
                progress.progress("cutting ways", w, wayCount);
            }
            boolean cut = false;
            int runStart = pieces.nodes.size;
            int previous = -1;
            for (int r = wayStart.get(w); r < wayStart.get(w + 1); r++) {
                int node = nodeIndex.get(wayRefs.get(r));
                if (node < 0) {
                    pieces.missingRefs++;
                    cut = true;
                    closeRun(pieces, runStart, w);
                    runStart = pieces.nodes.size;
                    previous = -1;
                    continue;
                }
                if (node != previous) {
                    pieces.nodes.add(node);
                    previous = node;
                }
            }
            closeRun(pieces, runStart, w);
            if (cut) {
                pieces.waysCut++;
            }
        }
        pieces.start.add(pieces.nodes.size);
        return pieces;
    }

    private static void closeRun(Pieces pieces, int runStart, int way) {
        int length = pieces.nodes.size - runStart;
        if (length >= 2) {
            pieces.start.add(runStart);
            pieces.way.add(way);
        } else {
            pieces.nodes.size = runStart;
        }
    }

    private boolean[] findJunctions(Pieces pieces) {
        byte[] uses = new byte[lat.size];
        boolean[] junction = new boolean[lat.size];
        for (int p = 0; p < pieces.count(); p++) {
            int first = pieces.start.get(p);
            int last = pieces.start.get(p + 1) - 1;
            junction[pieces.nodes.get(first)] = true;
            junction[pieces.nodes.get(last)] = true;
            for (int i = first; i <= last; i++) {
                int node = pieces.nodes.get(i);
                if (uses[node] < 2) {
                    uses[node]++;
                }
                if (uses[node] >= 2) {
                    junction[node] = true;
                }
            }
        }
        return junction;
    }

    /** Edges as node sequences, deduplicated, with their attributes. */
    private static final class RawEdges {
        final List<int[]> sequences = new ArrayList<>();
        final GrowableArrays.Ints way = new GrowableArrays.Ints();
        final GrowableArrays.Doubles length = new GrowableArrays.Doubles();
        final List<Boolean> oneway = new ArrayList<>();
        long duplicates;
        long zeroLength;
    }

    private RawEdges splitIntoEdges(Pieces pieces, boolean[] junction) {
        RawEdges raw = new RawEdges();
        Map<SequenceKey, Integer> seen = new HashMap<>();
        for (int p = 0; p < pieces.count(); p++) {
            if (p % 10_000 == 0) {
                progress.progress("splitting at intersections", p, pieces.count());
            }
            int first = pieces.start.get(p);
            int last = pieces.start.get(p + 1) - 1;
            int edgeStart = first;
            for (int i = first + 1; i <= last; i++) {
                if (junction[pieces.nodes.get(i)]) {
                    int[] sequence = Arrays.copyOfRange(pieces.nodes.data, edgeStart, i + 1);
                    addEdge(raw, seen, sequence, pieces.way.get(p));
                    edgeStart = i;
                }
            }
        }
        return raw;
    }

    private void addEdge(RawEdges raw, Map<SequenceKey, Integer> seen, int[] sequence, int way) {
        int direction = wayOneway.get(way);
        if (direction < 0) {
            reverse(sequence);
        }
        double length = lengthMeters(sequence);
        if (length <= 0) {
            raw.zeroLength++;
            return;
        }
        SequenceKey key = SequenceKey.of(sequence);
        Integer existing = seen.get(key);
        if (existing != null) {
            raw.duplicates++;
            boolean sameDirection = Arrays.equals(raw.sequences.get(existing), sequence);
            if (raw.oneway.get(existing) && (direction == 0 || !sameDirection)) {
                raw.oneway.set(existing, false);
            }
            return;
        }
        seen.put(key, raw.sequences.size());
        raw.sequences.add(sequence);
        raw.way.add(way);
        raw.length.add(length);
        raw.oneway.add(direction != 0);
    }

    private double lengthMeters(int[] sequence) {
        double sum = 0;
        for (int i = 1; i < sequence.length; i++) {
            int a = sequence[i - 1];
            int b = sequence[i];
            sum += Earth.distanceMeters(lat.get(a), lon.get(a), lat.get(b), lon.get(b));
        }
        return sum;
    }

    private static void reverse(int[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** A node sequence compared regardless of direction. */
    private record SequenceKey(int[] canonical) {
        static SequenceKey of(int[] sequence) {
            int[] reversed = sequence.clone();
            reverse(reversed);
            return new SequenceKey(Arrays.compare(sequence, reversed) <= 0 ? sequence.clone() : reversed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SequenceKey k && Arrays.equals(canonical, k.canonical);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(canonical);
        }

        @Override
        public String toString() {
            return Arrays.toString(canonical);
        }
    }

    private record ComponentChoice(boolean[] kept, int components, int leftOutEdges, double leftOutLength) {
    }

    private ComponentChoice chooseComponent(RawEdges raw) {
        int edgeCount = raw.sequences.size();
        boolean[] kept = new boolean[edgeCount];
        Arrays.fill(kept, true);
        DisjointSets sets = new DisjointSets(lat.size);
        for (int[] sequence : raw.sequences) {
            sets.union(sequence[0], sequence[sequence.length - 1]);
        }
        Map<Integer, Double> lengthByRoot = new HashMap<>();
        for (int e = 0; e < edgeCount; e++) {
            lengthByRoot.merge(sets.find(raw.sequences.get(e)[0]), raw.length.get(e), Double::sum);
        }
        if (!keepLargestComponent || lengthByRoot.size() <= 1) {
            return new ComponentChoice(kept, lengthByRoot.size(), 0, 0);
        }
        int bestRoot = longest(lengthByRoot);
        int leftOut = 0;
        double leftOutLength = 0;
        for (int e = 0; e < edgeCount; e++) {
            if (sets.find(raw.sequences.get(e)[0]) != bestRoot) {
                kept[e] = false;
                leftOut++;
                leftOutLength += raw.length.get(e);
            }
        }
        return new ComponentChoice(kept, lengthByRoot.size(), leftOut, leftOutLength);
    }

    /** The part with the most length; of equal ones the lowest id (so imports are deterministic); -1 for none. */
    private static int longest(Map<Integer, Double> lengthByPart) {
        int best = -1;
        double bestLength = -1;
        for (Map.Entry<Integer, Double> entry : lengthByPart.entrySet()) {
            if (entry.getValue() > bestLength || (entry.getValue() == bestLength && entry.getKey() < best)) {
                bestLength = entry.getValue();
                best = entry.getKey();
            }
        }
        return best;
    }

    private record StrongChoice(int leftOutEdges, double leftOutLength) {
    }

    /**
     * Keeps, of the {@code kept} edges, the largest part (by length) a car can drive round: the
     * edges whose both ends lie in the largest strongly connected part. The others (a one-way street
     * leading out of the extract, or into it, and what only they reach) are no longer kept.
     */
    private StrongChoice keepDrivableRound(RawEdges raw, boolean[] kept) {
        int edgeCount = raw.sequences.size();
        int[] from = new int[edgeCount];
        int[] to = new int[edgeCount];
        boolean[] oneway = new boolean[edgeCount];
        for (int e = 0; e < edgeCount; e++) {
            int[] sequence = raw.sequences.get(e);
            from[e] = sequence[0];
            to[e] = sequence[sequence.length - 1];
            oneway[e] = raw.oneway.get(e);
        }
        int[] part = StrongParts.of(lat.size, from, to, oneway, kept);
        Map<Integer, Double> lengthByPart = new HashMap<>();
        for (int e = 0; e < edgeCount; e++) {
            if (kept[e] && part[from[e]] == part[to[e]]) {
                lengthByPart.merge(part[from[e]], raw.length.get(e), Double::sum);
            }
        }
        int best = longest(lengthByPart);
        int leftOut = 0;
        double leftOutLength = 0;
        for (int e = 0; e < edgeCount; e++) {
            if (kept[e] && (part[from[e]] != best || part[to[e]] != best)) {
                kept[e] = false;
                leftOut++;
                leftOutLength += raw.length.get(e);
            }
        }
        return new StrongChoice(leftOut, leftOutLength);
    }

    private StreetNetwork compact(RawEdges raw, boolean[] kept) {
        int[] newNode = new int[lat.size];
        Arrays.fill(newNode, -1);
        GrowableArrays.Doubles nodeLat = new GrowableArrays.Doubles();
        GrowableArrays.Doubles nodeLon = new GrowableArrays.Doubles();
        GrowableArrays.Ints from = new GrowableArrays.Ints();
        GrowableArrays.Ints to = new GrowableArrays.Ints();
        GrowableArrays.Ints geometryStart = new GrowableArrays.Ints();
        GrowableArrays.Doubles pointLat = new GrowableArrays.Doubles();
        GrowableArrays.Doubles pointLon = new GrowableArrays.Doubles();
        GrowableArrays.Ints keptIndex = new GrowableArrays.Ints();
        for (int e = 0; e < raw.sequences.size(); e++) {
            if (!kept[e]) {
                continue;
            }
            int[] sequence = raw.sequences.get(e);
            from.add(renumber(sequence[0], newNode, nodeLat, nodeLon));
            to.add(renumber(sequence[sequence.length - 1], newNode, nodeLat, nodeLon));
            geometryStart.add(pointLat.size);
            for (int node : sequence) {
                pointLat.add(lat.get(node));
                pointLon.add(lon.get(node));
            }
            keptIndex.add(e);
        }
        geometryStart.add(pointLat.size);
        int m = keptIndex.size;
        StreetNetwork.Columns c = new StreetNetwork.Columns();
        c.nodeLat = nodeLat.toArray();
        c.nodeLon = nodeLon.toArray();
        c.edgeFrom = from.toArray();
        c.edgeTo = to.toArray();
        c.geometryStart = geometryStart.toArray();
        c.pointLat = pointLat.toArray();
        c.pointLon = pointLon.toArray();
        c.edgeLength = new double[m];
        c.edgeWayId = new long[m];
        c.edgeName = new int[m];
        c.edgeHighway = new int[m];
        c.edgeOneway = new boolean[m];
        for (int i = 0; i < m; i++) {
            int e = keptIndex.get(i);
            int way = raw.way.get(e);
            c.edgeLength[i] = raw.length.get(e);
            c.edgeWayId[i] = wayIds.get(way);
            c.edgeName[i] = wayName.get(way);
            c.edgeHighway[i] = wayHighway.get(way);
            c.edgeOneway[i] = raw.oneway.get(e);
        }
        c.names = names.toArray(new String[0]);
        c.highways = highways.toArray(new String[0]);
        return new StreetNetwork(c, attribution, profile.name());
    }

    private int renumber(int node, int[] newNode, GrowableArrays.Doubles nodeLat, GrowableArrays.Doubles nodeLon) {
        if (newNode[node] < 0) {
            newNode[node] = nodeLat.size;
            nodeLat.add(lat.get(node));
            nodeLon.add(lon.get(node));
        }
        return newNode[node];
    }
}
