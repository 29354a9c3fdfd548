package dev.rounds.beats;

import dev.rounds.rounds.Round;

/**
 * One beat of a plan: its streets (edge ids of the whole network) and its shortest round.
 *
 * @param index the beat number, 0..K-1
 * @param round the round covering the beat; its {@code beatEdges()} are the beat's streets
 */
public record Beat(int index, Round round) {
    public Beat {
        if (index < 0) {
            throw new IllegalArgumentException("beat index must be >= 0, got " + index);
        }
        java.util.Objects.requireNonNull(round, "round");
    }

    public int[] edges() {
        return round.beatEdges();
    }

    public double streetLengthMeters() {
        return round.streetLengthMeters();
    }

    public double roundLengthMeters() {
        return round.lengthMeters();
    }

    /** Metres walked twice or through other beats, as a share of the round. */
    public double deadheadShare() {
        return round.deadheadShare();
    }
}
