package dev.rounds.matching;

import dev.rounds.network.StreetNetwork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns decided routes into traversals: pieces of consecutive routes on the same edge in the same
 * direction are joined, times are interpolated along each route by distance, and a traversal is
 * handed out once the walker has left it (or the part ended), so it never changes afterwards.
 */
final class WalkBuilder {
    private static final double JOIN_TOLERANCE_METERS = 1e-6;
    private final StreetNetwork network;
    private final List<Traversal> done = new ArrayList<>();
    private boolean open;
    private int openEdge;
    private int openPart;
    private double openFrom;
    private double openTo;
    private long openEntry;
    private long openExit;
    private double matchedLengthMeters;

    WalkBuilder(StreetNetwork network) {
        this.network = network;
    }

    /** Appends a route walked between {@code startMillis} and {@code endMillis}. */
    void addRoute(int part, RoutePieces pieces, long startMillis, long endMillis) {
        double total = 0;
        for (int i = 0; i < pieces.size(); i++) {
            total += pieces.lengthMeters(i);
        }
        double walked = 0;
        for (int i = 0; i < pieces.size(); i++) {
            double length = pieces.lengthMeters(i);
            if (length <= JOIN_TOLERANCE_METERS) {
                continue;
            }
            long entry = startMillis + Math.round((endMillis - startMillis) * (walked / total));
            walked += length;
            long exit = startMillis + Math.round((endMillis - startMillis) * (walked / total));
            extend(part, pieces.edge(i), pieces.fromOffset(i), pieces.toOffset(i), entry, exit);
        }
    }

    private void extend(int part, int edge, double from, double to, long entry, long exit) {
        boolean sameWay = open && openPart == part && openEdge == edge
                && Math.abs(openTo - from) <= JOIN_TOLERANCE_METERS && (openTo >= openFrom) == (to >= from);
        if (sameWay) {
            openTo = to;
            openExit = exit;
            return;
        }
        closePart();
        open = true;
        openPart = part;
        openEdge = edge;
        openFrom = from;
        openTo = to;
        openEntry = entry;
        openExit = exit;
    }

    /** Hands out the open traversal: the part ended or the route was interrupted. */
    void closePart() {
        if (!open) {
            return;
        }
        open = false;
        double length = Math.abs(openTo - openFrom);
        double edgeLength = network.edgeLengthMeters(openEdge);
        matchedLengthMeters += length;
        done.add(new Traversal(openEdge, openPart, openTo >= openFrom ? Direction.FORWARD : Direction.BACKWARD,
                openFrom, openTo, edgeLength == 0 ? 1 : Math.min(1, length / edgeLength),
                Instant.ofEpochMilli(openEntry), Instant.ofEpochMilli(openExit)));
    }

    /** The traversals finished since the last call. */
    List<Traversal> drain() {
        List<Traversal> out = List.copyOf(done);
        done.clear();
        return out;
    }

    double matchedLengthMeters() {
        return matchedLengthMeters;
    }
}
