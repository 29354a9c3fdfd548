package dev.rounds.server.guard;

import dev.rounds.server.web.ApiError;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.User;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The patroller's own shift, for what a patroller does from their phone (scans, observations,
 * SOS). An action may carry the time it was done ({@code at}) when the phone queued it while it
 * had no signal; it must lie in one of the patroller's shifts and not in the future.
 */
final class OnShift {
    /** How far a phone's clock may run ahead of the server's. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private OnShift() {
    }

    /** The patroller the user is; 403 for staff without a patroller. */
    static long patrollerOf(User user) {
        if (user.patrollerId() == null) {
            throw ApiError.forbidden("only a patroller does this from their phone: sign in as a user with role patroller");
        }
        return user.patrollerId();
    }

    /** When the action was done: {@code at} if given (ISO-8601), else now; refused in the future. */
    static Instant actionTime(String at, Instant now) {
        if (at == null || at.isBlank()) {
            return now;
        }
        Instant time;
        try {
            time = Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("bad_time", "'at' must be an ISO-8601 time such as 2026-11-29T08:15:00Z, got '"
                    + at + "'");
        }
        if (time.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiError.badRequest("future_time", "'at' " + time + " lies in the future (server time " + now
                    + "): check the phone's clock");
        }
        return time.isAfter(now) ? now : time;
    }

    /** The user's shift containing {@code time}; 409 {@code not_on_shift} when there is none. */
    static Shift shiftAt(RoundsStore store, User user, Instant time) {
        long patroller = patrollerOf(user);
        return store.shiftsOf(patroller).stream().filter(s -> s.contains(time)).findFirst()
                .orElseThrow(() -> new ApiError(409, "not_on_shift", "you have no shift at " + time
                        + ": a supervisor opens shifts on the dashboard's Shifts page", Map.of("at", time.toString())));
    }

    /** A position sent by the phone: both or neither, within range. */
    static void checkPosition(Double lat, Double lon) {
        if ((lat == null) != (lon == null)) {
            throw ApiError.badRequest("bad_position", "send both lat and lon, or neither");
        }
        if (lat != null && (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))) {
            throw ApiError.badRequest("bad_position", "lat must be in -90..90 and lon in -180..180, got " + lat + ", " + lon);
        }
    }
}
