package dev.rounds.coverage;

import dev.rounds.network.Earth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Raises alerts from positions, street visits and the ledger's round progress: SOS at once; and,
 * when {@link #evaluate} is called with the current time, no positions, standing still, off beat,
 * round overdue and streets unvisited longer than their revisit interval times a factor. Each
 * condition is raised once (its key); a condition that clears and returns is a new alert.
 *
 * <p>Time is always passed in, never read from a clock, so the rules are tested with fixed times.
 * Positions and visits arriving late (older than the newest seen) do not move the standing-still
 * or off-beat trackers backwards; they count for coverage through the ledger.
 */
public final class AlertWatch {
    private final CoverageLedger ledger;
    private final CoverageConfig config;
    private final Map<String, Track> tracks = new HashMap<>();
    private final Set<String> raised = new HashSet<>();
    private final PatrollerNames names;

    public AlertWatch(CoverageLedger ledger) {
        this(ledger, PatrollerNames.IDS);
    }

    /** Rules whose reasons name patrollers with {@code names}. */
    public AlertWatch(CoverageLedger ledger, PatrollerNames names) {
        this.ledger = ledger;
        this.config = ledger.config();
        this.names = names;
    }

    /** What is known of one patroller's recent movement. */
    private static final class Track {
        Instant lastFix;
        Instant lastHeard;
        double lat = Double.NaN;
        double lon = Double.NaN;
        double anchorLat = Double.NaN;
        double anchorLon = Double.NaN;
        Instant stillSince;
        Instant offBeatSince;
        Instant lastVisitExit;
    }

    /** What a patroller is doing, as the live map shows it. */
    public enum PatrollerStatus {
        ON_ROUND("on round"), STANDING("standing"), OFF_BEAT("off beat"), NO_SIGNAL("no signal");

        private final String label;

        PatrollerStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The patroller's status at {@code now}: no signal, off beat, standing (for half the alert time) or on round. */
    public PatrollerStatus status(String patrollerId, Instant now) {
        Track track = tracks.get(patrollerId);
        if (track == null || track.lastFix == null
                || Duration.between(track.lastFix, now).compareTo(config.noPositions()) > 0) {
            return PatrollerStatus.NO_SIGNAL;
        }
        if (track.offBeatSince != null) {
            return PatrollerStatus.OFF_BEAT;
        }
        if (track.stillSince != null
                && Duration.between(track.stillSince, track.lastFix).compareTo(config.standingStill().dividedBy(2)) >= 0) {
            return PatrollerStatus.STANDING;
        }
        return PatrollerStatus.ON_ROUND;
    }

    /** Marks conditions as already raised (their keys), e.g. those stored before a restart. */
    public void alreadyRaised(java.util.Collection<String> keys) {
        raised.addAll(keys);
    }

    /**
     * The patroller's phone was heard at {@code at} (server time), whatever the fix times it sent:
     * a phone uploading an hour of buffered positions is not silent, so no "no positions" alert.
     */
    public void heard(String patrollerId, Instant at) {
        Track track = tracks.computeIfAbsent(patrollerId, id -> new Track());
        if (track.lastHeard == null || at.isAfter(track.lastHeard)) {
            track.lastHeard = at;
        }
    }

    /** Takes a position; returns the SOS alert it raises, if any. */
    public List<Alert> onFix(PositionFix fix) {
        Track track = tracks.computeIfAbsent(fix.patrollerId(), id -> new Track());
        if (track.lastFix == null || fix.time().isAfter(track.lastFix)) {
            track.lastFix = fix.time();
            track.lat = fix.lat();
            track.lon = fix.lon();
            moveAnchor(track, fix);
        }
        if (!fix.sos()) {
            return List.of();
        }
        Shift shift = ledger.shiftsAt(fix.time()).stream()
                .filter(s -> s.patrollerId().equals(fix.patrollerId())).findFirst().orElse(null);
        Alert alert = new Alert(AlertKind.SOS, "sos:" + fix.patrollerId() + ":" + fix.time(), fix.time(),
                shift == null ? null : shift.shiftId(), fix.patrollerId(), shift == null ? -1 : shift.beat(), -1,
                fix.lat(), fix.lon(), "SOS from " + names.of(fix.patrollerId()));
        return raise(alert) ? List.of(alert) : List.of();
    }

    private void moveAnchor(Track track, PositionFix fix) {
        if (track.stillSince == null || Earth.distanceMeters(track.anchorLat, track.anchorLon, fix.lat(), fix.lon())
                > config.standingRadiusMeters()) {
            track.anchorLat = fix.lat();
            track.anchorLon = fix.lon();
            track.stillSince = fix.time();
        }
    }

    /** Takes a matched street visit (also record it in the ledger) to follow who walks off their beat. */
    public void onVisit(StreetVisit visit) {
        Track track = tracks.computeIfAbsent(visit.patrollerId(), id -> new Track());
        if (track.lastVisitExit != null && visit.exit().isBefore(track.lastVisitExit)) {
            return;
        }
        track.lastVisitExit = visit.exit();
        Shift shift = ledger.shiftsAt(visit.exit()).stream()
                .filter(s -> s.patrollerId().equals(visit.patrollerId())).findFirst().orElse(null);
        if (shift == null) {
            return;
        }
        boolean onBeat = ledger.area().edgeBeat(visit.edge()) == shift.beat();
        if (onBeat) {
            track.offBeatSince = null;
        } else if (track.offBeatSince == null) {
            track.offBeatSince = visit.entry();
        }
    }

    /** Checks every shift running at {@code now}; returns the alerts newly raised. */
    public List<Alert> evaluate(Instant now) {
        List<Alert> fresh = new ArrayList<>();
        for (Shift shift : ledger.shiftsAt(now)) {
            Track track = tracks.computeIfAbsent(shift.patrollerId(), id -> new Track());
            checkSilence(shift, track, now, fresh);
            checkStandingStill(shift, track, fresh);
            checkOffBeat(shift, track, now, fresh);
            checkRoundOverdue(shift, track, now, fresh);
            checkUnvisitedStreets(shift, now, fresh);
        }
        return fresh;
    }

    private void checkSilence(Shift shift, Track track, Instant now, List<Alert> fresh) {
        Instant last = track.lastHeard != null && (track.lastFix == null || track.lastHeard.isAfter(track.lastFix))
                ? track.lastHeard : track.lastFix;
        Instant since = last == null || last.isBefore(shift.start()) ? shift.start() : last;
        Duration silent = Duration.between(since, now);
        if (silent.compareTo(config.noPositions()) > 0) {
            add(fresh, patrollerAlert(AlertKind.NO_POSITIONS, "silent:" + shift.shiftId() + ":" + since, now, shift,
                    track, "no positions from " + names.of(shift.patrollerId()) + " for " + minutes(silent)));
        }
    }

    private void checkStandingStill(Shift shift, Track track, List<Alert> fresh) {
        if (track.stillSince == null || track.lastFix == null || !shift.covers(track.lastFix)) {
            return;
        }
        Instant since = track.stillSince.isBefore(shift.start()) ? shift.start() : track.stillSince;
        Duration still = Duration.between(since, track.lastFix);
        if (still.compareTo(config.standingStill()) >= 0) {
            add(fresh, patrollerAlert(AlertKind.STANDING_STILL, "still:" + shift.shiftId() + ":" + since,
                    track.lastFix, shift, track, names.of(shift.patrollerId()) + " has not moved more than "
                            + Math.round(config.standingRadiusMeters()) + " m for " + minutes(still)));
        }
    }

    private void checkOffBeat(Shift shift, Track track, Instant now, List<Alert> fresh) {
        if (track.offBeatSince == null) {
            return;
        }
        Duration off = Duration.between(track.offBeatSince, now);
        if (off.compareTo(config.offBeat()) > 0) {
            add(fresh, patrollerAlert(AlertKind.OFF_BEAT, "offbeat:" + shift.shiftId() + ":" + track.offBeatSince,
                    now, shift, track, names.of(shift.patrollerId()) + " has been off beat " + shift.beat() + " for "
                            + minutes(off)));
        }
    }

    private void checkRoundOverdue(Shift shift, Track track, Instant now, List<Alert> fresh) {
        RoundProgress progress = ledger.progress(shift.shiftId());
        Duration planned = ledger.area().beat(shift.beat()).roundDuration();
        Duration running = Duration.between(progress.currentRoundStart(), now);
        if (running.toMillis() > planned.toMillis() * config.roundOverdueFactor()) {
            add(fresh, patrollerAlert(AlertKind.ROUND_OVERDUE, "overdue:" + shift.shiftId() + ":"
                    + progress.currentRoundStart(), now, shift, track, String.format(Locale.ROOT,
                    "round %d of beat %d has run %s, planned %s; %.0f%% covered", progress.roundsCompleted() + 1,
                    shift.beat(), minutes(running), minutes(planned), 100 * progress.coveredShare())));
        }
    }

    private void checkUnvisitedStreets(Shift shift, Instant now, List<Alert> fresh) {
        Duration interval = ledger.area().beat(shift.beat()).roundDuration();
        long limitMillis = (long) (interval.toMillis() * config.unvisitedFactor());
        for (int edge : ledger.area().beatEdges(shift.beat())) {
            Instant last = ledger.lastVisit(edge).orElse(null);
            Instant since = last == null || last.isBefore(shift.start()) ? shift.start() : last;
            Duration unvisited = Duration.between(since, now);
            if (unvisited.toMillis() > limitMillis) {
                add(fresh, new Alert(AlertKind.STREET_UNVISITED, "unvisited:" + edge + ":" + since, now,
                        shift.shiftId(), shift.patrollerId(), shift.beat(), edge, Double.NaN, Double.NaN,
                        "street " + edge + " of beat " + shift.beat() + " unvisited for " + minutes(unvisited)
                                + " (revisit interval " + minutes(interval) + ")"));
            }
        }
    }

    private Alert patrollerAlert(AlertKind kind, String key, Instant at, Shift shift, Track track, String reason) {
        return new Alert(kind, key, at, shift.shiftId(), shift.patrollerId(), shift.beat(), -1, track.lat, track.lon,
                reason);
    }

    private void add(List<Alert> fresh, Alert alert) {
        if (raise(alert)) {
            fresh.add(alert);
        }
    }

    private boolean raise(Alert alert) {
        return raised.add(alert.key());
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }
}
