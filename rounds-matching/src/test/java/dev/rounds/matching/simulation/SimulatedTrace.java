package dev.rounds.matching.simulation;

import dev.rounds.matching.Ping;
import dev.rounds.network.LatLon;
import java.util.List;

/**
 * A simulated walk: the pings a phone would send and the truth they came from.
 *
 * @param pings       noisy pings with outliers, in time order, without accuracy
 * @param trueRoute   the walked route's geometry
 * @param trueEdges   the walked edges in order
 * @param outliers    how many pings are outliers
 */
public record SimulatedTrace(List<Ping> pings, List<LatLon> trueRoute, int[] trueEdges, int outliers) {
}
