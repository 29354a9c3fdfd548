package dev.rounds.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live matching: bounded delay, same answer as offline on a clear walk, and its preconditions. */
class LiveMatcherTest {

    /**
     * A walk around three sides of a block and back, pinged every 10 s.
     * <pre>
     *   1 --- North --- 2
     *   |               |
     *  West           East
     *   |               |
     *   4 --- South --- 3
     * </pre>
     */
    private static Sketch block() {
        return new Sketch().node(1, 0, 200).node(2, 200, 200).node(3, 200, 0).node(4, 0, 0)
                .street("North", 1, 2).street("East", 2, 3).street("South", 3, 4).street("West", 4, 1);
    }

    private static List<Ping> walk() {
        return new Sketch.Walk(Duration.ofSeconds(10), 11, 3, 0, 200)
                .to(200, 200, 14).to(200, 0, 14).to(0, 0, 14).to(0, 100, 14).pings;
    }

    @Test
    void liveAgreesWithOfflineOnAClearWalk() {
        Sketch sketch = block();
        MapMatcher matcher = sketch.matcher();
        List<Traversal> live = new ArrayList<>();
        LiveMatcher session = matcher.live(5, Duration.ofSeconds(60));
        for (Ping ping : walk()) {
            live.addAll(session.accept(ping));
        }
        live.addAll(session.finish());
        assertThat(live).isEqualTo(matcher.match(walk()).traversals());
        assertThat(session.summary().pingsUsed()).isEqualTo(walk().size());
    }

    @Test
    void traversalsAreHandedOutWithinTheLagAfterTheWalkerLeftThem() {
        Sketch sketch = block();
        LiveMatcher session = sketch.matcher().live(3, Duration.ofSeconds(45));
        List<Ping> pings = walk();
        int emitted = 0;
        for (Ping ping : pings) {
            for (Traversal t : session.accept(ping)) {
                emitted++;
                assertThat(Duration.between(t.exitTime(), ping.time()))
                        .as("%s handed out at %s", sketch.name(t), ping.time())
                        .isLessThanOrEqualTo(Duration.ofSeconds(60));
            }
        }
        assertThat(emitted).as("North, East and South are final before the walk ends").isEqualTo(3);
        assertThat(session.finish()).extracting(sketch::name).containsExactly("West");
    }

    @Test
    void pingsMustComeInTimeOrderAndNotAfterFinish() {
        LiveMatcher session = block().matcher().live(5, Duration.ofSeconds(60));
        Instant t = Instant.parse("2026-01-01T08:00:00Z");
        session.accept(Ping.of(Sketch.lat(200), Sketch.lon(0), t));
        assertThatThrownBy(() -> session.accept(Ping.of(Sketch.lat(200), Sketch.lon(10), t.minusSeconds(5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlier than the previous ping");
        session.finish();
        assertThatThrownBy(() -> session.accept(Ping.of(Sketch.lat(200), Sketch.lon(20), t.plusSeconds(5))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lagMustBePositive() {
        assertThatThrownBy(() -> block().matcher().live(0, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAnchorsBehind");
    }
}
