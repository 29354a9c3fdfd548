package dev.rounds.coverage;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One matched traversal of a street segment by a patroller: when they entered and left it and what
 * share of its length they walked (a turn-back halfway is 0.5).
 */
public record StreetVisit(String patrollerId, int edge, Instant entry, Instant exit, double share) {
    /** Time order used everywhere: by exit, then entry, then edge, then patroller. */
    public static final Comparator<StreetVisit> TIME_ORDER = Comparator.comparing(StreetVisit::exit)
            .thenComparing(StreetVisit::entry).thenComparingInt(StreetVisit::edge)
            .thenComparing(StreetVisit::patrollerId).thenComparingDouble(StreetVisit::share);

    public StreetVisit {
        Objects.requireNonNull(patrollerId, "patrollerId");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(exit, "exit");
        if (exit.isBefore(entry)) {
            throw new IllegalArgumentException("a visit cannot end (" + exit + ") before it starts (" + entry + ")");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share of the street walked must be within (0, 1], got " + share);
        }
        if (edge < 0) {
            throw new IllegalArgumentException("edge id must not be negative, got " + edge);
        }
    }
}
