package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.ImportResult;
import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.ExactMixedPostman;
import dev.rounds.rounds.Round;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Car plans on every shared extract: each beat's round is a closed drive that takes one-way streets
 * only forwards, covers the beat, and is no shorter than its lower bound ({@code RoundChecks}); beats
 * with few two-way streets are also compared with the exact optimum.
 */
class CarRoundsRealExtractsTest {
    private static final int[] BEAT_COUNTS = {4, 16};

    @TestFactory
    Stream<DynamicTest> everyCarRoundObeysOneWayStreetsAndCoversItsBeat() {
        return BeatPlannerRealExtractsTest.perExtract(CarRoundsRealExtractsTest::checkExtract);
    }

    /**
     * Beats with few two-way streets are solved exactly ({@link ExactMixedPostman}): the round is no
     * shorter than the optimum, the bound no longer; prints how far each is from it.
     */
    private static void compareWithOptimum(BeatPlan plan, StreetNetwork network, String context) {
        for (Beat beat : plan.beats()) {
            if (ExactMixedPostman.twoWayCount(network, beat.edges()) > ExactMixedPostman.MAX_TWO_WAY
                    || !network.hasOnewayEdges()) {
                continue;
            }
            Round round = beat.round();
            double optimum = ExactMixedPostman.optimumMeters(network, beat.edges());
            double tolerance = 1e-6 * optimum;
            System.out.printf("  %s beat %d (%d streets): round / optimum %.3f, optimum / lower bound %.3f%n", context,
                    beat.index(), beat.edges().length, round.lengthMeters() / optimum, optimum / round.lowerBoundMeters());
            assertThat(round.lengthMeters()).as(context + " beat " + beat.index() + ": no shorter than the optimum")
                    .isGreaterThanOrEqualTo(optimum - tolerance);
            assertThat(round.lowerBoundMeters()).as(context + " beat " + beat.index() + ": bound at most the optimum")
                    .isLessThanOrEqualTo(optimum + tolerance);
        }
    }

    private static void checkExtract(Path extract) {
        ImportResult imported = StreetMaps.importFile(extract, Profiles.CAR, ProgressListener.NONE);
        StreetNetwork network = imported.network();
        int oneway = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            oneway += network.edgeOneway(e) ? 1 : 0;
        }
        BeatPlanner planner = new BeatPlanner(network, ProgressListener.NONE);
        for (int k : BEAT_COUNTS) {
            if (k > network.edgeCount()) {
                continue;
            }
            long started = System.nanoTime();
            BeatPlan plan = planner.plan(k, 42);
            String context = extract.getFileName() + " car K=" + k;
            double worstGap = 0;
            double sumGap = 0;
            for (Beat beat : plan.beats()) {
                worstGap = Math.max(worstGap, beat.round().gap());
                sumGap += beat.round().gap();
            }
            System.out.printf("%s: %d edges (%d one-way, %d left out as one-way traps), gap mean %.3f max %.3f, "
                    + "longest %.0f m, %d ms%n", context, network.edgeCount(), oneway,
                    imported.report().oneWayLeftOutEdges(), sumGap / k, worstGap, plan.longestRoundMeters(),
                    (System.nanoTime() - started) / 1_000_000);
            BeatPlannerRealExtractsTest.assertPartition(plan, network, k, context);
            compareWithOptimum(plan, network, context);
            assertThat(worstGap).as(context + ": worst round / lower bound").isLessThan(2.0);
        }
    }
}
