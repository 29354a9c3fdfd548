package dev.rounds.reports;

import dev.rounds.coverage.AlertKind;
import java.time.Duration;
import java.util.Map;

/**
 * The alerts of a patroller, a beat or the whole report: how many of each kind, how many were
 * acknowledged, and the median and longest time to acknowledge.
 *
 * @param medianToAcknowledge zero when none was acknowledged
 */
public record AlertTally(int raised, int acknowledged, Map<AlertKind, Integer> byKind,
        Duration medianToAcknowledge, Duration longestToAcknowledge) {
    public AlertTally {
        byKind = Map.copyOf(byKind);
    }

    public int open() {
        return raised - acknowledged;
    }
}
