package dev.rounds.coverage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The alerts of the checkpoint rules, with their keys and reasons. Reasons name checkpoints, rounds
 * (window k is round k+1) and times of day in UTC as HH:mm; they carry nothing about the patroller.
 */
final class CheckpointAlerts {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CheckpointAlerts() {
    }

    static String missedKey(Shift shift, int window, Checkpoint checkpoint) {
        return "cp-missed:" + shift.shiftId() + ":" + window + ":" + checkpoint.id();
    }

    static String notStartedKey(Shift shift, int window) {
        return "round-not-started:" + shift.shiftId() + ":" + window;
    }

    /** Raised when the window's grace has run out. */
    static Alert missed(Shift shift, CheckpointTour tour, RoundWindows windows, int window, Checkpoint checkpoint) {
        Instant dueBy = windows.end(window);
        return new Alert(AlertKind.CHECKPOINT_MISSED, missedKey(shift, window, checkpoint), dueBy.plus(tour.grace()),
                shift.shiftId(), shift.patrollerId(), shift.beat(), -1, checkpoint.lat(), checkpoint.lon(),
                quoted(checkpoint) + " missed in round " + (window + 1) + " (due by " + clock(dueBy) + ", grace "
                        + tour.grace().toMinutes() + " min)");
    }

    /** Raised at the scan's time; minutes late are rounded up, so a scan at the deadline is 1 min late. */
    static Alert late(Shift shift, RoundWindows windows, CheckpointVisit visit, Checkpoint checkpoint) {
        Instant dueBy = windows.end(visit.window());
        Instant at = visit.scan().time();
        long minutesLate = Math.max(1, (Duration.between(dueBy, at).toSeconds() + 59) / 60);
        return new Alert(AlertKind.CHECKPOINT_LATE, "cp-late:" + shift.shiftId() + ":" + visit.window() + ":"
                + checkpoint.id(), at, shift.shiftId(), shift.patrollerId(), shift.beat(), -1, checkpoint.lat(),
                checkpoint.lon(), quoted(checkpoint) + " visited " + minutesLate + " min late in round "
                        + (visit.window() + 1) + " (due by " + clock(dueBy) + ", visited " + clock(at) + ")");
    }

    /** Raised at the scan's time, naming the checkpoints that should have come just before. */
    static Alert outOfOrder(Shift shift, CheckpointVisit visit, Checkpoint checkpoint, List<Checkpoint> skipped) {
        String before = skipped.stream().map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(" or "));
        return new Alert(AlertKind.CHECKPOINT_OUT_OF_ORDER, "cp-order:" + shift.shiftId() + ":" + visit.window() + ":"
                + checkpoint.id(), visit.scan().time(), shift.shiftId(), shift.patrollerId(), shift.beat(), -1,
                checkpoint.lat(), checkpoint.lon(), quoted(checkpoint) + " visited before " + before + " in round "
                        + (visit.window() + 1) + " (the tour of beat " + shift.beat() + " is walked in order)");
    }

    /** Raised when the start grace has run out; there is no place to show, so the position is NaN. */
    static Alert notStarted(Shift shift, CheckpointTour tour, RoundWindows windows, int window) {
        Instant opened = windows.start(window);
        Instant by = opened.plus(tour.startGrace());
        return new Alert(AlertKind.ROUND_NOT_STARTED, notStartedKey(shift, window), by, shift.shiftId(),
                shift.patrollerId(), shift.beat(), -1, Double.NaN, Double.NaN, "round " + (window + 1) + " of beat "
                        + shift.beat() + " not started by " + clock(by) + ": no checkpoint scanned and no street of"
                        + " the beat walked since " + clock(opened));
    }

    private static String quoted(Checkpoint checkpoint) {
        return "checkpoint \"" + checkpoint.name() + "\"";
    }

    private static String clock(Instant time) {
        return HH_MM.format(time);
    }
}
