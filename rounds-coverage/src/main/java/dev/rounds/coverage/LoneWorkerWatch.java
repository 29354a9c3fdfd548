package dev.rounds.coverage;

import dev.rounds.network.Earth;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lone-worker check: a patroller on shift who has not moved more than {@code radiusMeters} for
 * {@code askAfter} is asked on their phone to confirm they are fine; no answer within
 * {@code answerWithin} raises one top-priority {@link AlertKind#NO_ANSWER} alert.
 *
 * <p>Standing is followed like {@link AlertWatch}'s standing-still tracker: a fix beyond the radius
 * of the anchor moves the anchor. The time standing is measured up to the last fix (the evidence),
 * from the latest of the anchor's time, the shift's start and the last answer; a phone that stopped
 * sending is not asked (the no-positions alert covers it). Fixes older than the newest seen, and
 * fixes without a finite position, are ignored.
 *
 * <p>At most one check is open per patroller. Moving beyond the radius before {@code answerBy}
 * clears it (moving answers the question); from {@code answerBy} on it stays open until answered, so
 * the phone keeps asking while the alert stands. An answer clears it and restarts the timer. Time is
 * always passed in. Not thread-safe.
 */
public final class LoneWorkerWatch {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Duration askAfter;
    private final Duration answerWithin;
    private final double radiusMeters;
    private final PatrollerNames names;
    private final Map<String, Standing> patrollers = new TreeMap<>();

    /** One patroller's latest position, where they have stood since when, and their open check. */
    private static final class Standing {
        Instant lastFix;
        double lat;
        double lon;
        double anchorLat;
        double anchorLon;
        Instant stillSince;
        Instant answeredAt;
        WellbeingCheck open;
        Shift openShift;
        boolean raised;
    }

    /**
     * @param askAfter     how long standing within the radius before the check is asked, positive
     * @param answerWithin how long the patroller has to answer, positive
     * @param radiusMeters radius that counts as not moving, positive
     */
    public LoneWorkerWatch(Duration askAfter, Duration answerWithin, double radiusMeters) {
        this(askAfter, answerWithin, radiusMeters, PatrollerNames.IDS);
    }

    /** A check whose alert reasons name patrollers with {@code names}. */
    public LoneWorkerWatch(Duration askAfter, Duration answerWithin, double radiusMeters, PatrollerNames names) {
        if (askAfter == null || answerWithin == null || askAfter.isNegative() || askAfter.isZero()
                || answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("lone-worker askAfter and answerWithin must be positive durations, got "
                    + askAfter + " and " + answerWithin);
        }
        if (!(radiusMeters > 0) || Double.isInfinite(radiusMeters)) {
            throw new IllegalArgumentException("lone-worker standing radius must be a positive number of meters, got "
                    + radiusMeters);
        }
        this.askAfter = askAfter;
        this.answerWithin = answerWithin;
        this.radiusMeters = radiusMeters;
        this.names = names;
    }

    /** Takes a position to follow who stands still. */
    public void onFix(PositionFix fix) {
        if (!Double.isFinite(fix.lat()) || !Double.isFinite(fix.lon())) {
            return;
        }
        Standing standing = patrollers.computeIfAbsent(fix.patrollerId(), id -> new Standing());
        if (standing.lastFix != null && !fix.time().isAfter(standing.lastFix)) {
            return;
        }
        standing.lastFix = fix.time();
        standing.lat = fix.lat();
        standing.lon = fix.lon();
        if (standing.stillSince == null || Earth.distanceMeters(standing.anchorLat, standing.anchorLon, fix.lat(),
                fix.lon()) > radiusMeters) {
            standing.anchorLat = fix.lat();
            standing.anchorLon = fix.lon();
            standing.stillSince = fix.time();
            if (standing.open != null && !standing.raised && fix.time().isBefore(standing.open.answerBy())) {
                standing.open = null;
            }
        }
    }

    /**
     * Asks every patroller of a shift running at {@code now} who has stood still for
     * {@code askAfter} and has no open check; returns the checks newly asked, at {@code now}.
     */
    public List<WellbeingCheck> evaluate(Instant now, Collection<Shift> onShift) {
        List<WellbeingCheck> asked = new ArrayList<>();
        for (Shift shift : onShift) {
            Standing standing = patrollers.get(shift.patrollerId());
            if (!shift.covers(now) || standing == null || standing.open != null) {
                continue;
            }
            Instant since = latest(latest(standing.stillSince, shift.start()), standing.answeredAt);
            if (Duration.between(since, standing.lastFix).compareTo(askAfter) >= 0) {
                standing.open = new WellbeingCheck(shift.patrollerId(), now, now.plus(answerWithin));
                standing.openShift = shift;
                standing.raised = false;
                asked.add(standing.open);
            }
        }
        return asked;
    }

    /** One {@link AlertKind#NO_ANSWER} alert, raised at its {@code answerBy}, for each open check past it. */
    public List<Alert> unanswered(Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (Standing standing : patrollers.values()) {
            WellbeingCheck check = standing.open;
            if (check == null || standing.raised || now.isBefore(check.answerBy())) {
                continue;
            }
            standing.raised = true;
            Shift shift = standing.openShift;
            alerts.add(new Alert(AlertKind.NO_ANSWER, "no-answer:" + check.patrollerId() + ":" + check.askedAt(),
                    check.answerBy(), shift.shiftId(), check.patrollerId(), shift.beat(), -1, standing.lat,
                    standing.lon, names.of(check.patrollerId()) + " has not answered the lone-worker check asked at "
                            + HH_MM.format(check.askedAt()) + " (answer due by " + HH_MM.format(check.answerBy())
                            + "; within " + Math.round(radiusMeters) + " m since "
                            + HH_MM.format(standing.stillSince) + ")"));
        }
        return alerts;
    }

    /**
     * The patroller confirms they are fine; returns true when a check was open. The next check needs
     * another full {@code askAfter} of standing, counted from the later of the answer and the question.
     */
    public boolean answer(String patrollerId, Instant at) {
        Standing standing = patrollers.get(patrollerId);
        if (standing == null || standing.open == null) {
            return false;
        }
        standing.answeredAt = latest(at, standing.open.askedAt());
        standing.open = null;
        return true;
    }

    /** The patroller's open check, which their phone shows until answered. */
    public Optional<WellbeingCheck> pending(String patrollerId) {
        Standing standing = patrollers.get(patrollerId);
        return standing == null ? Optional.empty() : Optional.ofNullable(standing.open);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
