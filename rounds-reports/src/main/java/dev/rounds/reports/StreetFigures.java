package dev.rounds.reports;

import java.time.Duration;

/**
 * Patrol effort on one street segment over the period, in the manner of SMART's patrol-effort grid
 * but per street: how often it was visited, how long patrollers spent on it and how far they walked
 * on it; and the longest it went unvisited during shifts on its beat.
 *
 * @param edge         edge id in the network
 * @param longestGap   null when no shift of the period was on the street's beat
 * @param inScope      true for a street the report covers (all, the beat's, or the patroller's beats'); false
 *                     for a street outside it that was visited on a detour
 */
public record StreetFigures(int edge, String name, int beat, double lengthMeters, int visits, Duration timeSpent,
        double metersWalked, Duration longestGap, boolean inScope) {

    public boolean neverVisited() {
        return visits == 0;
    }
}
