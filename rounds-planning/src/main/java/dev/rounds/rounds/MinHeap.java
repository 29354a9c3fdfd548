package dev.rounds.rounds;

import java.util.Arrays;

/**
 * A binary min-heap of (key, int value) pairs, duplicates allowed; callers skip stale entries. Shared
 * by the beat searches and the rounds' balancing flow.
 */
public final class MinHeap {
    private double[] keys = new double[16];
    private int[] values = new int[16];
    private int size;

    public boolean isEmpty() {
        return size == 0;
    }

    public double peekKey() {
        return keys[0];
    }

    public int peekValue() {
        return values[0];
    }

    public void clear() {
        size = 0;
    }

    public void push(double key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** Removes the smallest entry and returns its value. */
    public int pop() {
        int top = values[0];
        size--;
        if (size > 0) {
            siftDown(keys[size], values[size]);
        }
        return top;
    }

    private void siftDown(double key, int value) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            keys[i] = keys[child];
            values[i] = values[child];
            i = child;
        }
        keys[i] = key;
        values[i] = value;
    }
}
