package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.testkit.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Same seed, same plan; a re-plan from a previous plan keeps most streets in their beat. */
class BeatPlannerReplanTest {
    private static StreetNetwork krems;
    private static BeatPlanner planner;

    @BeforeAll
    static void load() {
        krems = StreetMaps.importFile(TestData.file("osm/krems-2013.osm.gz"), Profiles.FOOT, ProgressListener.NONE)
                .network();
        planner = new BeatPlanner(krems, ProgressListener.NONE);
    }

    @Test
    void sameSeedGivesTheSamePlan() {
        BeatPlan first = planner.plan(6, 7);
        BeatPlan second = new BeatPlanner(krems, ProgressListener.NONE).plan(6, 7);
        assertThat(second.beatOfEdge()).isEqualTo(first.beatOfEdge());
        assertThat(second.longestRoundMeters()).isEqualTo(first.longestRoundMeters());
    }

    @Test
    void oneMorePatrollerMovesFewStreets() {
        BeatPlan before = planner.plan(6, 7);
        BeatPlan after = planner.replan(7, 7, before.beatOfEdge());
        BeatPlannerRealExtractsTest.assertPartition(after, krems, 7, "krems 6 -> 7");
        assertThat(sameBeat(before, after)).as("share of streets kept in their beat").isGreaterThan(0.6);
        BeatPlan fresh = planner.plan(7, 7);
        assertThat(sameBeat(before, after)).isGreaterThan(sameBeat(before, fresh));
    }

    @Test
    void onePatrollerFewerAndNewStreetsAreAbsorbed() {
        BeatPlan before = planner.plan(6, 7);
        int[] previous = java.util.Arrays.copyOf(before.beatOfEdge(), krems.edgeCount() - 20);
        BeatPlan after = planner.replan(5, 7, previous);
        BeatPlannerRealExtractsTest.assertPartition(after, krems, 5, "krems 6 -> 5, 20 new streets");
        assertThat(sameBeat(before, after)).isGreaterThan(0.5);
    }

    @Test
    void beatCountIsChecked() {
        assertThatThrownBy(() -> planner.plan(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and the number of streets");
        assertThatThrownBy(() -> planner.plan(krems.edgeCount() + 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double sameBeat(BeatPlan a, BeatPlan b) {
        int same = 0;
        for (int e = 0; e < krems.edgeCount(); e++) {
            same += a.beatOf(e) == b.beatOf(e) ? 1 : 0;
        }
        return same / (double) krems.edgeCount();
    }
}
