package dev.rounds.storage;

import java.time.Instant;

/**
 * A street segment walked during a shift, as map matching found it.
 *
 * @param shiftId      the shift
 * @param streetId     the edge id in the area's street network
 * @param enteredAt    when the patroller entered the stretch
 * @param leftAt       when they left it
 * @param coveredShare the share of the street's length walked, 0..1
 */
public record StoredTraversal(long shiftId, long streetId, Instant enteredAt, Instant leftAt, double coveredShare) {
}
