package dev.rounds.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.network.Earth;
import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The recorded and drawn traces of the shared data match onto their cut-outs as one continuous route. */
class RealTraceTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "traces/novi-sad-cutout.gpx, osm/novi-sad-cutout.osm.gz",
        "traces/istanbul-cutout.gpx, osm/istanbul-cutout.osm.gz",
        "traces/andorra-drawn.gpx, osm/andorra-2013.osm.pbf"})
    void matchesAsOneContinuousRouteAlongTheTrace(String trace, String map) throws IOException {
        StreetNetwork network = StreetMaps.importFile(TestData.file(map), Profiles.FOOT, ProgressListener.NONE).network();
        List<Ping> pings = pings(TestData.file(trace));
        MatchedPath path = new MapMatcher(SpatialIndex.of(network), MatchSettings.defaults()).match(pings);

        assertThat(path.summary().parts()).as("parts").isEqualTo(1);
        assertThat(path.summary().pingsSkipped()).as("skipped pings").isLessThanOrEqualTo(pings.size() / 10);
        PathChecks.assertContinuous(network, path.traversals());
        double traceLength = polylineLength(pings);
        assertThat(path.summary().matchedLengthMeters()).as("matched length vs trace length %.0f m", traceLength)
                .isBetween(0.8 * traceLength, 1.25 * traceLength);
        for (Ping ping : pings) {
            assertThat(distanceToRoute(network, path.traversals(), ping)).as("ping %s to the matched route", ping)
                    .isLessThan(40);
        }
    }

    /**
     * The GPX points; where the file has no times (the drawn trace) or all times are equal (the
     * Istanbul trace), times are taken as a walk at 1.4 m/s along the points, as the trace was drawn
     * or recorded at walking pace. Files with real, distinct times keep them.
     */
    private static List<Ping> pings(Path gpx) throws IOException {
        String text = Files.readString(gpx);
        if (text.contains("<time>") && distinctTimes(text) > 1) {
            try (InputStream in = Files.newInputStream(gpx)) {
                return TraceFiles.readGpx(in, gpx.toString());
            }
        }
        Matcher m = Pattern.compile("<trkpt lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\"").matcher(text);
        List<Ping> pings = new ArrayList<>();
        Instant time = Instant.parse("2026-01-01T08:00:00Z");
        while (m.find()) {
            double lat = Double.parseDouble(m.group(1));
            double lon = Double.parseDouble(m.group(2));
            if (!pings.isEmpty()) {
                Ping last = pings.get(pings.size() - 1);
                time = time.plusMillis(Math.round(1000 * Earth.distanceMeters(last.lat(), last.lon(), lat, lon) / 1.4));
            }
            pings.add(Ping.of(lat, lon, time));
        }
        assertThat(pings).as("points in " + gpx).isNotEmpty();
        return pings;
    }

    private static long distinctTimes(String text) {
        return Pattern.compile("<time>([^<]+)</time>").matcher(text).results().map(r -> r.group(1)).distinct().count();
    }

    private static double polylineLength(List<Ping> pings) {
        double sum = 0;
        for (int i = 1; i < pings.size(); i++) {
            sum += Earth.distanceMeters(pings.get(i - 1).lat(), pings.get(i - 1).lon(), pings.get(i).lat(), pings.get(i).lon());
        }
        return sum;
    }

    /** Distance from the ping to the nearest geometry point of a traversed edge (edges are short in cut-outs). */
    private static double distanceToRoute(StreetNetwork network, List<Traversal> traversals, Ping ping) {
        StreetNetwork.Subnetwork walked = network.subnetwork(traversals.stream().mapToInt(Traversal::edge).distinct().toArray());
        var nearest = SpatialIndex.of(walked.network()).nearest(ping.lat(), ping.lon(), 10_000);
        return nearest == null ? Double.POSITIVE_INFINITY : nearest.distanceMeters();
    }
}
