package dev.rounds.matching;

import java.util.List;

/**
 * Matches one device's pings as they arrive (fixed-lag Viterbi): each call returns the traversals
 * that became final. A traversal is final once its anchors are decided and the walker has left it,
 * so the walked street is reported at most the configured lag after the walker leaves it.
 * Not thread-safe: one instance per device, fed in time order.
 */
public final class LiveMatcher {
    private final MatchSession session;
    private boolean finished;

    LiveMatcher(MatchSession session) {
        this.session = session;
    }

    /**
     * Feeds the next ping of the device.
     *
     * @throws IllegalArgumentException when the ping is earlier than the previous one
     * @throws IllegalStateException    after {@link #finish}
     */
    public List<Traversal> accept(Ping ping) {
        if (finished) {
            throw new IllegalStateException("this live match was finished; start a new one");
        }
        session.push(ping);
        return session.drainTraversals();
    }

    /** Decides everything still open (the device went offline) and returns the last traversals. */
    public List<Traversal> finish() {
        if (!finished) {
            finished = true;
            session.finish();
        }
        return session.drainTraversals();
    }

    /** Figures so far (matched length counts only traversals already handed out). */
    public MatchSummary summary() {
        return session.summary();
    }
}
