package dev.rounds.server.reports;

import dev.rounds.coverage.Alert;
import dev.rounds.coverage.AlertKind;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.ingest.Alarm;
import dev.rounds.reports.ReportAlert;
import dev.rounds.reports.ReportCheckpointVisit;
import dev.rounds.reports.ReportObservation;
import dev.rounds.reports.ShiftData;
import dev.rounds.reports.ShiftSource;
import dev.rounds.storage.CheckpointVisit;
import dev.rounds.storage.Observation;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.StoredCheckpoint;
import dev.rounds.storage.StoredPing;
import dev.rounds.storage.StoredTraversal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shifts of a period as stored: each shift's matched street traversals become visits, its
 * pings position fixes and its alerts (with their acknowledgement) report alerts, one shift at a
 * time so that a long report never holds everything at once. Shifts on beats the plan does not
 * have are left out. Patrollers are named by their stored id ({@link #patrollerNames} gives their
 * names for the report).
 */
public final class StoredShifts implements ShiftSource {
    private static final int MAX_PINGS_PER_SHIFT = 2_000_000;
    private final RoundsStore store;
    private final int beatCount;
    private final int edgeCount;

    public StoredShifts(RoundsStore store, int beatCount, int edgeCount) {
        this.store = store;
        this.beatCount = beatCount;
        this.edgeCount = edgeCount;
    }

    /** Each stored patroller's name, keyed by the id the shifts of this source carry. */
    public Map<String, String> patrollerNames() {
        Map<String, String> names = new HashMap<>();
        for (dev.rounds.storage.Patroller patroller : store.patrollers()) {
            names.put(Long.toString(patroller.id()), patroller.name());
        }
        return names;
    }

    @Override
    public void forEachShift(Instant from, Instant to, Consumer<ShiftData> sink) {
        for (Shift shift : store.shifts()) {
            int beat = beat(shift.beat());
            if (shift.startsAt().isBefore(from) || !shift.startsAt().isBefore(to) || beat < 0) {
                continue;
            }
            Instant end = shift.endsAt() == null ? shift.startsAt().plus(Duration.ofDays(1)) : shift.endsAt();
            String patroller = Long.toString(shift.patrollerId());
            dev.rounds.coverage.Shift covered = new dev.rounds.coverage.Shift(Long.toString(shift.id()), patroller, beat,
                    shift.startsAt(), end);
            sink.accept(new ShiftData(covered, visits(shift, patroller), fixes(shift, patroller),
                    alerts(shift, beat, end), observations(shift, end), checkpointVisits(shift)));
        }
    }

    private int beat(String text) {
        try {
            int beat = Integer.parseInt(text.trim());
            return beat < beatCount ? beat : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<StreetVisit> visits(Shift shift, String patroller) {
        List<StreetVisit> visits = new ArrayList<>();
        for (StoredTraversal t : store.traversalsOfShift(shift.id())) {
            if (t.streetId() < edgeCount && t.coveredShare() > 0 && !t.leftAt().isBefore(t.enteredAt())) {
                visits.add(new StreetVisit(patroller, (int) t.streetId(), t.enteredAt(), t.leftAt(),
                        Math.min(1, t.coveredShare())));
            }
        }
        return visits;
    }

    private List<PositionFix> fixes(Shift shift, String patroller) {
        List<PositionFix> fixes = new ArrayList<>();
        for (StoredPing stored : store.pingsOfShift(shift.id(), MAX_PINGS_PER_SHIFT)) {
            fixes.add(new PositionFix(patroller, stored.ping().fixTime(), stored.ping().latitude(),
                    stored.ping().longitude(), stored.ping().alarm() == Alarm.SOS));
        }
        return fixes;
    }

    private List<ReportObservation> observations(Shift shift, Instant end) {
        List<ReportObservation> observations = new ArrayList<>();
        for (Observation o : store.guardTour().observationsBetween(shift.startsAt(), end)) {
            if (o.shiftId() == shift.id()) {
                observations.add(new ReportObservation(o.observedAt(), o.category(), o.note(),
                        o.lat() == null ? Double.NaN : o.lat(), o.lon() == null ? Double.NaN : o.lon(), o.hasPhoto()));
            }
        }
        observations.sort(java.util.Comparator.comparing(ReportObservation::time));
        return observations;
    }

    /** Visits judged on time, late or out of order; scans that counted for no round are left out. */
    private List<ReportCheckpointVisit> checkpointVisits(Shift shift) {
        List<ReportCheckpointVisit> visits = new ArrayList<>();
        for (CheckpointVisit visit : store.guardTour().visitsOfShift(shift.id())) {
            if (visit.status().equals("not_due")) {
                continue;
            }
            StoredCheckpoint checkpoint = store.guardTour().checkpoint(visit.checkpointId()).orElse(null);
            int beat = checkpoint == null ? -1 : beat(checkpoint.beat());
            if (beat >= 0) {
                visits.add(new ReportCheckpointVisit(visit.visitedAt(), checkpoint.name(), beat, visit.status()));
            }
        }
        return visits;
    }

    private List<ReportAlert> alerts(Shift shift, int beat, Instant end) {
        List<ReportAlert> alerts = new ArrayList<>();
        for (dev.rounds.storage.Alert a : store.alertsBetween(shift.startsAt(), end)) {
            if (a.shiftId() == null || a.shiftId() != shift.id()) {
                continue;
            }
            AlertKind kind;
            try {
                kind = AlertKind.valueOf(a.kind().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                continue;
            }
            Alert alert = new Alert(kind, a.key() == null ? "stored:" + a.id() : a.key(), a.raisedAt(),
                    Long.toString(shift.id()), Long.toString(shift.patrollerId()), beat,
                    a.streetId() == null ? -1 : a.streetId().intValue(), a.latitude() == null ? Double.NaN : a.latitude(),
                    a.longitude() == null ? Double.NaN : a.longitude(), a.reason());
            alerts.add(new ReportAlert(alert, a.acknowledgedAt(), a.comment()));
        }
        return alerts;
    }
}
