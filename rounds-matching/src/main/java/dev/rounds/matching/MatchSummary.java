package dev.rounds.matching;

/**
 * The quality figures of one matching run.
 *
 * @param pingsTotal            pings given
 * @param pingsUsed             pings that contributed to the matched route (standing-still repeats included)
 * @param pingsFarFromStreets   pings skipped because no street lay within the search radius
 * @param pingsUnreachable      lone pings skipped because no plausible route led to them (outliers, jumps)
 * @param parts                 pieces the trace was broken into by gaps, jumps and unreachable stretches
 * @param matchedLengthMeters   total length of the traversals
 */
public record MatchSummary(int pingsTotal, int pingsUsed, int pingsFarFromStreets, int pingsUnreachable, int parts,
        double matchedLengthMeters) {

    public int pingsSkipped() {
        return pingsFarFromStreets + pingsUnreachable;
    }
}
