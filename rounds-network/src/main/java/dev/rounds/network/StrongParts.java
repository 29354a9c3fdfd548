package dev.rounds.network;

import java.util.Arrays;

/**
 * Strongly connected parts of a street graph for drivers: a one-way edge may be driven only from
 * its first node to its last, a two-way edge both ways. Two nodes are in the same part when a car
 * can drive from each to the other, so a round can only cover streets whose both ends are in one part.
 *
 * <p>Tarjan's algorithm, iterative (street networks are deep); O(nodes + edges). Reference: R.
 * Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1 (1972).
 */
final class StrongParts {
    private StrongParts() {
    }

    /**
     * The part of every node (dense ids from 0), -1 for nodes no used edge touches.
     *
     * @param used which edges take part; the others are ignored
     */
    static int[] of(int nodeCount, int[] from, int[] to, boolean[] oneway, boolean[] used) {
        int[] start = new int[nodeCount + 1];
        for (int e = 0; e < from.length; e++) {
            if (used[e]) {
                start[from[e] + 1]++;
                if (!oneway[e]) {
                    start[to[e] + 1]++;
                }
            }
        }
        for (int n = 0; n < nodeCount; n++) {
            start[n + 1] += start[n];
        }
        int[] next = new int[start[nodeCount]];
        int[] fill = Arrays.copyOf(start, nodeCount);
        for (int e = 0; e < from.length; e++) {
            if (used[e]) {
                next[fill[from[e]]++] = to[e];
                if (!oneway[e]) {
                    next[fill[to[e]]++] = from[e];
                }
            }
        }
        boolean[] touched = new boolean[nodeCount];
        for (int e = 0; e < from.length; e++) {
            if (used[e]) {
                touched[from[e]] = true;
                touched[to[e]] = true;
            }
        }
        return new Tarjan(start, next, touched).run();
    }

    private static final class Tarjan {
        private final int[] start;
        private final int[] next;
        private final boolean[] touched;
        private final int[] index;
        private final int[] low;
        private final int[] part;
        private final int[] cursor;
        private final int[] callStack;
        private final int[] openStack;
        private final boolean[] open;
        private int counter;
        private int parts;

        Tarjan(int[] start, int[] next, boolean[] touched) {
            int n = touched.length;
            this.start = start;
            this.next = next;
            this.touched = touched;
            this.index = new int[n];
            this.low = new int[n];
            this.part = new int[n];
            this.cursor = new int[n];
            this.callStack = new int[n];
            this.openStack = new int[n];
            this.open = new boolean[n];
            Arrays.fill(index, -1);
            Arrays.fill(part, -1);
        }

        int[] run() {
            for (int root = 0; root < touched.length; root++) {
                if (touched[root] && index[root] < 0) {
                    search(root);
                }
            }
            return part;
        }

        private void search(int root) {
            int depth = 0;
            int openSize = 0;
            callStack[0] = root;
            enter(root);
            openStack[openSize++] = root;
            while (depth >= 0) {
                int v = callStack[depth];
                if (cursor[v] < start[v + 1]) {
                    int w = next[cursor[v]++];
                    if (index[w] < 0) {
                        enter(w);
                        openStack[openSize++] = w;
                        callStack[++depth] = w;
                    } else if (open[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = openStack[--openSize];
                        open[w] = false;
                        part[w] = parts;
                    } while (w != v);
                    parts++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = callStack[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }

        private void enter(int v) {
            index[v] = counter;
            low[v] = counter++;
            cursor[v] = start[v];
            open[v] = true;
        }
    }
}
