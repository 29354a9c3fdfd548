package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.testkit.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Balance of the largest plans, K = 64 on the two largest extracts, guarded against regressions:
 * the bounds are the measured figures (docs/BENCHMARKS.md, Beats) plus a small margin, so a change
 * that makes the refinement worse fails here. Also: every invariant, the evaluation budget, and the
 * same plan again for the same seed.
 */
class BeatPlannerBalanceTest {

    @ParameterizedTest(name = "{0} K={1}")
    @CsvSource({
        "osm/monaco-2016.osm.pbf, 64, 1.12",
        "osm/north-bayreuth-2014.osm.gz, 64, 1.07",
    })
    void largestPlansStayBalancedAndDeterministic(String extract, int k, double maxBalance) {
        StreetNetwork network = StreetMaps.importFile(TestData.file(extract), Profiles.FOOT, ProgressListener.NONE)
                .network();
        BeatPlan plan = new BeatPlanner(network, ProgressListener.NONE).plan(k, 1);
        String context = extract + " K=" + k;
        BeatPlannerRealExtractsTest.assertPartition(plan, network, k, context);
        System.out.printf("%s: balance %.3f, longest/LB %.3f, %d moves, %d evaluations%n", context, plan.balance(),
                plan.longestOverLowerBound(), plan.refinementMoves(), plan.refinementEvaluations());
        assertThat(plan.balance()).as(context + " longest/mean").isLessThanOrEqualTo(maxBalance);
        // the budget (100 per beat + 1,000), overshot at most by the growth of a start begun within it
        assertThat(plan.refinementEvaluations()).as(context + " evaluations within the budget")
                .isLessThanOrEqualTo(100 * k + 1000 + 6 * k);
        BeatPlan again = new BeatPlanner(network, ProgressListener.NONE).plan(k, 1);
        assertThat(again.beatOfEdge()).as(context + " same seed, same beats").isEqualTo(plan.beatOfEdge());
    }

    /**
     * Small beats are annealed ({@link BeatAnnealing}): novi-sad at K = 16 (5 streets a beat) had a
     * longest round of 2,715 m (longest / mean 1.199) with the refinement alone; annealed, 2,557 m.
     */
    @Test
    void smallBeatsAreAnnealedToAShorterLongestRound() {
        StreetNetwork network = StreetMaps.importFile(TestData.file("osm/novi-sad-cutout.osm.gz"), Profiles.FOOT,
                ProgressListener.NONE).network();
        BeatPlan plan = new BeatPlanner(network, ProgressListener.NONE).plan(16, 1);
        BeatPlannerRealExtractsTest.assertPartition(plan, network, 16, "novi-sad K=16");
        System.out.printf("novi-sad K=16: longest %.0f m, balance %.3f%n", plan.longestRoundMeters(), plan.balance());
        assertThat(plan.longestRoundMeters()).as("novi-sad K=16 longest round").isLessThanOrEqualTo(2_600);
        assertThat(plan.balance()).as("novi-sad K=16 longest/mean").isLessThanOrEqualTo(1.199);
        BeatPlan again = new BeatPlanner(network, ProgressListener.NONE).plan(16, 1);
        assertThat(again.beatOfEdge()).as("novi-sad K=16 same seed, same beats").isEqualTo(plan.beatOfEdge());
    }

    /**
     * No plan of novi-sad in 16 beats has a longest round within 2,557.2 m ({@link LongestRoundProof},
     * run by the beats benchmark: a minute, too long here). The planner reaches that least longest
     * round, 2,557.3 m, at seed 1 and, since the annealing runs a second pass, at seed 4 as well (one
     * pass stopped at 2,598.7 m there).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 4})
    void smallBeatsReachTheProvenLeastLongestRound(long seed) {
        StreetNetwork network = StreetMaps.importFile(TestData.file("osm/novi-sad-cutout.osm.gz"), Profiles.FOOT,
                ProgressListener.NONE).network();
        BeatPlan plan = new BeatPlanner(network, ProgressListener.NONE).plan(16, seed);
        assertThat(plan.longestRoundMeters()).as("novi-sad K=16 seed %d longest round", seed)
                .isBetween(2_557.2, 2_557.4);
    }
}
