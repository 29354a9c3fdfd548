package dev.rounds.matching;

import dev.rounds.network.StreetNetwork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns decided routes into traversals: pieces of consecutive routes on the same edge in the same
 * direction are joined, times are interpolated along each route by distance, and a traversal is
 * handed out once the walker has left it (or the part ended), so it never changes afterwards.
 * Moving back along a street by less than the turn-back threshold in all is taken as noise: the
 * walker is held where they were, so jitter yields no back-and-forth traversals.
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
    private double reverseMeters;
    private double matchedLengthMeters;
    private final double minTurnBackMeters;

    /** @param minTurnBackMeters shorter moves back along a street are taken as GPS noise, not a turn */
    WalkBuilder(StreetNetwork network, double minTurnBackMeters) {
        this.network = network;
        this.minTurnBackMeters = minTurnBackMeters;
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
        boolean onOpen = open && openPart == part && openEdge == edge
                && Math.abs(from - position()) <= JOIN_TOLERANCE_METERS;
        if (onOpen && forward(from, to) == forward(openFrom, openTo)) {
            advance(to, exit);
        } else if (onOpen) {
            turnBack(Math.abs(to - from), to, exit);
        } else {
            closePart();
            startOpen(part, edge, from, to, entry, exit);
        }
    }

    private static boolean forward(double from, double to) {
        return to >= from;
    }

    /** Where the walker is on the open traversal's edge: its far end, less the pending turn-back. */
    private double position() {
        return forward(openFrom, openTo) ? openTo - reverseMeters : openTo + reverseMeters;
    }

    private void advance(double to, long exit) {
        double beyond = forward(openFrom, openTo) ? to - openTo : openTo - to;
        if (beyond >= 0) {
            openTo = to;
            openExit = exit;
            reverseMeters = 0;
        } else {
            reverseMeters = -beyond;
        }
    }

    /**
     * The walker moved back on the open traversal's edge. Less than {@code minTurnBackMeters} in all is
     * GPS noise and is held; more is a real turn: the open traversal ends at its far end and a new one
     * runs back from there.
     */
    private void turnBack(double lengthMeters, double to, long exit) {
        reverseMeters += lengthMeters;
        if (reverseMeters < minTurnBackMeters) {
            return;
        }
        int part = openPart;
        int edge = openEdge;
        double turnPoint = openTo;
        long turnTime = openExit;
        reverseMeters = 0;
        closePart();
        startOpen(part, edge, turnPoint, to, turnTime, exit);
    }

    private void startOpen(int part, int edge, double from, double to, long entry, long exit) {
        open = true;
        openPart = part;
        openEdge = edge;
        openFrom = from;
        openTo = to;
        openEntry = entry;
        openExit = exit;
        reverseMeters = 0;
    }

    /**
     * Hands out the open traversal: the part ended or the walker left the edge. A traversal the
     * walker fully walked back on (a noise excursion shorter than the turn-back threshold) is dropped.
     */
    void closePart() {
        if (!open) {
            return;
        }
        open = false;
        double length = Math.abs(openTo - openFrom);
        if (reverseMeters >= length - JOIN_TOLERANCE_METERS) {
            reverseMeters = 0;
            return;
        }
        reverseMeters = 0;
        double edgeLength = network.edgeLengthMeters(openEdge);
        matchedLengthMeters += length;
        done.add(new Traversal(openEdge, openPart, forward(openFrom, openTo) ? Direction.FORWARD : Direction.BACKWARD,
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
