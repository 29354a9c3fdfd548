package dev.rounds.beats;

import dev.rounds.network.LocalProjection;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.MinHeap;
import java.util.Arrays;

/**
 * How compact each beat is: the Polsby–Popper score 4πA / P² of the beat's territory, the ground
 * nearer its streets than any other beat's (and within {@link #REACH_METERS} of a street, so that
 * sea, parks and the map's edge do not count). 1 is a disc, a square scores about 0.79; long thin
 * arms and a beat wrapped around another score low.
 *
 * <p>Why this figure: the beats split the ground between them, so an arm reaching into a neighbour
 * gets only a thin strip (a long perimeter for its area), and a beat wrapped around another has the
 * other's territory as a hole, whose edge counts too. The convex hull of the streets would hide both
 * (a C-shaped beat has a fine hull); a buffer of the streets alone scores the street pattern more
 * than the beat (open blocks on the beat's edge), and the spread of the streets around their centre
 * needs a street density to compare with, which differs between old towns and hillsides.
 *
 * <p>How: the map is rasterised on a grid of {@link #CELL_METERS} (coarser for large maps, at most
 * about {@link #MAX_CELLS} cells); street centre lines are the sources of a chamfer distance
 * transform (steps 1 and √2) that labels every cell with its nearest beat; ground beyond the reach
 * that only one beat surrounds (a park) is that beat's. The perimeter is
 * estimated by the Cauchy–Crofton formula from label changes along rows, columns and both
 * diagonals, which is within a few percent for boundaries of any direction. Cost: O(cells · log cells)
 * for the transform, then O(cells) for all beats.
 */
public final class BeatShape {
    static final double CELL_METERS = 10;
    static final double REACH_METERS = 100;
    private static final long MAX_CELLS = 4_000_000;
    private static final int NONE = -1;

    private final StreetNetwork network;
    private final LocalProjection projection;

    public BeatShape(StreetNetwork network) {
        this.network = network;
        this.projection = LocalProjection.around(network);
    }

    /** Polsby–Popper score of the territory of every beat 0..K-1 of the assignment, in [0, 1]. */
    public double[] everyBeat(int[] beatOfEdge, int beatCount) {
        Territory territory = territory(beatOfEdge);
        long[] area = new long[beatCount];
        double[] perimeter = new double[beatCount];
        territory.measure(area, perimeter);
        double[] score = new double[beatCount];
        for (int beat = 0; beat < beatCount; beat++) {
            double a = area[beat] * territory.cell * territory.cell;
            score[beat] = perimeter[beat] == 0 ? 0 : Math.min(1, 4 * Math.PI * a / (perimeter[beat] * perimeter[beat]));
        }
        return score;
    }

    private Territory territory(int[] beatOfEdge) {
        double[] box = bounds();
        double width = box[2] - box[0];
        double height = box[3] - box[1];
        double cell = Math.max(CELL_METERS, Math.sqrt(width * height / MAX_CELLS));
        Territory territory = new Territory(box[0], box[1], width, height, cell);
        for (int e = 0; e < beatOfEdge.length; e++) {
            rasterise(e, beatOfEdge[e], territory);
        }
        territory.spread(REACH_METERS / cell);
        territory.fillEnclosedGaps();
        return territory;
    }

