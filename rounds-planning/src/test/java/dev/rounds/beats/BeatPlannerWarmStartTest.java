package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.testkit.TestData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A re-plan from the previous plan on the largest extract (Monaco, K = 16): one patroller more,
 * one fewer with new streets; few streets change beat, every invariant still holds.
 */
class BeatPlannerWarmStartTest {
    private static StreetNetwork monaco;
    private static BeatPlanner planner;
    private static BeatPlan before;

    @BeforeAll
    static void plan() {
        monaco = StreetMaps.importFile(TestData.file("osm/monaco-2016.osm.pbf"), Profiles.FOOT, ProgressListener.NONE)
                .network();
        planner = new BeatPlanner(monaco, ProgressListener.NONE);
        before = planner.plan(16, 1);
    }

    @Test
    void onePatrollerMoreKeepsFourFifthsOfTheStreetsInTheirBeat() {
        BeatPlan after = planner.replan(17, 1, before.beatOfEdge());
        BeatPlannerRealExtractsTest.assertPartition(after, monaco, 17, "monaco 16 -> 17");
        double kept = keptShare(before.beatOfEdge(), after.beatOfEdge());
        double fresh = keptShare(before.beatOfEdge(), planner.plan(17, 1).beatOfEdge());
        System.out.printf("monaco 16 -> 17: %.1f %% of streets kept their beat (a fresh plan: %.1f %%), balance %.3f"
                + " (fresh K=16 %.3f)%n", kept * 100, fresh * 100, after.balance(), before.balance());
        assertThat(kept).as("share of streets that kept their beat").isGreaterThanOrEqualTo(0.8);
        assertThat(kept).as("more than a fresh plan keeps").isGreaterThan(fresh);
        assertThat(planner.replan(17, 1, before.beatOfEdge()).beatOfEdge()).as("same re-plan again")
                .isEqualTo(after.beatOfEdge());
    }

    @Test
    void onePatrollerFewerAndThirtyNewStreetsKeepFourFifths() {
        int[] previous = before.beatOfEdge();
        int[] withGaps = previous.clone();
        for (int e = 0; e < withGaps.length; e += withGaps.length / 30) {
            withGaps[e] = -1;
        }
        BeatPlan after = planner.replan(15, 1, withGaps);
        BeatPlannerRealExtractsTest.assertPartition(after, monaco, 15, "monaco 16 -> 15, 30 new streets");
        double kept = keptShare(previous, after.beatOfEdge());
        System.out.printf("monaco 16 -> 15 with 30 new streets: %.1f %% kept their beat, balance %.3f%n", kept * 100,
                after.balance());
        // measured 80.4 %: the dissolved beat's 1/16 of the streets must move, and the rest rebalance
        assertThat(kept).isGreaterThanOrEqualTo(0.75);
    }

    /**
     * Share of streets whose beat is the same group of streets as before: old and new beats are
     * paired greedily by the most streets in common (a merge renumbers one beat; a split makes a
     * new one), and a street is kept when its old and new beats are a pair.
     */
    static double keptShare(int[] before, int[] after) {
        int oldCount = Arrays.stream(before).max().orElse(0) + 1;
        int newCount = Arrays.stream(after).max().orElse(0) + 1;
        int[][] common = new int[oldCount][newCount];
        for (int e = 0; e < before.length; e++) {
            if (before[e] >= 0) {
                common[before[e]][after[e]]++;
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int o = 0; o < oldCount; o++) {
            for (int n = 0; n < newCount; n++) {
                pairs.add(new int[] {common[o][n], o, n});
            }
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Integer.compare(b[0], a[0]) : a[1] != b[1] ? Integer.compare(a[1], b[1])
                : Integer.compare(a[2], b[2]));
        boolean[] oldUsed = new boolean[oldCount];
        boolean[] newUsed = new boolean[newCount];
        int kept = 0;
        for (int[] pair : pairs) {
            if (!oldUsed[pair[1]] && !newUsed[pair[2]]) {
                oldUsed[pair[1]] = true;
                newUsed[pair[2]] = true;
                kept += pair[0];
            }
        }
        return kept / (double) before.length;
    }
}
