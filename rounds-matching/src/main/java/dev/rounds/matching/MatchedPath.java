package dev.rounds.matching;

import java.util.List;

/**
 * The answer of a {@link MapMatcher}: the street segments walked, in order, and the run's summary.
 *
 * @param traversals ordered by time; consecutive traversals of one part join end to start
 * @param summary    pings used and skipped, parts, matched length
 */
public record MatchedPath(List<Traversal> traversals, MatchSummary summary) {
    public MatchedPath {
        traversals = List.copyOf(traversals);
    }
}
