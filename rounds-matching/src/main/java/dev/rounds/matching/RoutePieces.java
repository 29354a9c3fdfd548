package dev.rounds.matching;

import java.util.Arrays;

/** A growable list of route pieces (edge, from offset, to offset) in primitive arrays, reused between routes. */
final class RoutePieces {
    private int[] edge = new int[16];
    private double[] from = new double[16];
    private double[] to = new double[16];
    private int size;

    void add(int e, double fromOffsetMeters, double toOffsetMeters) {
        if (size == edge.length) {
            edge = Arrays.copyOf(edge, size * 2);
            from = Arrays.copyOf(from, size * 2);
            to = Arrays.copyOf(to, size * 2);
        }
        edge[size] = e;
        from[size] = fromOffsetMeters;
        to[size] = toOffsetMeters;
        size++;
    }

    void appendReversed(RoutePieces other) {
        for (int i = other.size - 1; i >= 0; i--) {
            add(other.edge[i], other.from[i], other.to[i]);
        }
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    int edge(int i) {
        return edge[i];
    }

    double fromOffset(int i) {
        return from[i];
    }

    double toOffset(int i) {
        return to[i];
    }

    double lengthMeters(int i) {
        return Math.abs(to[i] - from[i]);
    }
}
