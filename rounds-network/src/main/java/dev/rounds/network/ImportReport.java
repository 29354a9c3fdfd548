package dev.rounds.network;

/**
 * What an import read, kept and left out.
 *
 * @param nodesRead            nodes in the file
 * @param waysRead             ways in the file
 * @param waysAccepted         ways the profile accepted
 * @param missingNodeRefs      references to nodes absent from the file (extract border)
 * @param waysCut              accepted ways cut where their nodes were missing
 * @param duplicatesMerged     segments dropped because another edge had the same node sequence
 * @param zeroLengthDropped    segments dropped because all their points coincide
 * @param components           connected parts before keeping the largest
 * @param leftOutEdges         edges outside the kept part
 * @param leftOutLengthMeters  their total length
 * @param oneWayLeftOutEdges   edges of the kept connected part left out because a car could not
 *                             drive there and back (one-way streets leading out of the extract or
 *                             into it, and what only they reach); 0 for profiles without one-way rules
 * @param oneWayLeftOutLengthMeters their total length
 */
public record ImportReport(
        long nodesRead,
        long waysRead,
        long waysAccepted,
        long missingNodeRefs,
        long waysCut,
        long duplicatesMerged,
        long zeroLengthDropped,
        int components,
        int leftOutEdges,
        double leftOutLengthMeters,
        int oneWayLeftOutEdges,
        double oneWayLeftOutLengthMeters) {
}
