package dev.rounds.matching;

import java.time.Instant;

/**
 * A stretch of one street segment walked without turning back: the unit coverage counts.
 *
 * @param edge              edge id in the street network
 * @param part              index of the trace part it belongs to (parts are separated by gaps and jumps)
 * @param direction         walked along the edge geometry or against it
 * @param fromOffsetMeters  where the stretch starts, measured along the edge from {@code edgeFrom}
 * @param toOffsetMeters    where it ends, measured the same way
 * @param share             walked length divided by the edge length, in 0..1
 * @param entryTime         when the walker was at {@code fromOffsetMeters} (interpolated between pings)
 * @param exitTime          when the walker was at {@code toOffsetMeters}
 */
public record Traversal(int edge, int part, Direction direction, double fromOffsetMeters, double toOffsetMeters,
        double share, Instant entryTime, Instant exitTime) {

    public double lengthMeters() {
        return Math.abs(toOffsetMeters - fromOffsetMeters);
    }
}
