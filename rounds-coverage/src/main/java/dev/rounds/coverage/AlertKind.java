package dev.rounds.coverage;

/** Why an alert was raised, with its priority (0 is the most urgent). */
public enum AlertKind {
    SOS(0),
    NO_POSITIONS(1),
    STANDING_STILL(1),
    ROUND_OVERDUE(2),
    OFF_BEAT(2),
    STREET_UNVISITED(3);

    private final int priority;

    AlertKind(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }
}
