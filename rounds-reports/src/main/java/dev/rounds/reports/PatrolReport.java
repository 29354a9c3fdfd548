package dev.rounds.reports;

import dev.rounds.network.StreetNetwork;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

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
 */
public record PatrolReport(Instant from, Instant to, ZoneId zone, Integer beat, String patrollerId,
        StreetNetwork network, String attribution, ActivityFigures total, List<PatrollerFigures> patrollers,
        List<BeatFigures> beats, List<StreetFigures> streets,
        List<HourCoverage> coverageByHour, List<DayFigures> days, List<ReportAlert> alerts) {

    public PatrolReport {
        patrollers = List.copyOf(patrollers);
        beats = List.copyOf(beats);
        streets = List.copyOf(streets);
        coverageByHour = List.copyOf(coverageByHour);
        days = List.copyOf(days);
        alerts = List.copyOf(alerts);
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
                + (beat == null ? "" : " on beat " + beat) + (patrollerId == null ? "" : " for patroller " + patrollerId)
                + ".";
    }
}
