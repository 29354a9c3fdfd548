package dev.rounds.reports;

/** Checkpoint visits counted by their status: on time, late and out of order. */
public record CheckpointTally(int onTime, int late, int outOfOrder) {
    public static final CheckpointTally NONE = new CheckpointTally(0, 0, 0);

    public int total() {
        return onTime + late + outOfOrder;
    }

    /** This tally with one more visit of the given status. */
    CheckpointTally plus(String status) {
        return switch (status) {
            case ReportCheckpointVisit.ON_TIME -> new CheckpointTally(onTime + 1, late, outOfOrder);
            case ReportCheckpointVisit.LATE -> new CheckpointTally(onTime, late + 1, outOfOrder);
            case ReportCheckpointVisit.OUT_OF_ORDER -> new CheckpointTally(onTime, late, outOfOrder + 1);
            default -> throw new IllegalArgumentException("unknown checkpoint visit status '" + status + "'");
        };
    }

    CheckpointTally plus(CheckpointTally other) {
        return new CheckpointTally(onTime + other.onTime, late + other.late, outOfOrder + other.outOfOrder);
    }
}
