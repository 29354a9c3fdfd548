package dev.rounds.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad traces are refused with messages that say where and what, never with a bare exception. */
class BadInputTest {
    private static final Instant T = Instant.parse("2026-01-01T08:00:00Z");

    private static MapMatcher matcher() {
        return new Sketch().node(1, 0, 0).node(2, 300, 0).street("Main", 1, 2).matcher();
    }

    @Test
    void emptyTraceIsRefused() {
        assertThatThrownBy(() -> matcher().match(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the trace is empty");
    }

    @Test
    void timeGoingBackwardsNamesThePing() {
        List<Ping> pings = List.of(Ping.of(Sketch.lat(0), Sketch.lon(0), T),
                Ping.of(Sketch.lat(0), Sketch.lon(20), T.plusSeconds(10)),
                Ping.of(Sketch.lat(0), Sketch.lon(40), T.plusSeconds(5)));
        assertThatThrownBy(() -> matcher().match(pings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time goes backwards at ping 3");
    }

    @Test
    void pingsOutsideTheMapAreAllSkippedAndCounted() {
        List<Ping> pings = List.of(Ping.of(10, 10, T), Ping.of(10.001, 10, T.plusSeconds(10)));
        MatchedPath path = matcher().match(pings);
        assertThat(path.traversals()).isEmpty();
        assertThat(path.summary().pingsFarFromStreets()).isEqualTo(2);
        assertThat(path.summary().pingsUsed()).isZero();
        assertThat(path.summary().parts()).isZero();
    }

    @Test
    void aSinglePingIsOnePartWithoutTraversals() {
        MatchedPath path = matcher().match(List.of(Ping.of(Sketch.lat(2), Sketch.lon(100), T)));
        assertThat(path.traversals()).isEmpty();
        assertThat(path.summary().pingsUsed()).isEqualTo(1);
        assertThat(path.summary().parts()).isEqualTo(1);
    }

    @Test
    void impossiblePositionsAndAccuraciesAreRefused() {
        assertThatThrownBy(() -> Ping.of(91, 0, T)).hasMessageContaining("latitude must be within -90..90");
        assertThatThrownBy(() -> new Ping(45, 19, T, -3)).hasMessageContaining("accuracy must be a positive");
        assertThatThrownBy(() -> Ping.of(45, 19, null)).hasMessageContaining("a ping needs a time");
    }

    @Test
    void csvFieldsThatAreNotNumbersNameTheLineAndField() {
        assertThatThrownBy(() -> csv("lat,lon,time\n45.1,19.2,2026-01-01T08:00:00Z\n45.1,abc,2026-01-01T08:00:10Z\n"))
                .isInstanceOf(TraceFormatException.class).hasMessage("walk.csv line 3: longitude 'abc' is not a number");
        assertThatThrownBy(() -> csv("45.1,19.2,yesterday\n"))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("line 1: time 'yesterday' is neither");
        assertThatThrownBy(() -> csv("45.1,19.2\n"))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("expected lat,lon,time[,accuracy]");
        assertThatThrownBy(() -> csv("95.1,19.2,0\n"))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("line 1: not a position");
    }

    @Test
    void csvReadsIsoAndEpochTimesAndAccuracy() throws Exception {
        List<Ping> pings = csv("lat,lon,time,accuracy\n45.1,19.2,2026-01-01T08:00:00Z,7.5\n45.2,19.3,1767254410\n");
        assertThat(pings).hasSize(2);
        assertThat(pings.get(0).accuracyMeters()).isEqualTo(7.5);
        assertThat(pings.get(1).hasAccuracy()).isFalse();
        assertThat(pings.get(1).time()).isEqualTo(Instant.ofEpochSecond(1767254410));
    }

    @Test
    void gpxWithoutTimesOrBrokenXmlIsRefused() {
        assertThatThrownBy(() -> gpx("<gpx><trk><trkseg><trkpt lat=\"45\" lon=\"19\"></trkpt></trkseg></trk></gpx>"))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("point 1: no <time>");
        assertThatThrownBy(() -> gpx("<gpx><trk><trkpt lat=\"45\" lon=\"19\"><time>2026"))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("is not valid GPX");
    }

    private static List<Ping> csv(String text) throws java.io.IOException {
        return TraceFiles.readCsv(new StringReader(text), "walk.csv");
    }

    private static List<Ping> gpx(String text) {
        return TraceFiles.readGpx(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "walk.gpx");
    }
}
