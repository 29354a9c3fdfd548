package dev.rounds.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Profiles;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the car profile, one-way streets are only driven forwards.
 * <pre>
 *   1 ==== One (one-way, west to east) ==== 2
 *   |                                      |
 *   3 ------------- Two (two-way) -------- 4      (40 m south)
 * </pre>
 * A car going east is matched to One; a car going west along One's line cannot use it and the
 * matcher follows Two instead, 40 m away, rather than driving One backwards.
 */
class OnewayTest {
    private static StreetNetwork network() {
        StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.CAR, null).keepAllComponents();
        builder.node(1, Sketch.lat(40), Sketch.lon(0));
        builder.node(2, Sketch.lat(40), Sketch.lon(400));
        builder.node(3, Sketch.lat(0), Sketch.lon(0));
        builder.node(4, Sketch.lat(0), Sketch.lon(400));
        builder.way(1, new long[] {1, 2}, Map.of("highway", "residential", "name", "One", "oneway", "yes"));
        builder.way(2, new long[] {3, 4}, Map.of("highway", "residential", "name", "Two"));
        builder.way(3, new long[] {1, 3}, Map.of("highway", "residential", "name", "West"));
        builder.way(4, new long[] {2, 4}, Map.of("highway", "residential", "name", "East"));
        return builder.build().network();
    }

    private static MapMatcher carMatcher(StreetNetwork network) {
        return new MapMatcher(SpatialIndex.of(network),
                MatchSettings.defaults().withSigmaMeters(15).withMaxSpeedMetersPerSecond(50));
    }

    @Test
    void drivingWithTheOnewayUsesIt() {
        StreetNetwork network = network();
        Sketch.Walk drive = new Sketch.Walk(Duration.ofSeconds(5), 1, 0, 20, 36).to(380, 36, 50);
        MatchedPath path = carMatcher(network).match(drive.pings);
        assertThat(PathChecks.lengthOnStreet(network, path.traversals(), "One")).isCloseTo(360, org.assertj.core.data.Offset.offset(10.0));
        assertThat(path.traversals()).allSatisfy(t -> assertThat(t.direction()).isEqualTo(Direction.FORWARD));
    }

    @Test
    void drivingAgainstTheOnewayNeverUsesItBackwards() {
        StreetNetwork network = network();
        Sketch.Walk drive = new Sketch.Walk(Duration.ofSeconds(5), 1, 0, 380, 24).to(20, 24, 50);
        MatchedPath path = carMatcher(network).match(drive.pings);
        assertThat(path.traversals()).noneMatch(t -> network.edgeName(t.edge()).equals("One")
                && t.direction() == Direction.BACKWARD);
        assertThat(PathChecks.lengthOnStreet(network, path.traversals(), "Two")).isGreaterThan(300);
    }
}
