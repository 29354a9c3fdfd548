package dev.rounds.beats;

import dev.rounds.rounds.Round;

/**
 * One beat of a plan: its streets (edge ids of the whole network), its shortest round and how
 * compact it is.
 *
 * @param index the beat number, 0..K-1
 * @param round the round covering the beat; its {@code beatEdges()} are the beat's streets
 * @param compactness Polsby–Popper score of the beat's territory ({@link BeatShape}), in [0, 1]: 1
 *     for a disc, low for long thin arms or a beat wrapped around another
 */
public record Beat(int index, Round round, double compactness) {
    public Beat {
        if (index < 0) {
            throw new IllegalArgumentException("beat index must be >= 0, got " + index);
        }
        java.util.Objects.requireNonNull(round, "round");
        if (!(compactness >= 0 && compactness <= 1)) {
            throw new IllegalArgumentException("compactness must be in [0, 1], got " + compactness);
        }
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
