package dev.rounds.reports;

import dev.rounds.coverage.PatrolArea;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.StreetNetwork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report is made from: the street network and the plan's beats (as a {@link PatrolArea} on
 * the same edge ids), the period [from, to), an optional beat or patroller to report on, the
 * source of the shifts with their visits, fixes, alerts, observations and checkpoint visits, and
 * the patrollers' names.
 *
 * @param beat           report on this beat only, or null for all
 * @param patrollerId    report on this patroller only, or null for all
 * @param patrollerNames each patroller's name by id, as the report shows it; a patroller without a
 *                       name is shown as "#id", two who share a name as "name (#id)"
 */
public record ReportInput(StreetNetwork network, PatrolArea area, Instant from, Instant to, Integer beat,
        String patrollerId, ShiftSource shifts, Map<String, String> patrollerNames) {

    public ReportInput {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(shifts, "shifts");
        patrollerNames = patrollerNames == null ? Map.of() : Map.copyOf(patrollerNames);
        if (network.edgeCount() != area.edgeCount()) {
            throw new IllegalArgumentException("the area has " + area.edgeCount() + " streets but the network "
                    + network.edgeCount() + ": build the area from the plan made on this network");
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("the report period must end after it starts, got " + from + " .. " + to);
        }
        if (beat != null && (beat < 0 || beat >= area.beatCount())) {
            throw new IllegalArgumentException("no beat " + beat + ": the plan has beats 0.." + (area.beatCount() - 1));
        }
    }

    /** An input without patroller names: the report shows each patroller as "#id". */
    public ReportInput(StreetNetwork network, PatrolArea area, Instant from, Instant to, Integer beat,
            String patrollerId, ShiftSource shifts) {
        this(network, area, from, to, beat, patrollerId, shifts, Map.of());
    }

    /** The same input reporting on one beat only. */
    public ReportInput forBeat(int onlyBeat) {
        return new ReportInput(network, area, from, to, onlyBeat, patrollerId, shifts, patrollerNames);
    }

    /** The same input reporting on one patroller only. */
    public ReportInput forPatroller(String onlyPatroller) {
        return new ReportInput(network, area, from, to, beat, onlyPatroller, shifts, patrollerNames);
    }

    /** The same input with these patroller names (id to name). */
    public ReportInput withPatrollerNames(Map<String, String> names) {
        return new ReportInput(network, area, from, to, beat, patrollerId, shifts, names);
    }

    /**
     * A source over lists already in memory (tests, small exports): each visit goes to the shift of
     * its patroller during which it ended, each fix to the shift of its patroller covering its time,
     * each alert to the shift named by its shift id. No observations or checkpoint visits.
     *
     * @param fixesByPatroller position fixes keyed by patroller id
     */
    public static ShiftSource listSource(List<Shift> shifts, List<StreetVisit> visits,
            Map<String, List<PositionFix>> fixesByPatroller, List<ReportAlert> alerts) {
        return listSource(shifts, visits, fixesByPatroller, alerts, Map.of(), Map.of());
    }

    /**
     * A source over lists already in memory, with observations and checkpoint visits, which go (as
     * fixes do) to the shift of their patroller covering their time.
     *
     * @param fixesByPatroller            position fixes keyed by patroller id
     * @param observationsByPatroller     observations keyed by the id of the patroller who made them
     * @param checkpointVisitsByPatroller checkpoint visits keyed by the id of the patroller who scanned
     */
    public static ShiftSource listSource(List<Shift> shifts, List<StreetVisit> visits,
            Map<String, List<PositionFix>> fixesByPatroller, List<ReportAlert> alerts,
            Map<String, List<ReportObservation>> observationsByPatroller,
            Map<String, List<ReportCheckpointVisit>> checkpointVisitsByPatroller) {
        List<Shift> ordered = new ArrayList<>(shifts);
        ordered.sort(Comparator.comparing(Shift::start).thenComparing(Shift::shiftId));
        return (from, to, sink) -> {
            for (Shift shift : ordered) {
                if (!shift.start().isBefore(from) && shift.start().isBefore(to)) {
                    sink.accept(dataOf(shift, visits, fixesByPatroller, alerts, observationsByPatroller,
                            checkpointVisitsByPatroller));
                }
            }
        };
    }

    private static ShiftData dataOf(Shift shift, List<StreetVisit> visits,
            Map<String, List<PositionFix>> fixesByPatroller, List<ReportAlert> alerts,
            Map<String, List<ReportObservation>> observationsByPatroller,
            Map<String, List<ReportCheckpointVisit>> checkpointVisitsByPatroller) {
        List<StreetVisit> own = visits.stream()
                .filter(v -> v.patrollerId().equals(shift.patrollerId()) && shift.covers(v.exit())).toList();
        List<PositionFix> fixes = fixesByPatroller.getOrDefault(shift.patrollerId(), List.of()).stream()
                .filter(f -> shift.covers(f.time())).toList();
        List<ReportAlert> raised = alerts.stream()
                .filter(a -> shift.shiftId().equals(a.alert().shiftId())).toList();
        List<ReportObservation> observations = observationsByPatroller.getOrDefault(shift.patrollerId(), List.of())
                .stream().filter(o -> shift.covers(o.time())).toList();
        List<ReportCheckpointVisit> scans = checkpointVisitsByPatroller.getOrDefault(shift.patrollerId(), List.of())
                .stream().filter(c -> shift.covers(c.time())).toList();
        return new ShiftData(shift, own, fixes, raised, observations, scans);
    }
}
