package dev.rounds.coverage;

/** Why an alert was raised, with its priority (0 is the most urgent). */
public enum AlertKind {
    SOS(0),
    NO_POSITIONS(1),
    STANDING_STILL(1),
    ROUND_OVERDUE(2),
    OFF_BEAT(2),
    STREET_UNVISITED(3),
    ROUND_NOT_STARTED(2),
    CHECKPOINT_MISSED(1),
    CHECKPOINT_LATE(2),
    CHECKPOINT_OUT_OF_ORDER(3),
    NO_ANSWER(0);

    private final int priority;

    AlertKind(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }
}
