package dev.rounds.matching;

import dev.rounds.network.LocalProjection;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The streaming core shared by offline and live matching: pings go in one at a time; standing-still
 * pings are merged into anchors; anchors go through a Newson &amp; Krumm Viterbi trellis; decided
 * states are turned into walked routes by a {@link WalkBuilder}.
 *
 * <p>Offline matching decides every state at the end of a part (full Viterbi). Live matching also
 * decides the oldest undecided anchor whenever the window of undecided anchors grows past its lag
 * (fixed-lag Viterbi); the decided state is then fixed and the window's scores recomputed from the
 * stored transitions, so later decisions always continue the decided route.
 *
 * <p>A trace breaks into parts on a time gap longer than {@code maxGap}, or when two consecutive
 * anchors cannot be reached from the last good one (implausible speed or no route within the
 * search bound); a single such anchor is skipped as an outlier instead.
 */
final class MatchSession {
    /** Moving back less than this many sigmas along a street is GPS noise, not a turn. */
    private static final double TURN_BACK_SIGMAS = 2;
    private final SpatialIndex index;
    private final LocalProjection projection;
    private final MatchSettings settings;
    private final RouteSearch search;
    private final WalkBuilder walk;
    private final int maxPendingAnchors;
    private final long maxPendingMillis;
    private final RoutePieces pieces = new RoutePieces();
    private final int[] oneEdge = new int[1];
    private final List<Column> pending = new ArrayList<>();
    private PingCluster cluster;
    private Column committed;
    private Column failed;
    private int committedState;
    private long lastPingMillis = Long.MIN_VALUE;
    private int part = -1;
    private int pingsTotal;
    private int pingsUsed;
    private int pingsFar;
    private int pingsUnreachable;

    /**
     * @param maxPendingAnchors undecided anchors kept before the oldest is decided ({@code Integer.MAX_VALUE}: offline)
     * @param maxPendingMillis  time span of undecided pings kept before the oldest is decided
     */
    MatchSession(SpatialIndex index, MatchSettings settings, int maxPendingAnchors, long maxPendingMillis) {
        this.index = index;
        this.projection = index.projection();
        this.settings = settings;
        this.search = new RouteSearch(index.network());
        this.walk = new WalkBuilder(index.network(), TURN_BACK_SIGMAS * settings.sigmaMeters());
        this.maxPendingAnchors = maxPendingAnchors;
        this.maxPendingMillis = maxPendingMillis;
    }

    /** Feeds one ping; its time must not be before the previous ping's. */
    void push(Ping ping) {
        long millis = ping.time().toEpochMilli();
        if (millis < lastPingMillis) {
            throw new IllegalArgumentException("ping at " + ping.time() + " is earlier than the previous ping at "
                    + Instant.ofEpochMilli(lastPingMillis) + "; pings must come in time order");
        }
        lastPingMillis = millis;
        pingsTotal++;
        double x = projection.x(ping.lon());
        double y = projection.y(ping.lat());
        if (cluster != null && millis - cluster.lastMillis() <= settings.maxGap().toMillis() && cluster.holds(x, y, millis)) {
            cluster.add(x, y, millis);
            return;
        }
        closeCluster();
        double sigma = settings.sigmaFor(ping);
        cluster = new PingCluster(x, y, millis, sigma, settings.stillRadiusSigmas() * sigma,
                Math.round(1000 * sigma / settings.typicalSpeedMetersPerSecond()));
        decideLagging(millis);
    }

    /** Decides everything still open; call once after the last ping. */
    void finish() {
        closeCluster();
        dropFailed();
        endPart();
        walk.closePart();
    }

    List<Traversal> drainTraversals() {
        return walk.drain();
    }

    MatchSummary summary() {
        return new MatchSummary(pingsTotal, pingsUsed, pingsFar, pingsUnreachable, part + 1,
                walk.matchedLengthMeters());
    }

    private void closeCluster() {
        if (cluster != null) {
            Anchor anchor = cluster.toAnchor(projection);
            cluster = null;
            observe(anchor);
        }
    }

    private void observe(Anchor anchor) {
        List<StreetCandidate> candidates = index.within(anchor.lat(), anchor.lon(), radiusMeters(anchor));
        if (candidates.isEmpty()) {
            pingsFar += anchor.pingCount();
            return;
        }
        Column column = new Column(anchor, candidates, settings.maxCandidates());
        Column last = lastGood();
        if (last == null || anchor.firstMillis() - last.anchor.lastMillis() > settings.maxGap().toMillis()) {
            dropFailed();
            endPart();
            startPart(column);
        } else if (link(last, column)) {
            dropFailed();
            pending.add(column);
        } else if (failed == null) {
            failed = column;
        } else {
            Column first = failed;
            failed = null;
            endPart();
            startPart(first);
            observeAgain(column);
        }
    }

    private void observeAgain(Column column) {
        if (link(lastGood(), column)) {
            pending.add(column);
        } else {
            failed = column;
        }
    }

