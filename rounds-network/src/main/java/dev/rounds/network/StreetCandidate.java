package dev.rounds.network;

/**
 * A street segment near a query point: the closest point of the edge's geometry to the query.
 *
 * @param edge           edge id
 * @param distanceMeters distance from the query point to the edge
 * @param offsetMeters   position of the closest point along the edge, from {@code edgeFrom}, in metres
 * @param lat            latitude of the closest point
 * @param lon            longitude of the closest point
 */
public record StreetCandidate(int edge, double distanceMeters, double offsetMeters, double lat, double lon) {
}
