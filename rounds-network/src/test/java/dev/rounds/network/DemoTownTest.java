package dev.rounds.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated town is plausible, sized as promised and the same for the same seed. */
class DemoTownTest {

    @Test
    void sameSeedSameTownOtherSeedOtherTown() {
        StreetNetwork a = DemoTown.generate(42).network();
        StreetNetwork b = DemoTown.generate(42).network();
        StreetNetwork c = DemoTown.generate(43).network();
        assertThat(a.edgeCount()).isEqualTo(b.edgeCount());
        assertThat(a.totalLengthMeters()).isEqualTo(b.totalLengthMeters());
        assertThat(a.totalLengthMeters()).isNotEqualTo(c.totalLengthMeters());
    }

    @Test
    void townHasTheFeaturesOfATown() {
        for (long seed = 1; seed <= 5; seed++) {
            StreetNetwork town = DemoTown.generate(seed).network();
            assertThat(town.edgeCount()).as("seed %d", seed).isBetween(1000, 3000);
            assertThat(town.attribution()).isNull();
            Set<String> highways = new HashSet<>();
            int deadEnds = 0;
            for (int e = 0; e < town.edgeCount(); e++) {
                highways.add(town.edgeHighway(e));
            }
            for (int n = 0; n < town.nodeCount(); n++) {
                if (town.adjacentEdgeCount(n) == 1) {
                    deadEnds++;
                }
            }
            assertThat(highways).contains("primary", "secondary", "residential", "footway", "path");
            assertThat(deadEnds).as("dead ends").isGreaterThan(10);
            assertThat(RealExtractImportTest.reachableEdges(town)).isEqualTo(town.edgeCount());
        }
    }
}
