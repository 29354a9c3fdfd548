package dev.rounds.coverage;

/**
 * How alert reasons name a patroller: the server passes their names, so a supervisor reads "Ann has
 * not moved", not an id. The default names them by id.
 */
@FunctionalInterface
public interface PatrollerNames {
    /** Names patrollers by their ids. */
    PatrollerNames IDS = id -> id;

    /** The name to show for a patroller id. */
    String of(String patrollerId);
}
