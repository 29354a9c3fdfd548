package dev.rounds.network;

import java.util.Arrays;

/** Minimal growable primitive arrays for the importer. */
final class GrowableArrays {
    private GrowableArrays() {
    }

    static final class Ints {
        int[] data = new int[1024];
        int size;

        void add(int value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        int get(int i) {
            return data[i];
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    static final class Longs {
        long[] data = new long[1024];
        int size;

        void add(long value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        long get(int i) {
            return data[i];
        }
    }

    static final class Doubles {
        double[] data = new double[1024];
        int size;

        void add(double value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        double get(int i) {
            return data[i];
        }

        double[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