    /** {minX, minY, maxX, maxY} of the network, widened by the reach and a cell. */
    private double[] bounds() {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int e = 0; e < network.edgeCount(); e++) {
            for (int i = 0; i < network.edgePointCount(e); i++) {
                double x = projection.x(network.edgePointLon(e, i));
                double y = projection.y(network.edgePointLat(e, i));
                box[0] = Math.min(box[0], x);
                box[1] = Math.min(box[1], y);
                box[2] = Math.max(box[2], x);
                box[3] = Math.max(box[3], y);
            }
        }
        double margin = REACH_METERS + 2 * CELL_METERS;
        return new double[] {box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin};
    }

    /** Seeds the cells under the street's centre line, sampled every half cell, with its beat. */
    private void rasterise(int edge, int beat, Territory territory) {
        for (int i = 1; i < network.edgePointCount(edge); i++) {
            double x0 = projection.x(network.edgePointLon(edge, i - 1));
            double y0 = projection.y(network.edgePointLat(edge, i - 1));
            double x1 = projection.x(network.edgePointLon(edge, i));
            double y1 = projection.y(network.edgePointLat(edge, i));
            int steps = Math.max(1, (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0) / (territory.cell / 2)));
            for (int s = 0; s <= steps; s++) {
                double t = s / (double) steps;
                territory.seed(x0 + t * (x1 - x0), y0 + t * (y1 - y0), beat);
            }
        }
    }

    /** The raster: each cell's nearest beat (or none) and its distance in cells. */
    private static final class Territory {
        final double minX;
        final double minY;
        final double cell;
        final int columns;
        final int rows;
        final int[] owner;
        final double[] distance;
        final MinHeap heap = new MinHeap();

        Territory(double minX, double minY, double width, double height, double cell) {
            this.minX = minX;
            this.minY = minY;
            this.cell = cell;
            this.columns = (int) Math.ceil(width / cell) + 1;
            this.rows = (int) Math.ceil(height / cell) + 1;
            this.owner = new int[columns * rows];
            this.distance = new double[columns * rows];
            Arrays.fill(owner, NONE);
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
        }

        /** A street cell; where streets of two beats cross the lower beat number keeps it. */
        void seed(double x, double y, int beat) {
            int col = (int) Math.floor((x - minX) / cell);
            int row = (int) Math.floor((y - minY) / cell);
            int index = row * columns + col;
            if (distance[index] > 0 || beat < owner[index]) {
                if (distance[index] > 0) {
                    heap.push(0, index);
                }
                distance[index] = 0;
                owner[index] = beat;
            }
        }

        /** Chamfer distance transform from the street cells, up to {@code reach} cells. */
        void spread(double reach) {
            int[] dx = {1, -1, 0, 0, 1, 1, -1, -1};
            int[] dy = {0, 0, 1, -1, 1, -1, 1, -1};
            double diagonal = Math.sqrt(2);
            while (!heap.isEmpty()) {
                double d = heap.peekKey();
                int index = heap.pop();
                if (d > distance[index]) {
                    continue;
                }
                int col = index % columns;
                int row = index / columns;
                for (int n = 0; n < 8; n++) {
                    int c = col + dx[n];
                    int r = row + dy[n];
                    if (c < 0 || r < 0 || c >= columns || r >= rows) {
                        continue;
                    }
                    double next = d + (n < 4 ? 1 : diagonal);
                    int neighbour = r * columns + c;
                    if (next <= reach && next < distance[neighbour]) {
                        distance[neighbour] = next;
                        owner[neighbour] = owner[index];
                        heap.push(next, neighbour);
                    }
                }
            }
        }

        /**
         * Gives each patch of unowned ground (a park, a large building more than the reach from any
         * street) that touches only one beat and not the map's edge to that beat: it is inside it.
         */
        void fillEnclosedGaps() {
            boolean[] seen = new boolean[owner.length];
            int[] patch = new int[owner.length];
            for (int start = 0; start < owner.length; start++) {
                if (seen[start] || owner[start] != NONE) {
                    continue;
                }
                int size = 0;
                int border = NONE;
                boolean open = false;
                seen[start] = true;
                patch[size++] = start;
                for (int head = 0; head < size; head++) {
                    int index = patch[head];
                    int col = index % columns;
                    int row = index / columns;
                    open |= col == 0 || row == 0 || col == columns - 1 || row == rows - 1;
                    int[] sides = {col > 0 ? index - 1 : -1, col + 1 < columns ? index + 1 : -1,
                        row > 0 ? index - columns : -1, row + 1 < rows ? index + columns : -1};
                    for (int next : sides) {
                        if (next < 0) {
                            continue;
                        }
                        if (owner[next] == NONE) {
                            if (!seen[next]) {
                                seen[next] = true;
                                patch[size++] = next;
                            }
                        } else if (border == NONE || border == owner[next]) {
                            border = owner[next];
                        } else {
                            open = true;
                        }
                    }
                }
                if (!open && border != NONE) {
                    for (int i = 0; i < size; i++) {
                        owner[patch[i]] = border;
                    }
                }
            }
        }

        /**
         * Cells per beat, and each beat's perimeter by Cauchy–Crofton over four directions: lines
         * along rows and columns (one cell apart) and both diagonals (a cell / √2 apart) count where
         * the label changes; perimeter ≈ π / (2 · 4) · Σ changes · line spacing.
         */
        void measure(long[] area, double[] perimeter) {
            double[] changes = new double[area.length];
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < columns; col++) {
                    int here = owner[row * columns + col];
                    if (here != NONE && here < area.length) {
                        area[here]++;
                    }
                    count(here, col + 1 < columns ? owner[row * columns + col + 1] : NONE, changes, 1);
                    count(here, row + 1 < rows ? owner[(row + 1) * columns + col] : NONE, changes, 1);
                    count(here, col + 1 < columns && row + 1 < rows ? owner[(row + 1) * columns + col + 1] : NONE,
                            changes, Math.sqrt(0.5));
                    count(here, col > 0 && row + 1 < rows ? owner[(row + 1) * columns + col - 1] : NONE, changes,
                            Math.sqrt(0.5));
                }
            }
            for (int beat = 0; beat < area.length; beat++) {
                perimeter[beat] = Math.PI / 8 * changes[beat] * cell;
            }
        }

        private static void count(int a, int b, double[] changes, double spacing) {
            if (a == b) {
                return;
            }
            if (a != NONE && a < changes.length) {
                changes[a] += spacing;
            }
            if (b != NONE && b < changes.length) {
                changes[b] += spacing;
            }
        }
    }
}
