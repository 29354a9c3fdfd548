package dev.rounds.server.plans;

/** Told when a plan becomes the one the live patrol follows. */
@FunctionalInterface
public interface PlanActivation {
    void activate(PlannedArea plan);
}
