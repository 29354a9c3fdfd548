package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.rounds.RandomStreets;
import dev.rounds.rounds.RoundPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proof that no plan of K beats keeps every round within a length, checked against brute force on
 * seeded random networks small enough to try every partition: the street sets listed are exactly the
 * connected ones within the length, the proof never claims "no plan" where brute force finds one, and
 * the street weights it rests on really weigh no listed set over 1. (The seed is in every message.)
 */
class LongestRoundProofTest {
    private static final int MAX_STREETS = 13;

    @Test
    void listsExactlyTheConnectedStreetSetsWithinTheLength() {
        for (long seed = 1; seed <= 12; seed++) {
            StreetNetwork network = smallNetwork(seed);
            RoundPlanner planner = new RoundPlanner(network);
            double cap = 0.4 * network.totalLengthMeters();
            ConnectedStreetSets.Pool pool = new ConnectedStreetSets(network, planner).upTo(cap, 1 << 20);

            List<String> listed = new ArrayList<>();
            for (int i = 0; i < pool.size(); i++) {
                listed.add(Arrays.toString(pool.sets()[i]));
                assertThat(pool.roundMeters()[i]).as("seed %d: round of %s", seed, listed.get(i))
                        .isCloseTo(planner.roundLengthMeters(pool.sets()[i]), offset(1e-9));
            }
            assertThat(listed).as("seed %d: every set once", seed).doesNotHaveDuplicates();
            assertThat(listed).as("seed %d: %d streets, length %.0f m", seed, network.edgeCount(), cap)
                    .containsExactlyInAnyOrderElementsOf(bruteForceSets(network, planner, cap));
        }
    }

    @Test
    void neverDeniesAPlanThatExistsAndItsWeightsHold() {
        int proven = 0;
        for (long seed = 1; seed <= 12; seed++) {
            StreetNetwork network = smallNetwork(seed);
            RoundPlanner planner = new RoundPlanner(network);
            for (int k = 2; k <= 3; k++) {
                double best = bestLongestRound(network, planner, k);
                LongestRoundProof.Result atBest = LongestRoundProof.check(network, k, best + 1e-6, 1 << 20, 100_000);
                assertThat(atBest.noSuchPlan()).as("seed %d K=%d: a plan with longest %.3f m exists; %s", seed, k,
                        best, atBest.reason()).isFalse();
                LongestRoundProof.Result below = LongestRoundProof.check(network, k, best - 0.01, 1 << 20, 100_000);
                proven += below.noSuchPlan() ? 1 : 0;
                ConnectedStreetSets.Pool pool = new ConnectedStreetSets(network, planner).upTo(best - 0.01, 1 << 20);
                BeatCountBound.Certificate certificate = BeatCountBound.certify(network.edgeCount(), pool.sets(), 100_000);
                for (int[] set : pool.sets()) {
                    assertThat(BeatCountBound.weightOf(set, certificate.streetWeights()))
                            .as("seed %d K=%d: weight of %s", seed, k, Arrays.toString(set))
                            .isLessThanOrEqualTo(certificate.heaviestSetWeight());
                }
            }
        }
        System.out.printf("optimal longest round proven below brute force's best in %d of 24 cases%n", proven);
        assertThat(proven).as("the proof shows the best longest round is the best in most small cases").isGreaterThan(12);
    }

    @Test
    void boundsATriangleCoveredOnlyByPairsAtOneAndAHalfBeats() {
        // Three streets, each set of the family holds two: no partition exists; fractionally 1.5 sets.
        BeatCountBound.Certificate certificate = BeatCountBound.certify(3, new int[][] {{0, 1}, {1, 2}, {0, 2}}, 1_000);
        assertThat(certificate.beatsAtLeast()).isCloseTo(1.5, offset(1e-9));
        assertThat(certificate.streetWeights()).containsExactly(new double[] {0.5, 0.5, 0.5},
                offset(1e-9));
        assertThat(BeatCountBound.certify(2, new int[][] {{0}}, 1_000).beatsAtLeast())
                .as("a street in no set: no plan at all").isInfinite();
    }

    @Test
    void aStreetWhoseOwnRoundTripIsLongerSettlesItAndCarNetworksAreRefused() {
        StreetNetwork network = smallNetwork(3);
        RoundPlanner planner = new RoundPlanner(network);
        double longestTrip = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            longestTrip = Math.max(longestTrip, planner.shortestRoundTripMeters(e));
        }
        LongestRoundProof.Result result = LongestRoundProof.check(network, network.edgeCount(), longestTrip - 1, 10, 10);
        assertThat(result.noSuchPlan()).isTrue();
        assertThat(result.reason()).contains("alone takes");
        StreetNetwork car = RandomStreets.mixedNetwork(5, 12, 20, 0.3);
        assertThatThrownBy(() -> new ConnectedStreetSets(car, new RoundPlanner(car)))
                .hasMessageContaining("one-way");
    }

    private static StreetNetwork smallNetwork(long seed) {
        for (int streets = 16; ; streets--) {
            StreetNetwork network = RandomStreets.network(seed, 10, streets);
            if (network.edgeCount() <= MAX_STREETS) {
                return network;
            }
        }
    }

    private static List<String> bruteForceSets(StreetNetwork network, RoundPlanner planner, double cap) {
        BeatConnectivity connectivity = new BeatConnectivity(network);
        List<String> sets = new ArrayList<>();
        int m = network.edgeCount();
        for (int mask = 1; mask < 1 << m; mask++) {
            int[] set = members(mask, m);
            if (connectivity.componentCount(set) == 1 && planner.roundLengthMeters(set) <= cap) {
                sets.add(Arrays.toString(set));
            }
        }
        return sets;
    }

    /** The least longest round over every partition into k non-empty connected beats, by brute force. */
    private static double bestLongestRound(StreetNetwork network, RoundPlanner planner, int k) {
        int m = network.edgeCount();
        BeatConnectivity connectivity = new BeatConnectivity(network);
        double[] roundOf = new double[1 << m];
        for (int mask = 1; mask < 1 << m; mask++) {
            int[] set = members(mask, m);
            roundOf[mask] = connectivity.componentCount(set) == 1 ? planner.roundLengthMeters(set) : Double.NaN;
        }
        return best(roundOf, (1 << m) - 1, k);
    }

    /** Least longest round splitting {@code rest} into {@code k} connected sets, the lowest street first. */
    private static double best(double[] roundOf, int rest, int k) {
        if (k == 1) {
            return Double.isNaN(roundOf[rest]) ? Double.POSITIVE_INFINITY : roundOf[rest];
        }
        int lowest = rest & -rest;
        double best = Double.POSITIVE_INFINITY;
        int others = rest & ~lowest;
        for (int sub = others; ; sub = (sub - 1) & others) {
            int part = sub | lowest;
            if (part != rest && !Double.isNaN(roundOf[part]) && roundOf[part] < best) {
                best = Math.min(best, Math.max(roundOf[part], best(roundOf, rest & ~part, k - 1)));
            }
            if (sub == 0) {
                break;
            }
        }
        return best;
    }

    private static int[] members(int mask, int m) {
        int[] set = new int[Integer.bitCount(mask)];
        int at = 0;
        for (int e = 0; e < m; e++) {
            if ((mask & 1 << e) != 0) {
                set[at++] = e;
            }
        }
        return set;
    }
}