    private void dropFailed() {
        if (failed != null) {
            pingsUnreachable += failed.anchor.pingCount();
            failed = null;
        }
    }

    private Column lastGood() {
        return pending.isEmpty() ? committed : pending.get(pending.size() - 1);
    }

    private void startPart(Column column) {
        part++;
        walk.closePart();
        column.startPart();
        pending.add(column);
    }

    /** Computes the transitions from {@code from} to {@code to}; false when none is possible. */
    private boolean link(Column from, Column to) {
        Anchor a = from.anchor;
        Anchor b = to.anchor;
        double straight = Math.hypot(b.x() - a.x(), b.y() - a.y());
        double seconds = (b.firstMillis() - a.lastMillis()) / 1000.0;
        if (straight > settings.jumpSlackMeters() + settings.maxSpeedMetersPerSecond() * seconds) {
            return false;
        }
        double bound = boundMeters(straight, seconds, a, b);
        double expected = Math.min(straight, settings.maxSpeedMetersPerSecond() * seconds);
        double[] transition = new double[from.size * to.size];
        double beta = settings.betaMeters();
        for (int i = 0; i < from.size; i++) {
            if (from.score[i] == Double.NEGATIVE_INFINITY) {
                Arrays.fill(transition, i * to.size, (i + 1) * to.size, Double.NEGATIVE_INFINITY);
                continue;
            }
            search.search(from.edges[i], from.offsets[i], bound, to.edges, to.size);
            for (int j = 0; j < to.size; j++) {
                double route = search.distanceTo(to.edges[j], to.offsets[j]);
                transition[i * to.size + j] = route == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY
                        : -Math.abs(route - expected) / beta;
            }
        }
        to.prev = from;
        to.transition = transition;
        return to.forward();
    }

    /**
     * Longest route searched between two anchors: twice the straight line plus slack, and never more
     * than the top speed allows (plus the search radii at both ends), so an outlier cannot be
     * explained by a there-and-back detour that nobody could walk in the time.
     */
    private double boundMeters(double straightMeters, double seconds, Anchor a, Anchor b) {
        double byShape = 2 * straightMeters + settings.routeSlackMeters();
        double bySpeed = settings.maxSpeedMetersPerSecond() * seconds + radiusMeters(a) + radiusMeters(b);
        return Math.min(byShape, bySpeed);
    }

    private double radiusMeters(Anchor anchor) {
        return Math.max(settings.minSearchRadiusMeters(), settings.searchRadiusSigmas() * anchor.sigmaMeters());
    }

    /** Live mode: decides the oldest anchors while the undecided window is too long. */
    private void decideLagging(long nowMillis) {
        while (pending.size() > maxPendingAnchors
                || (!pending.isEmpty() && nowMillis - pending.get(0).anchor.firstMillis() > maxPendingMillis)) {
            decideOldest();
        }
    }

    private void decideOldest() {
        Column oldest = pending.get(0);
        int state = backtrack(pending.get(pending.size() - 1), oldest);
        commit(oldest, state);
        pending.remove(0);
        oldest.fix(state);
        for (Column column : pending) {
            column.forward();
        }
    }

    /** The state of {@code target} on the best path ending in {@code last}. */
    private static int backtrack(Column last, Column target) {
        int state = last.bestState();
        for (Column c = last; c != target; c = c.prev) {
            state = c.back[state];
        }
        return state;
    }

    /** Offline end of a part: decides every pending anchor along the best path. */
    private void endPart() {
        if (!pending.isEmpty()) {
            int n = pending.size();
            int[] states = new int[n];
            Column c = pending.get(n - 1);
            int state = c.bestState();
            for (int k = n - 1; k >= 0; k--) {
                states[k] = state;
                if (k > 0) {
                    state = pending.get(k).back[state];
                }
            }
            for (int k = 0; k < n; k++) {
                commit(pending.get(k), states[k]);
            }
            pending.clear();
        }
        committed = null;
    }

    private void commit(Column column, int state) {
        pingsUsed += column.anchor.pingCount();
        if (committed != null && column.prev == committed) {
            int from = committedState;
            pieces.clear();
            oneEdge[0] = column.edges[state];
            search.search(committed.edges[from], committed.offsets[from],
                    boundMeters(Math.hypot(column.anchor.x() - committed.anchor.x(),
                            column.anchor.y() - committed.anchor.y()),
                            (column.anchor.firstMillis() - committed.anchor.lastMillis()) / 1000.0,
                            committed.anchor, column.anchor), oneEdge, 1);
            if (search.routeTo(column.edges[state], column.offsets[state], pieces)) {
                walk.addRoute(part, pieces, committed.anchor.lastMillis(), column.anchor.firstMillis());
            } else {
                walk.closePart();
            }
        }
        committed = column;
        committedState = state;
        column.prev = null;
    }
}
