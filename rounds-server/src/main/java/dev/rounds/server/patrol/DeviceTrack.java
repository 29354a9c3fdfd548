package dev.rounds.server.patrol;

import dev.rounds.matching.LiveMatcher;
import dev.rounds.matching.Ping;
import dev.rounds.network.Earth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One device during one shift: its pings in time order (to match again after late ones), the live
 * matcher fed with them, and how far the patroller has walked.
 */
final class DeviceTrack {
    final String deviceId;
    final long patrollerId;
    final long shiftId;
    final List<Ping> pings = new ArrayList<>();
    LiveMatcher matcher;
    Instant lastFix;
    double walkedMeters;
    /** Set when a silence decided the pending stretch; the next ping starts a fresh live match. */
    boolean idle;
    /** When the server last received a ping of this device (its own clock, not the fix time). */
    Instant lastArrival;
    /** Fix times of the last ping before each silence break, so that matching again breaks there too. */
    final List<Instant> breaks = new ArrayList<>();

    DeviceTrack(String deviceId, long patrollerId, long shiftId, LiveMatcher matcher) {
        this.deviceId = deviceId;
        this.patrollerId = patrollerId;
        this.shiftId = shiftId;
        this.matcher = matcher;
    }

    /** True when the ping is newer than every ping so far (it can go straight to the live matcher). */
    boolean inOrder(Ping ping) {
        return lastFix == null || ping.time().isAfter(lastFix);
    }

    /** Adds a ping; returns false for a second ping at a time already held. */
    boolean add(Ping ping) {
        if (inOrder(ping)) {
            pings.add(ping);
            lastFix = ping.time();
            return true;
        }
        for (Ping held : pings) {
            if (held.time().equals(ping.time())) {
                return false;
            }
        }
        pings.add(ping);
        pings.sort(Comparator.comparing(Ping::time));
        walkedMeters = walked();
        return true;
    }

    /** Distance between consecutive pings, over the whole track. */
    double walked() {
        double sum = 0;
        for (int i = 1; i < pings.size(); i++) {
            Ping a = pings.get(i - 1);
            Ping b = pings.get(i);
            sum += Earth.distanceMeters(a.lat(), a.lon(), b.lat(), b.lon());
        }
        return sum;
    }
}
