package dev.rounds.feasibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.network.Earth;
import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Worked by hand on one straight street of four 1 km blocks, walked at 4 km/h (1 km = 15 min) with
 * 8 h × 0.8 = 384 min available:
 * <pre>
 *   A ---1 km--- B ---1 km--- C ---1 km--- D ---1 km--- E
 * </pre>
 * A beat of n blocks on a dead-end street has a round of 2n km = 30n min, so:
 * K=1: 120 min, 3 rounds; K=2: 60 min, 6 rounds; K=4: 30 min, 12 rounds. 13 rounds need rounds of
 * at most 29.5 min, shorter than one block there and back (30 min): impossible for any K.
 */
class FeasibilityCheckTest {
    private static StreetNetwork street;
    private static BeatPlanner planner;
    private static FeasibilityCheck check;

    @BeforeAll
    static void buildStreet() {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        double kmInDegrees = Math.toDegrees(1000 / Earth.RADIUS_METERS);
        long[] refs = new long[5];
        for (int i = 0; i < 5; i++) {
            builder.node(i + 1, 45 + i * kmInDegrees, 7);
            refs[i] = i + 1;
        }
        builder.way(1, new long[] {1, 2}, Map.of("highway", "residential", "name", "Main Street"));
        builder.way(2, new long[] {2, 3}, Map.of("highway", "residential", "name", "Main Street"));
        builder.way(3, new long[] {3, 4}, Map.of("highway", "residential", "name", "Main Street"));
        builder.way(4, new long[] {4, 5}, Map.of("highway", "residential", "name", "Main Street"));
        street = builder.build().network();
        planner = new BeatPlanner(street, ProgressListener.NONE);
        check = new FeasibilityCheck(planner, ShiftRules.DEFAULT, 1);
    }

    @Test
    void theStreetIsFourBlocksOfOneKilometre() {
        assertThat(street.edgeCount()).isEqualTo(4);
        for (int e = 0; e < 4; e++) {
            assertThat(street.edgeLengthMeters(e)).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(ShiftRules.DEFAULT.availableTime()).isEqualTo(Duration.ofMinutes(384));
        assertThat(ShiftRules.DEFAULT.roundTime(2000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void oneWalkerManagesThreeRounds() {
        BeatPlan plan = planner.plan(1, 1);
        FeasibilityAnswer answer = check.assess(plan, Target.roundsPerShift(3), ProgressListener.NONE);
        assertThat(answer.meets()).isTrue();
        assertThat(answer.longestRoundTime()).isEqualTo(Duration.ofMinutes(120));
        assertThat(answer.roundsPerShift()).isEqualTo(3);
        assertThat(answer.text()).isEqualTo("3 rounds a shift can be done with 1 patroller: the longest round "
                + "takes 120 min, so 3 rounds fit in 6.4 available hours.");
    }

    @Test
    void sixRoundsNeedTwoWalkersFoundByPlanning() {
        BeatPlan plan = planner.plan(1, 1);
        FeasibilityAnswer answer = check.assess(plan, Target.roundsPerShift(6), ProgressListener.NONE);
        assertThat(answer.meets()).isFalse();
        assertThat(answer.possible()).isTrue();
        assertThat(answer.roundsPerShift()).isEqualTo(3);
        assertThat(answer.maxRoundTime()).isEqualTo(Duration.ofMinutes(64));
        assertThat(answer.smallestPatrollers()).hasValue(2);
        assertThat(answer.text()).isEqualTo("6 rounds a shift cannot be done with 1 patroller: the longest round "
                + "takes 120 min, so 3 rounds fit in 6.4 available hours; 6 rounds a shift would need rounds of "
                + "at most 64 min, which needs 2 patrollers (found by planning).");
    }

    @Test
    void twelveRoundsNeedFourWalkersAndARevisitOfAnHourNeedsTwo() {
        assertThat(check.smallestPlan(Target.roundsPerShift(12), ProgressListener.NONE))
                .hasValueSatisfying(plan -> assertThat(plan.beatCount()).isEqualTo(4));
        assertThat(check.smallestPlan(Target.maxRevisit(Duration.ofMinutes(60)), ProgressListener.NONE))
                .hasValueSatisfying(plan -> assertThat(plan.beatCount()).isEqualTo(2));
        assertThat(check.smallestPlan(Target.maxRevisit(Duration.ofMinutes(59)), ProgressListener.NONE))
                .hasValueSatisfying(plan -> assertThat(plan.beatCount()).isEqualTo(4));
    }

    @Test
    void thirteenRoundsCannotBeDoneByAnyNumberOfWalkers() {
        Target thirteen = Target.roundsPerShift(13);
        assertThat(check.isImpossible(thirteen)).isTrue();
        assertThat(check.isImpossible(Target.roundsPerShift(12))).isFalse();
        assertThat(check.smallestPlan(thirteen, ProgressListener.NONE)).isEmpty();
        assertThat(check.impossibility(thirteen)).isEqualTo("13 rounds a shift cannot be done by any number of "
                + "patrollers: it needs rounds of at most 29.5 min, but the longest street alone takes 30 min to "
                + "walk and come back");
        FeasibilityAnswer answer = check.assess(planner.plan(4, 1), thirteen, ProgressListener.NONE);
        assertThat(answer.meets()).isFalse();
        assertThat(answer.possible()).isFalse();
        assertThat(answer.roundsPerShift()).isEqualTo(12);
        assertThat(answer.shortestPossibleRoundTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(answer.smallestPatrollers()).isEmpty();
        assertThat(answer.text()).isEqualTo("13 rounds a shift cannot be done with 4 patrollers: the longest round "
                + "takes 30 min, so 12 rounds fit in 6.4 available hours; 13 rounds a shift would need rounds of "
                + "at most 29.5 min, which no number of patrollers can reach: the longest street alone takes "
                + "30 min to walk and come back.");
    }

    @Test
    void badRulesAndTargetsAreRefused() {
        assertThatThrownBy(() -> Target.roundsPerShift(0)).hasMessageContaining("at least 1 round");
        assertThatThrownBy(() -> new ShiftRules(Duration.ofHours(8), 1.5, 4)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new ShiftRules(Duration.ofHours(8), 0.8, 0)).hasMessageContaining("speed");
        assertThatThrownBy(() -> planner.plan(5, 1)).hasMessageContaining("between 1 and the number of streets (4)");
    }
}
