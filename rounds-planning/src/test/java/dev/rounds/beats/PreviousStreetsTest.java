package dev.rounds.beats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.network.Profiles;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A previous plan's streets found again in a changed map. */
class PreviousStreetsTest {
    private static final Map<String, String> TAGS = Map.of("highway", "residential");

    /**
     * Before: A–B–C (one street, beat 0) and C–E (beat 1), drawn the other way round. Now a new
     * street B–D splits A–C at B.
     * <pre>
     *   A ------ B ------ C ------ E
     *            |
     *            D   (new)
     * </pre>
     */
    @Test
    void splitStreetsByPositionSameStreetsByGeometryNewStreetsUnmatched() {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null);
        builder.node(1, 43.700, 7.400);
        builder.node(2, 43.700, 7.401);
        builder.node(3, 43.700, 7.402);
        builder.node(5, 43.700, 7.403);
        builder.node(4, 43.699, 7.401);
        builder.way(1, new long[] {1, 2, 3}, TAGS);
        builder.way(2, new long[] {3, 5}, TAGS);
        builder.way(3, new long[] {2, 4}, TAGS);
        StreetNetwork now = builder.build().network();
        PreviousStreets previous = new PreviousStreets();
        previous.add(new PreviousStreets.Street(new double[] {43.700, 43.700, 43.700},
                new double[] {7.400, 7.401, 7.402}, 0));
        previous.add(new PreviousStreets.Street(new double[] {43.700, 43.700}, new double[] {7.403, 7.402}, 1));
        PreviousStreets.Match match = previous.match(now);
        assertThat(now.edgeCount()).isEqualTo(4);
        assertThat(match.byGeometry()).as("C-E, drawn the other way").isEqualTo(1);
        assertThat(match.byPosition()).as("A-B and B-C, halves of A-C").isEqualTo(2);
        assertThat(match.unmatched()).as("B-D").isEqualTo(1);
        assertThat(match.previousBeats()).isEqualTo(2);
        for (int e = 0; e < now.edgeCount(); e++) {
            double lonA = now.edgePointLon(e, 0);
            double lonB = now.edgePointLon(e, now.edgePointCount(e) - 1);
            double latB = now.edgePointLat(e, now.edgePointCount(e) - 1);
            int expected = Math.abs(now.edgePointLat(e, 0) - latB) > 1e-6 ? -1
                    : Math.max(lonA, lonB) > 7.4025 ? 1 : 0;
            assertThat(match.beatOfEdge()[e]).as("edge %d", e).isEqualTo(expected);
        }
    }

    @Test
    void aStreetWithoutPointsOrBeatIsRefused() {
        assertThatThrownBy(() -> new PreviousStreets.Street(new double[] {1}, new double[] {1}, 0))
                .hasMessageContaining("at least two points");
        assertThatThrownBy(() -> new PreviousStreets.Street(new double[] {1, 2}, new double[] {1, 2}, -1))
                .hasMessageContaining("beat must be >= 0");
    }
}
