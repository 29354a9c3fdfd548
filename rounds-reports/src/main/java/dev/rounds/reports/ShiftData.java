package dev.rounds.reports;

import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import java.util.List;
import java.util.Objects;

/**
 * Everything recorded during one shift, the unit a report is streamed in: the shift, its
 * patroller's matched street visits, their position fixes, the alerts raised for the shift, and
 * the patroller's observations and checkpoint visits. Visits, fixes, observations and checkpoint
 * visits outside the shift's window are ignored by the report (the ledger's rule: a visit belongs
 * to the shift during which it ended).
 */
public record ShiftData(Shift shift, List<StreetVisit> visits, List<PositionFix> fixes, List<ReportAlert> alerts,
        List<ReportObservation> observations, List<ReportCheckpointVisit> checkpointVisits) {
    public ShiftData {
        Objects.requireNonNull(shift, "shift");
        visits = List.copyOf(visits);
        fixes = List.copyOf(fixes);
        alerts = List.copyOf(alerts);
        observations = List.copyOf(observations);
        checkpointVisits = List.copyOf(checkpointVisits);
        for (StreetVisit visit : visits) {
            if (!visit.patrollerId().equals(shift.patrollerId())) {
                throw new IllegalArgumentException("shift " + shift.shiftId() + " is patroller " + shift.patrollerId()
                        + "'s but holds a visit by " + visit.patrollerId() + ": group visits by patroller");
            }
        }
        for (PositionFix fix : fixes) {
            if (!fix.patrollerId().equals(shift.patrollerId())) {
                throw new IllegalArgumentException("shift " + shift.shiftId() + " is patroller " + shift.patrollerId()
                        + "'s but holds a position of " + fix.patrollerId() + ": group fixes by patroller");
            }
        }
    }

    /** A shift without observations or checkpoint visits (tracking only). */
    public ShiftData(Shift shift, List<StreetVisit> visits, List<PositionFix> fixes, List<ReportAlert> alerts) {
        this(shift, visits, fixes, alerts, List.of(), List.of());
    }
}
