package dev.rounds.beats;

import java.util.Arrays;

/**
 * A lower bound, with a certificate anyone can check, on how many beats a plan needs when every
 * beat must be one of a given family of street sets.
 *
 * <p>The certificate is a weight per street such that no set of the family weighs more than 1. A
 * plan's beats are sets of the family that hold every street exactly once, so their number is at
 * least their total weight, which is the total weight of all streets. Hence: beats ≥ Σ weights /
 * (heaviest set's weight, or 1 if that is less). No linear-programming theory is needed to trust the
 * bound, only these two sums, which {@link #certify} computes over the whole family.
 *
 * <p>The weights come from the linear relaxation of set partitioning (minimise the number of sets,
 * each street covered once, fractions allowed): its optimal dual is the best such certificate. It is
 * solved by a revised simplex with the basis inverse kept explicitly (one row per street, so 80 × 80
 * on novi-sad), Dantzig pricing over the whole family, artificial columns at a big cost to start, and
 * the inverse computed afresh every {@link #REFACTOR_EVERY} pivots. The simplex's own accuracy does
 * not matter for soundness: the bound is computed from the weights it ends with, whatever they are.
 */
public final class BeatCountBound {
    static final int REFACTOR_EVERY = 64;
    private static final double ARTIFICIAL_COST = 1_000;
    private static final double EPSILON = 1e-9;

    private BeatCountBound() {
    }

    /** Weights per street, the heaviest set's weight, and the bound they prove. */
    public record Certificate(double[] streetWeights, double heaviestSetWeight, double beatsAtLeast, int pivots) {
    }

    /**
     * The certified lower bound on the number of sets from {@code family} (each a non-empty array of
     * street ids below {@code streets}) that partition all streets; {@code Double.POSITIVE_INFINITY}
     * when some street is in no set. Gives up (throws) after {@code maxPivots} pivots.
     */
    public static Certificate certify(int streets, int[][] family, int maxPivots) {
        boolean[] covered = new boolean[streets];
        for (int[] set : family) {
            for (int street : set) {
                covered[street] = true;
            }
        }
        for (boolean c : covered) {
            if (!c) {
                return new Certificate(new double[streets], 0, Double.POSITIVE_INFINITY, 0);
            }
        }
        Simplex simplex = new Simplex(streets, family);
        int pivots = simplex.solve(maxPivots);
        double[] weights = simplex.duals();
        double heaviest = 0;
        for (int[] set : family) {
            heaviest = Math.max(heaviest, weightOf(set, weights));
        }
        double total = Arrays.stream(weights).sum();
        return new Certificate(weights, heaviest, total / Math.max(1, heaviest), pivots);
    }

    static double weightOf(int[] set, double[] weights) {
        double sum = 0;
        for (int street : set) {
            sum += weights[street];
        }
        return sum;
    }

    /** min Σ x_s subject to Σ_{s ∋ e} x_s = 1 for every street e, x ≥ 0; columns are the family's sets. */
    private static final class Simplex {
        private final int rows;
        private final int[][] family;
        private final double[][] inverse;
        /** Column in the basis at each row: a set index, or -1 - row for that row's artificial column. */
        private final int[] basis;
        private final double[] values;

        Simplex(int rows, int[][] family) {
            this.rows = rows;
            this.family = family;
            this.inverse = new double[rows][rows];
            this.basis = new int[rows];
            this.values = new double[rows];
            for (int r = 0; r < rows; r++) {
                inverse[r][r] = 1;
                basis[r] = -1 - r;
                values[r] = 1;
            }
        }

