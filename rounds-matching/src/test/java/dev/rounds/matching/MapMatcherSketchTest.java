package dev.rounds.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walker situations of issue 4 on hand-drawn networks; every sketch is in metres. */
class MapMatcherSketchTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    /**
     * Two parallel streets 30 m apart, joined at both ends.
     * <pre>
     *   y=30  1 ---------- North ---------- 2
     *         |                             |
     *   y=0   3 ---------- South ---------- 4
     *        x=0                          x=300
     * </pre>
     * The walker follows South; every other ping is 17 m north of it, nearer to North (13 m).
     */
    @Test
    void noisyPingsNearAParallelStreetStayOnTheWalkedStreet() {
        Sketch sketch = new Sketch().node(1, 0, 30).node(2, 300, 30).node(3, 0, 0).node(4, 300, 0)
                .street("North", 1, 2).street("South", 3, 4).street("West", 1, 3).street("East", 2, 4);
        Sketch.Walk walk = new Sketch.Walk(TEN_SECONDS, 1, 0, 10, 4);
        for (int i = 1; i <= 13; i++) {
            walk.pingAt(10 + 20 * i, i % 2 == 0 ? 17 : 6);
        }
        MatchedPath path = sketch.matcher().match(walk.pings);

        assertThat(PathChecks.lengthOnStreet(sketch.network(), path.traversals(), "North")).isZero();
        assertThat(PathChecks.lengthOnStreet(sketch.network(), path.traversals(), "South")).isCloseTo(260, within(25.0));
        assertThat(path.summary().parts()).isEqualTo(1);
        PathChecks.assertContinuous(sketch.network(), path.traversals());
    }

    /**
     * One street with a side street at its far end; the walker goes 120 m in, turns, and comes back.
     * The phone reports 3 m accuracy: a turn-back point is resolved to within the still radius (2 sigma).
     * <pre>
     *   1 ------------ Main ------------ 2 --- Side --- 3
     *  x=0        walker turns at x=120  x=200         x=300
     * </pre>
     */
    @Test
    void turningBackInMidStreetGivesTwoPartialTraversals() {
        Sketch sketch = new Sketch().node(1, 0, 0).node(2, 200, 0).node(3, 300, 0)
                .street("Main", 1, 2).street("Side", 2, 3);
        Sketch.Walk walk = new Sketch.Walk(TEN_SECONDS, 2, 2, 0, 0).accuracy(3).to(120, 0, 14).to(0, 0, 14);
        MatchedPath path = sketch.matcher().match(walk.pings);

        List<Traversal> t = path.traversals();
        assertThat(t).hasSize(2);
        assertThat(t).allSatisfy(x -> assertThat(sketch.name(x)).isEqualTo("Main"));
        assertThat(t.get(0).direction()).isNotEqualTo(t.get(1).direction());
        assertThat(t.get(0).share()).isCloseTo(0.6, within(0.12));
        assertThat(t.get(1).share()).isCloseTo(0.6, within(0.12));
        assertThat(PathChecks.lengthOnStreet(sketch.network(), t, "Side")).isZero();
        PathChecks.assertContinuous(sketch.network(), t);
    }

    /**
     * A block with a stub street at each corner (so corners are junctions); the walker goes once
     * around it clockwise from the middle of North and back to where it started.
     * <pre>
     *        5         6
     *        |         |
     *        1--North--2
     *        |         |
     *      West      East
     *        |         |
     *        4--South--3
     *        |         |
     *        8         7
     * </pre>
     */
    @Test
    void aLoopAroundABlockVisitsTheFourSidesInOrder() {
        Sketch sketch = new Sketch().node(1, 0, 100).node(2, 100, 100).node(3, 100, 0).node(4, 0, 0)
                .node(5, 0, 160).node(6, 100, 160).node(7, 100, -60).node(8, 0, -60)
                .street("North", 1, 2).street("East", 2, 3).street("South", 3, 4).street("West", 4, 1)
                .street("Stub", 1, 5).street("Stub", 2, 6).street("Stub", 3, 7).street("Stub", 4, 8);
        Sketch.Walk walk = new Sketch.Walk(TEN_SECONDS, 3, 3, 50, 100)
                .to(100, 100, 14).to(100, 0, 14).to(0, 0, 14).to(0, 100, 14).to(50, 100, 14);
        MatchedPath path = sketch.matcher().match(walk.pings);

        List<String> sides = path.traversals().stream().map(sketch::name).toList();
        assertThat(sides).containsExactly("North", "East", "South", "West", "North");
        assertThat(path.summary().matchedLengthMeters()).isCloseTo(400, within(40.0));
        PathChecks.assertContinuous(sketch.network(), path.traversals());
    }

    /**
     * A straight street; one ping of the walk lands 200 m away from it, with no street near.
     * <pre>
     *                   x (outlier, 200 m north)
     *
     *   1 --------------- Long --------------- 2
     *  x=0                                    x=400
     * </pre>
     */
    @Test
    void aLoneOutlierIsSkippedWithoutADetour() {
        Sketch sketch = new Sketch().node(1, 0, 0).node(2, 400, 0).street("Long", 1, 2);
        Sketch.Walk walk = new Sketch.Walk(TEN_SECONDS, 4, 2, 0, 0).to(180, 0, 20).outlier(0, 200).to(400, 0, 20);
        MatchedPath path = sketch.matcher().match(walk.pings);

        assertThat(path.summary().pingsFarFromStreets()).isEqualTo(1);
        assertThat(path.summary().parts()).isEqualTo(1);
        assertThat(path.traversals()).hasSize(1);
        assertThat(path.traversals().get(0).direction()).isEqualTo(Direction.FORWARD);
        assertThat(path.summary().matchedLengthMeters()).isCloseTo(400, within(20.0));
    }

    /**
     * A lone ping 120 m off, near a street that is only reachable by a long way round: skipped as
     * unreachable rather than walked to.
     * <pre>
     *   3 ------- Far ------- 4        (y=120, joined to Long only 2 km away)
     *                         |
     *   1 ------- Long ------ 2 ... (the long way round)
     * </pre>
     */
    @Test
    void aLoneOutlierNearAnUnreachableStreetIsSkippedAsUnreachable() {
        Sketch sketch = new Sketch().node(1, 0, 0).node(2, 400, 0).node(3, 0, 120).node(4, 400, 120)
                .node(5, 1400, 0).node(6, 1400, 120)
                .street("Long", 1, 2).street("Way", 2, 5).street("Round", 5, 6).street("Back", 6, 4)
                .street("Far", 3, 4);
        Sketch.Walk walk = new Sketch.Walk(TEN_SECONDS, 5, 2, 0, 0).to(180, 0, 20).outlier(0, 118).to(380, 0, 20);
        MatchedPath path = sketch.matcher().match(walk.pings);

        assertThat(path.summary().pingsUnreachable()).isEqualTo(1);
        assertThat(path.summary().parts()).isEqualTo(1);
        assertThat(PathChecks.lengthOnStreet(sketch.network(), path.traversals(), "Far")).isZero();
        assertThat(PathChecks.lengthOnStreet(sketch.network(), path.traversals(), "Long")).isCloseTo(380, within(20.0));
    }

    /**
     * The walker walks 100 m, stands ten minutes (pings every 5 s with 4 m noise), walks on.
     * <pre>
     *   1 ----------- Main ----------- 2 ----------- Main ----------- 3
     *  x=0        stands at x=100    x=150                          x=300
     * </pre>
     */
    @Test
    void standingStillTenMinutesProducesNoTraversals() {
        Sketch sketch = new Sketch().node(1, 0, 0).node(2, 150, 0).node(3, 300, 0).node(4, 150, 80)
                .street("Main", 1, 2, 3).street("Cross", 2, 4);
        Sketch.Walk walk = new Sketch.Walk(Duration.ofSeconds(5), 6, 4, 0, 0).to(100, 0, 7);
        Instant standStart = walk.time;
        walk.stand(Duration.ofMinutes(10));
        Instant standEnd = walk.time;
        walk.to(300, 0, 7);
        MatchedPath path = sketch.matcher().match(walk.pings);

        List<Traversal> t = path.traversals();
        assertThat(t).allSatisfy(x -> assertThat(x.direction()).isEqualTo(Direction.FORWARD));
        assertThat(t).noneMatch(x -> !x.entryTime().isBefore(standStart.plusSeconds(30))
                && !x.exitTime().isAfter(standEnd.minusSeconds(30)));
        assertThat(PathChecks.lengthOnStreet(sketch.network(), t, "Main")).isCloseTo(300, within(25.0));
        assertThat(PathChecks.lengthOnStreet(sketch.network(), t, "Cross")).isZero();
        assertThat(path.summary().parts()).isEqualTo(1);
    }

    /**
     * The walker walks on A, sends nothing for 20 minutes, and reappears on B: two parts, and no
     * route is invented between them.
     * <pre>
     *   1 ---- A ---- 2 ---------- Link ---------- 3 ---- B ---- 4
     *  x=0          x=150                        x=650         x=800
     * </pre>
     */
    @Test
    void aTwentyMinuteGapBreaksTheTraceIntoParts() {
        Sketch sketch = new Sketch().node(1, 0, 0).node(2, 150, 0).node(3, 650, 0).node(4, 800, 0)
                .street("A", 1, 2).street("Link", 2, 3).street("B", 3, 4);
        Sketch.Walk walk = new Sketch.Walk(TEN_SECONDS, 7, 2, 0, 0).to(140, 0, 14);
        Instant gapStart = walk.time;
        walk.pause(Duration.ofMinutes(20)).jumpTo(660, 0);
        Instant gapEnd = walk.time;
        walk.to(800, 0, 14);
        MatchedPath path = sketch.matcher().match(walk.pings);

        assertThat(path.summary().parts()).isEqualTo(2);
        assertThat(PathChecks.lengthOnStreet(sketch.network(), path.traversals(), "Link")).isZero();
        assertThat(path.traversals()).noneMatch(x -> x.entryTime().isBefore(gapStart) && x.exitTime().isAfter(gapEnd));
        assertThat(path.traversals()).allSatisfy(x -> assertThat(x.part()).isEqualTo(sketch.name(x).equals("A") ? 0 : 1));
        assertThat(path.summary().pingsUsed()).isEqualTo(walk.pings.size());
    }

    /** Same network and walk as the gap test, but without the pause: the link is walked, one part. */
    @Test
    void withoutTheGapTheLinkIsWalked() {
        Sketch sketch = new Sketch().node(1, 0, 0).node(2, 150, 0).node(3, 650, 0).node(4, 800, 0)
                .street("A", 1, 2).street("Link", 2, 3).street("B", 3, 4);
        Sketch.Walk walk = new Sketch.Walk(TEN_SECONDS, 7, 2, 0, 0).to(800, 0, 14);
        MatchedPath path = sketch.matcher().match(walk.pings);

        assertThat(path.summary().parts()).isEqualTo(1);
        assertThat(PathChecks.lengthOnStreet(sketch.network(), path.traversals(), "Link")).isCloseTo(500, within(1.0));
    }
}
