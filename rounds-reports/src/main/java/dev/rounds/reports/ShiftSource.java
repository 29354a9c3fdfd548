package dev.rounds.reports;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Hands a report its shifts one at a time, so that a report over months never holds all visits and
 * fixes at once: a database source runs one query per shift (or a cursor), a test a list.
 */
@FunctionalInterface
public interface ShiftSource {
    /** Passes every shift that starts within [from, to), with its data, to {@code sink}, in any order. */
    void forEachShift(Instant from, Instant to, Consumer<ShiftData> sink);
}
