package dev.rounds.server.plans;

import dev.rounds.feasibility.ShiftRules;
import dev.rounds.feasibility.Target;
import dev.rounds.server.web.ApiError;
import java.time.Duration;

/**
 * What the planner is asked: exactly one of a number of patrollers, a target of rounds per shift or
 * a maximum revisit time; and the shift rules (defaults 4 km/h, 8 h, 0.8 available).
 */
public record PlanRequest(Integer patrollers, Integer targetRounds, Double maxRevisitMinutes, Double speedKmh,
        Double shiftHours, Double available, Long seed) {

    /** Checks the request; answers 400 with what to fix. */
    public PlanRequest checked(int streets) {
        int given = (patrollers == null ? 0 : 1) + (targetRounds == null ? 0 : 1) + (maxRevisitMinutes == null ? 0 : 1);
        if (given != 1) {
            throw ApiError.badRequest("bad_plan", "give exactly one of patrollers, targetRounds or maxRevisitMinutes");
        }
        if (patrollers != null && (patrollers < 1 || patrollers > streets)) {
            throw ApiError.badRequest("bad_plan", "patrollers must be between 1 and the number of streets (" + streets
                    + "), got " + patrollers);
        }
        if (targetRounds != null && targetRounds < 1) {
            throw ApiError.badRequest("bad_plan", "targetRounds must be at least 1, got " + targetRounds);
        }
        if (maxRevisitMinutes != null && !(maxRevisitMinutes > 0)) {
            throw ApiError.badRequest("bad_plan", "maxRevisitMinutes must be positive, got " + maxRevisitMinutes);
        }
        rules();
        return this;
    }

    /** The shift rules, or a 400 that names the bad value. */
    public ShiftRules rules() {
        double hours = shiftHours == null ? 8 : shiftHours;
        if (!(hours > 0 && hours <= 24)) {
            throw ApiError.badRequest("bad_plan", "shiftHours must be more than 0 and at most 24, got " + hours);
        }
        try {
            return new ShiftRules(Duration.ofMillis(Math.round(hours * 3_600_000)), available == null ? 0.8 : available,
                    speedKmh == null ? 4 : speedKmh);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad_plan", e.getMessage());
        }
    }

    /** The target, or null when a number of patrollers was given. */
    public Target target() {
        if (targetRounds != null) {
            return Target.roundsPerShift(targetRounds);
        }
        if (maxRevisitMinutes != null) {
            return Target.maxRevisit(Duration.ofMillis(Math.round(maxRevisitMinutes * 60_000)));
        }
        return null;
    }

    public long seedOrDefault() {
        return seed == null ? 1 : seed;
    }
}
