package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.RoundChecks;
import dev.rounds.testkit.TestData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Invariants of beat plans on every shared extract for several K. */
class BeatPlannerRealExtractsTest {
    private static final int[] BEAT_COUNTS = {1, 4, 16};

    @TestFactory
    Stream<DynamicTest> everyStreetInExactlyOneConnectedBeatWithAValidRound() {
        return perExtract(BeatPlannerRealExtractsTest::checkExtract);
    }

    /** One dynamic test per shared extract, named by its file. */
    static Stream<DynamicTest> perExtract(java.util.function.Consumer<Path> check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path extract : TestData.osmExtracts()) {
            tests.add(DynamicTest.dynamicTest(extract.getFileName().toString(), () -> check.accept(extract)));
        }
        return tests.stream();
    }

    private static void checkExtract(Path extract) {
        StreetNetwork network = StreetMaps.importFile(extract, Profiles.FOOT, ProgressListener.NONE).network();
        BeatPlanner planner = new BeatPlanner(network, ProgressListener.NONE);
        for (int k : BEAT_COUNTS) {
            if (k > network.edgeCount()) {
                continue;
            }
            long started = System.nanoTime();
            BeatPlan plan = planner.plan(k, 42);
            String context = extract.getFileName() + " K=" + k;
            System.out.printf("%s: %d edges, longest %.0f m, balance %.3f, longest/LB %.3f, %d moves, %d ms%n",
                    context, network.edgeCount(), plan.longestRoundMeters(), plan.balance(),
                    plan.longestOverLowerBound(), plan.refinementMoves(), (System.nanoTime() - started) / 1_000_000);
            assertPartition(plan, network, k, context);
        }
    }

    static void assertPartition(BeatPlan plan, StreetNetwork network, int k, String context) {
        assertThat(plan.beatCount()).isEqualTo(k);
        int[] owner = new int[network.edgeCount()];
        java.util.Arrays.fill(owner, -1);
        BeatConnectivity connectivity = new BeatConnectivity(network);
        for (Beat beat : plan.beats()) {
            int[] edges = beat.edges();
            assertThat(edges).as(context + ": beat " + beat.index() + " not empty").isNotEmpty();
            for (int e : edges) {
                assertThat(owner[e]).as(context + ": edge " + e + " in one beat only").isEqualTo(-1);
                owner[e] = beat.index();
                assertThat(plan.beatOf(e)).isEqualTo(beat.index());
            }
            assertThat(connectivity.componentCount(edges)).as(context + ": beat " + beat.index() + " connected")
                    .isEqualTo(1);
            RoundChecks.assertValid(beat.round(), edges, network, context + " beat " + beat.index());
        }
        for (int e = 0; e < owner.length; e++) {
            assertThat(owner[e]).as(context + ": edge " + e + " has a beat").isNotNegative();
        }
        assertThat(plan.longestRoundMeters()).isGreaterThanOrEqualTo(plan.lowerBoundMeters());
    }
}
