package dev.rounds.matching;

/**
 * Consecutive pings that stay within the still radius of their centre, merged: one observation for
 * the HMM, with the time the walker arrived ({@code firstMillis}) and left ({@code lastMillis}).
 */
record Anchor(double x, double y, double lat, double lon, double sigmaMeters, long firstMillis, long lastMillis,
        int pingCount) {
}
