package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.RoundPlanner;
import dev.rounds.testkit.TestData;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The annealing of small beats on novi-sad (80 streets, 5 a beat at K = 16): every street stays in
 * exactly one connected, non-empty beat, the rounds it reports are the exact ones, the longest round
 * never ends longer than at the start, and the same seed gives the same plan.
 */
class BeatAnnealingTest {
    private static final int K = 16;
    private static StreetNetwork network;
    private static RoundPlanner planner;

    @BeforeAll
    static void load() {
        network = StreetMaps.importFile(TestData.file("osm/novi-sad-cutout.osm.gz"), Profiles.FOOT,
                ProgressListener.NONE).network();
        planner = new RoundPlanner(network);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void keepsEveryBeatConnectedAndNeverLengthensTheLongestRound(long seed) {
        int[] labels = new RegionGrowing(network).partition(K, seed);
        double[] rounds = exactRounds(labels);
        double startLongest = max(rounds);

        int changed = new BeatAnnealing(network, new RoundMemo(planner))
                .anneal(labels, rounds, 20_000, 20_000, seed);

        assertPartition(labels, "seed " + seed);
        assertThat(rounds).as("the rounds reported are the exact ones").containsExactly(exactRounds(labels),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(max(rounds)).as("longest round, start %.0f m", startLongest).isLessThanOrEqualTo(startLongest);
        assertThat(changed).isBetween(0, labels.length);
    }

    @Test
    void shortensTheLongestRoundOfAGrownPlanAndIsDeterministic() {
        int[] start = new RegionGrowing(network).partition(K, 7);
        double startLongest = max(exactRounds(start));
        int[] first = start.clone();
        double[] firstRounds = exactRounds(first);
        new BeatAnnealing(network, new RoundMemo(planner)).anneal(first, firstRounds, 100_000, 100_000, 7);
        int[] second = start.clone();
        new BeatAnnealing(network, new RoundMemo(planner)).anneal(second, exactRounds(second), 100_000, 100_000, 7);

        System.out.printf("novi-sad K=16 grown plan annealed: longest %.0f -> %.0f m%n", startLongest,
                max(firstRounds));
        assertThat(max(firstRounds)).as("longest round after annealing").isLessThan(startLongest);
        assertThat(second).as("same seed, same beats").isEqualTo(first);
    }

    @Test
    void leavesAPlanWithoutRoomAsItIs() {
        int[] labels = new int[network.edgeCount()];
        double[] rounds = exactRounds(labels);
        int changed = new BeatAnnealing(network, new RoundMemo(planner)).anneal(labels, rounds, 1_000, 1_000, 1);
        assertThat(changed).as("one beat has no neighbour to trade with").isZero();
        assertThat(labels).containsOnly(0);
    }

    private double[] exactRounds(int[] labels) {
        int k = Arrays.stream(labels).max().orElse(0) + 1;
        double[] rounds = new double[k];
        for (int r = 0; r < k; r++) {
            rounds[r] = planner.roundLengthMeters(BeatBoundary.edgesOf(labels, r));
        }
        return rounds;
    }

    private static void assertPartition(int[] labels, String context) {
        BeatConnectivity connectivity = new BeatConnectivity(network);
        int k = Arrays.stream(labels).max().orElse(0) + 1;
        assertThat(k).as(context + ": beat count").isEqualTo(K);
        for (int e = 0; e < labels.length; e++) {
            assertThat(labels[e]).as(context + ": street " + e + " has a beat").isBetween(0, K - 1);
        }
        for (int r = 0; r < K; r++) {
            int[] edges = BeatBoundary.edgesOf(labels, r);
            assertThat(edges).as(context + ": beat " + r + " not empty").isNotEmpty();
            assertThat(connectivity.componentCount(edges)).as(context + ": beat " + r + " connected").isEqualTo(1);
        }
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
