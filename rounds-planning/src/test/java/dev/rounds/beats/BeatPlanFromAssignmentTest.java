package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.network.DemoTown;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import org.junit.jupiter.api.Test;

/** A stored assignment rebuilds a plan whose rounds are as long as the original ones. */
class BeatPlanFromAssignmentTest {

    @Test
    void storedAssignmentGivesTheSameRoundLengths() {
        StreetNetwork town = DemoTown.generate(4).network();
        BeatPlan original = new BeatPlanner(town, ProgressListener.NONE).plan(5, 11);
        BeatPlan rebuilt = BeatPlan.of(town, original.beatOfEdge(), original.seed());
        assertThat(rebuilt.beatCount()).isEqualTo(5);
        for (int b = 0; b < 5; b++) {
            assertThat(rebuilt.beat(b).roundLengthMeters()).as("beat %d", b)
                    .isCloseTo(original.beat(b).roundLengthMeters(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(rebuilt.beat(b).edges()).containsExactlyInAnyOrder(original.beat(b).edges());
        }
        assertThat(rebuilt.longestRoundMeters()).isCloseTo(original.longestRoundMeters(),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void assignmentThatDoesNotFitIsRefused() {
        StreetNetwork town = DemoTown.generate(4).network();
        assertThatThrownBy(() -> BeatPlan.of(town, new int[3], 1)).hasMessageContaining("the assignment has 3 edges");
        int[] gap = new int[town.edgeCount()];
        gap[0] = 2;
        assertThatThrownBy(() -> BeatPlan.of(town, gap, 1)).hasMessageContaining("beat 1 has no streets");
    }
}
