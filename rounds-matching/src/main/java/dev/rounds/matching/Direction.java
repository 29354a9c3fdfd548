package dev.rounds.matching;

/** Which way a street segment was walked, relative to its geometry (from {@code edgeFrom} to {@code edgeTo}). */
public enum Direction {
    FORWARD, BACKWARD
}
