package dev.rounds.reports;

import dev.rounds.network.StreetNetwork;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A patrol report: the figures of the patrol's own work and of the streets over a period, per
 * patroller, per beat, per street, per hour of the shift and per day, with the alerts. It records
 * nothing about members of the public. The network is carried for the writers that draw the map.
 *
 * @param beat        the beat reported on, or null for all
 * @param patrollerId the patroller reported on, or null for all
 * @param total       all shifts of the report together
 * @param streets     streets in scope (all, the beat's, or those of the beats the patroller worked)
 *                    and any other street visited, in edge order
 * @param attribution the map data's attribution, or null when the network is not from OSM
 * @param checkpointVisits checkpoint visits by status, per beat of the checkpoints and patroller, in
 *                    beat and patroller order
 * @param observations the observations of the report's shifts, in time order
 * @param patrollerNames the name shown for each patroller id of the report (see {@link #patrollerName})
 */
public record PatrolReport(Instant from, Instant to, ZoneId zone, Integer beat, String patrollerId,
        StreetNetwork network, String attribution, ActivityFigures total, List<PatrollerFigures> patrollers,
        List<BeatFigures> beats, List<StreetFigures> streets,
        List<HourCoverage> coverageByHour, List<DayFigures> days, List<ReportAlert> alerts,
        List<CheckpointFigures> checkpointVisits, List<ShiftObservation> observations,
        Map<String, String> patrollerNames) {

    public PatrolReport {
        patrollers = List.copyOf(patrollers);
        beats = List.copyOf(beats);
        streets = List.copyOf(streets);
        coverageByHour = List.copyOf(coverageByHour);
        days = List.copyOf(days);
        alerts = List.copyOf(alerts);
        checkpointVisits = List.copyOf(checkpointVisits);
        observations = List.copyOf(observations);
        patrollerNames = Map.copyOf(patrollerNames);
    }

    /**
     * How the report names a patroller: the name the input gave, "name (#id)" when two patrollers of
     * the report share that name, "#id" without a name; null for null.
     */
    public String patrollerName(String id) {
        return id == null ? null : patrollerNames.getOrDefault(id, "#" + id);
    }

    /**
     * The names shown for these ids: the given name, with the id added where two of the ids share
     * it, or "#id" where there is none.
     */
    static Map<String, String> shownNames(java.util.Collection<String> ids, Map<String, String> names) {
        Map<String, Integer> uses = new java.util.HashMap<>();
        for (String id : ids) {
            String name = names.get(id);
            if (name != null && !name.isBlank()) {
                uses.merge(name.strip(), 1, Integer::sum);
            }
        }
        Map<String, String> shown = new java.util.HashMap<>();
        for (String id : ids) {
            String name = names.get(id);
            shown.put(id, name == null || name.isBlank() ? "#" + id
                    : uses.get(name.strip()) > 1 ? name.strip() + " (#" + id + ")" : name.strip());
        }
        return shown;
    }

    /** All checkpoint visits of the report by status. */
    public CheckpointTally checkpointTotal() {
        CheckpointTally total = CheckpointTally.NONE;
        for (CheckpointFigures figures : checkpointVisits) {
            total = total.plus(figures.visits());
        }
        return total;
    }

    /** The number of observations of each category, the most frequent first (ties by name). */
    public Map<String, Integer> observationsByCategory() {
        Map<String, Integer> counts = new TreeMap<>();
        for (ShiftObservation o : observations) {
            counts.merge(o.observation().category(), 1, Integer::sum);
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(ordered);
    }

    /** False when no shift started in the period (the writers then say so). */
    public boolean hasData() {
        return total.shifts() > 0;
    }

    /** Streets in scope that nobody visited in the period, in edge order. */
    public List<StreetFigures> neverVisited() {
        return streets.stream().filter(s -> s.neverVisited() && s.inScope()).toList();
    }

    /** The sentence a report over an empty period shows. */
    public String noDataMessage() {
        return "No patrol data: no shift started between " + from + " and " + to
                + (beat == null ? "" : " on beat " + beat) + (patrollerId == null ? "" : " for patroller " + patrollerName(patrollerId))
                + ".";
    }
}
