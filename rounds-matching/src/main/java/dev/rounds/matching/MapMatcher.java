package dev.rounds.matching;

import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Matches GPS traces of walkers (or cars) to the street segments they followed, offline (a whole
 * trace) or live ({@link #live}: ping by ping with a bounded delay).
 *
 * <p>The idea is the hidden Markov model of Newson &amp; Krumm, "Hidden Markov Map Matching Through
 * Noise and Sparseness" (ACM SIGSPATIAL 2009): the hidden states of a ping are the nearest points on
 * nearby edges; the emission log-probability is {@code -0.5 (d / sigma)^2} for the distance {@code d}
 * from the ping (sigma: the ping's accuracy, else {@link MatchSettings#sigmaMeters}); the transition
 * log-probability between states of consecutive pings is {@code -|route - straight| / beta}, where
 * {@code route} is the shortest walk between the two points on the network and {@code straight} the
 * distance between the pings; Viterbi finds the most likely sequence. Route distances come from a
 * bounded one-to-many Dijkstra per state (see {@code RouteSearch} for why not FMM's precomputed
 * table).
 *
 * <p>Adapted to walkers: pings within {@code stillRadiusSigmas} of the current cluster's centre are
 * merged (standing still yields no movement, and a cluster is a single HMM step, as GraphHopper also
 * thins pings closer than 2 sigma); a ping with no street within the search radius is skipped; a
 * single ping that no plausible route reaches is skipped as an outlier, two in a row start a new
 * part, and so does a time gap over {@code maxGap}: no route is invented across a gap or a jump.
 * Turning back in mid-street is a route along the same edge, reported as two traversals with their
 * shares.
 *
 * <p>Preconditions: pings are in time order (equal times allowed); the trace is not empty.
 * Complexity: O(n k (s log s + k)) for n pings, k candidates per ping and s nodes within a search's
 * bound. Thread-safe: each call uses its own search state.
 */
public final class MapMatcher {
    private final SpatialIndex index;
    private final MatchSettings settings;

    public MapMatcher(SpatialIndex index, MatchSettings settings) {
        this.index = Objects.requireNonNull(index, "index");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public StreetNetwork network() {
        return index.network();
    }

    public MatchSettings settings() {
        return settings;
    }

    /**
     * Matches a whole trace.
     *
     * @throws IllegalArgumentException when the trace is empty or its times go backwards (the message
     *                                  names the first offending ping)
     */
    public MatchedPath match(List<Ping> trace) {
        if (trace.isEmpty()) {
            throw new IllegalArgumentException("the trace is empty: at least one ping is needed");
        }
        for (int i = 1; i < trace.size(); i++) {
            if (trace.get(i).time().isBefore(trace.get(i - 1).time())) {
                throw new IllegalArgumentException("time goes backwards at ping " + (i + 1) + ": "
                        + trace.get(i).time() + " is before " + trace.get(i - 1).time()
                        + " of ping " + i + "; sort the trace by time");
            }
        }
        MatchSession session = new MatchSession(index, settings, Integer.MAX_VALUE, Long.MAX_VALUE);
        for (Ping ping : trace) {
            session.push(ping);
        }
        session.finish();
        return new MatchedPath(new ArrayList<>(session.drainTraversals()), session.summary());
    }

    /**
     * A live matcher for one device (fixed-lag Viterbi). An anchor is decided once
     * {@code maxAnchorsBehind} newer anchors exist or its first ping is {@code maxDelay} older than
     * the newest ping, whichever comes first. An anchor is one ping, or several merged ones: pings of
     * a walker standing still, or pings closer in time than sigma / typical speed; so with dense,
     * noisy pings an anchor count covers more pings than it says.
     */
    public LiveMatcher live(int maxAnchorsBehind, Duration maxDelay) {
        if (maxAnchorsBehind < 1) {
            throw new IllegalArgumentException("maxAnchorsBehind must be at least 1, got " + maxAnchorsBehind);
        }
        if (maxDelay.isNegative()) {
            throw new IllegalArgumentException("maxDelay must not be negative, got " + maxDelay);
        }
        return new LiveMatcher(new MatchSession(index, settings, maxAnchorsBehind, maxDelay.toMillis()));
    }
}
