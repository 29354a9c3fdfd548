package dev.rounds.feasibility;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The honest answer to "can K patrollers do this": the figures and the same in plain text.
 *
 * @param target                   what was asked
 * @param patrollers               K, the beats of the plan judged
 * @param availableTime            patrol time per shift
 * @param longestRoundTime         the plan's longest round
 * @param roundsPerShift           whole rounds of the longest beat per shift: what the plan allows
 * @param maxRoundTime             the longest round time that meets the target
 * @param meets                    whether the plan meets the target
 * @param possible                 false when no K can meet it: one street's own round trip is too long
 * @param shortestPossibleRoundTime the longest single-street round trip: no plan's longest round is shorter
 * @param smallestPatrollers       the smallest K found by planning that meets the target (empty if
 *                                 impossible or not searched)
 * @param text                     the answer in a sentence or two
 */
public record FeasibilityAnswer(
        Target target,
        int patrollers,
        Duration availableTime,
        Duration longestRoundTime,
        int roundsPerShift,
        Duration maxRoundTime,
        boolean meets,
        boolean possible,
        Duration shortestPossibleRoundTime,
        OptionalInt smallestPatrollers,
        String text) {
}