        int solve(int maxPivots) {
            for (int pivot = 0; pivot < maxPivots; pivot++) {
                double[] duals = duals();
                int entering = -1;
                double best = -EPSILON;
                for (int s = 0; s < family.length; s++) {
                    double reduced = 1 - weightOf(family[s], duals);
                    if (reduced < best) {
                        best = reduced;
                        entering = s;
                    }
                }
                if (entering < 0) {
                    return pivot;
                }
                double[] column = enteringColumn(family[entering]);
                int leaving = ratioTest(column);
                if (leaving < 0) {
                    throw new IllegalStateException("set partitioning relaxation unbounded: cannot happen");
                }
                pivotOn(leaving, column, entering);
                if ((pivot + 1) % REFACTOR_EVERY == 0) {
                    refactor();
                }
            }
            throw new IllegalStateException("the beat-count bound did not converge in " + maxPivots + " pivots");
        }

        /** y = c_B B⁻¹: the street weights. */
        double[] duals() {
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                double cost = basis[r] >= 0 ? 1 : ARTIFICIAL_COST;
                double[] row = inverse[r];
                for (int j = 0; j < rows; j++) {
                    y[j] += cost * row[j];
                }
            }
            return y;
        }

        private double[] enteringColumn(int[] set) {
            double[] column = new double[rows];
            for (int r = 0; r < rows; r++) {
                double[] row = inverse[r];
                double sum = 0;
                for (int street : set) {
                    sum += row[street];
                }
                column[r] = sum;
            }
            return column;
        }

        /** The row leaving the basis: least value / column entry, ties to the largest entry. */
        private int ratioTest(double[] column) {
            int leaving = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                if (column[r] > EPSILON) {
                    double ratio = Math.max(0, values[r]) / column[r];
                    if (ratio < bestRatio - EPSILON
                            || (ratio < bestRatio + EPSILON && leaving >= 0 && column[r] > column[leaving])) {
                        bestRatio = Math.min(bestRatio, ratio);
                        leaving = r;
                    }
                }
            }
            return leaving;
        }

        private void pivotOn(int leaving, double[] column, int entering) {
            double pivot = column[leaving];
            double[] pivotRow = inverse[leaving];
            for (int j = 0; j < rows; j++) {
                pivotRow[j] /= pivot;
            }
            values[leaving] /= pivot;
            for (int r = 0; r < rows; r++) {
                if (r != leaving && column[r] != 0) {
                    double factor = column[r];
                    double[] row = inverse[r];
                    for (int j = 0; j < rows; j++) {
                        row[j] -= factor * pivotRow[j];
                    }
                    values[r] -= factor * values[leaving];
                }
            }
            basis[leaving] = entering;
        }

        /** Recomputes B⁻¹ from the basis columns (Gauss–Jordan, partial pivoting) and the values from it. */
        private void refactor() {
            double[][] b = new double[rows][2 * rows];
            for (int r = 0; r < rows; r++) {
                if (basis[r] >= 0) {
                    for (int street : family[basis[r]]) {
                        b[street][r] = 1;
                    }
                } else {
                    b[-1 - basis[r]][r] = 1;
                }
                b[r][rows + r] = 1;
            }
            for (int c = 0; c < rows; c++) {
                int pivotRow = c;
                for (int r = c + 1; r < rows; r++) {
                    if (Math.abs(b[r][c]) > Math.abs(b[pivotRow][c])) {
                        pivotRow = r;
                    }
                }
                double[] swap = b[c];
                b[c] = b[pivotRow];
                b[pivotRow] = swap;
                double p = b[c][c];
                if (Math.abs(p) < 1e-12) {
                    throw new IllegalStateException("singular basis in the beat-count bound");
                }
                for (int j = 0; j < 2 * rows; j++) {
                    b[c][j] /= p;
                }
                for (int r = 0; r < rows; r++) {
                    if (r != c && b[r][c] != 0) {
                        double f = b[r][c];
                        for (int j = 0; j < 2 * rows; j++) {
                            b[r][j] -= f * b[c][j];
                        }
                    }
                }
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b[r], rows, inverse[r], 0, rows);
                double sum = 0;
                for (int j = 0; j < rows; j++) {
                    sum += inverse[r][j];
                }
                values[r] = sum;
            }
        }
    }
}
