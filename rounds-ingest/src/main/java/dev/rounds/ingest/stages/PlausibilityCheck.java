package dev.rounds.ingest.stages;

import dev.rounds.ingest.Drop;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.Ping;
import dev.rounds.ingest.PingStage;
import dev.rounds.ingest.StageOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drops fixes no real patroller produces: bad coordinates, future times, poor accuracy, wild speed. */
public final class PlausibilityCheck implements PingStage {
    private final Clock clock;
    private final PlausibilityLimits limits;

    /** A check against the given clock and limits. */
    public PlausibilityCheck(Clock clock, PlausibilityLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "plausibility";
    }

    @Override
    public StageOutcome apply(List<Ping> pings) {
        Instant latestAllowed = clock.instant().plus(limits.maxFutureSkew());
        List<Ping> passed = new ArrayList<>(pings.size());
        List<Drop> dropped = new ArrayList<>();
        for (Ping ping : pings) {
            DropReason reason = problem(ping, latestAllowed);
            if (reason == null) {
                passed.add(ping);
            } else {
                dropped.add(new Drop(ping, reason));
            }
        }
        return new StageOutcome(passed, dropped);
    }

    private DropReason problem(Ping ping, Instant latestAllowed) {
        if (!validCoordinates(ping.latitude(), ping.longitude())) {
            return DropReason.INVALID_COORDINATES;
        }
        if (ping.fixTime().isAfter(latestAllowed)) {
            return DropReason.TIME_IN_FUTURE;
        }
        Double accuracy = ping.accuracyMeters();
        if (accuracy != null && (accuracy < 0 || accuracy > limits.maxAccuracyMeters())) {
            return DropReason.POOR_ACCURACY;
        }
        Double speed = ping.speedMetersPerSecond();
        if (speed != null && (speed < 0 || speed > limits.maxSpeedMetersPerSecond())) {
            return DropReason.IMPLAUSIBLE_SPEED;
        }
        return null;
    }

    /** In range, finite, and not exactly 0,0 (what broken GPS chips report before a fix). */
    private static boolean validCoordinates(double latitude, double longitude) {
        boolean inRange = latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;
        return inRange && !(latitude == 0 && longitude == 0);
    }
}
