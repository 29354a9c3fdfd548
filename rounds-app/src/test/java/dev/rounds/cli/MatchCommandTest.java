package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rounds match} end to end: GPX and CSV traces, GeoJSON output with network ids, bad input as one line and exit 2. */
class MatchCommandTest {
    private static final String CSV_HEADER = "lat,lon,time,accuracy\n";
    @TempDir
    Path dir;

    private static String map() {
        return TestData.file("osm/novi-sad-cutout.osm.gz").toString();
    }

    @Test
    void gpxTraceIsMatchedWithIdsOfRoundsNetwork() throws IOException {
        Path out = dir.resolve("matched.geojson");
        CliRun run = CliRun.of("match", "--map", map(), "--trace",
                TestData.file("traces/novi-sad-cutout.gpx").toString(), "--sigma-m", "10", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("parts 1").contains("map data © OpenStreetMap contributors");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        assertThat(json.path("summary").path("pings_total").asInt()).isEqualTo(17);
        assertThat(json.path("summary").path("parts").asInt()).isEqualTo(1);
        JsonNode features = json.path("features");
        assertThat(features.size()).isPositive();

        Path streets = dir.resolve("streets.geojson");
        assertThat(CliRun.of("network", "--map", map(), "--out", streets.toString(), "--quiet").exitCode()).isZero();
        JsonNode network = new ObjectMapper().readTree(streets.toFile()).path("features");
        double sum = 0;
        for (JsonNode f : features) {
            JsonNode p = f.path("properties");
            JsonNode street = network.get(p.path("edge").asInt()).path("properties");
            assertThat(street.path("id").asInt()).isEqualTo(p.path("edge").asInt());
            assertThat(p.path("name").asText()).isEqualTo(street.path("name").asText());
            assertThat(p.path("share").asDouble()).isBetween(0.0, 1.0);
            assertThat(p.path("entry_time").asText()).isLessThanOrEqualTo(p.path("exit_time").asText());
            assertThat(f.path("geometry").path("coordinates").size()).isGreaterThanOrEqualTo(2);
            sum += p.path("length_m").asDouble();
        }
        assertThat(json.path("summary").path("matched_length_m").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void csvTraceWithAccuracyIsMatched() throws IOException {
        Path trace = dir.resolve("walk.csv");
        Files.writeString(trace, CSV_HEADER + gpxAsCsv());
        CliRun run = CliRun.of("match", "--map", map(), "--trace", trace.toString(), "--out",
                dir.resolve("m.geojson").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pings 17: used 17");
    }

    @Test
    void emptyTraceIsRefused() throws IOException {
        assertRefused(CSV_HEADER, "has no points");
    }

    @Test
    void nonNumericFieldIsRefusedWithItsLine() throws IOException {
        assertRefused(CSV_HEADER + "45.25,19.84,2016-11-01T10:00:00Z\n45.x,19.84,2016-11-01T10:01:00Z\n",
                "line 3: latitude '45.x' is not a number");
    }

    @Test
    void timeGoingBackwardsIsRefused() throws IOException {
        assertRefused(CSV_HEADER + "45.25,19.84,2016-11-01T10:05:00Z\n45.25,19.84,2016-11-01T10:01:00Z\n",
                "time goes backwards at ping 2");
    }

    @Test
    void pingsOutsideTheMapAreRefused() throws IOException {
        assertRefused(CSV_HEADER + "10.0,10.0,2016-11-01T10:00:00Z\n10.001,10.0,2016-11-01T10:01:00Z\n",
                "lies near a street");
    }

    @Test
    void gpxWithoutTimesIsRefused() throws IOException {
        Path trace = dir.resolve("drawn.gpx");
        Files.writeString(trace, "<gpx><trk><trkseg><trkpt lat=\"45.25\" lon=\"19.84\"/></trkseg></trk></gpx>");
        CliRun run = CliRun.of("match", "--map", map(), "--trace", trace.toString(), "--out", dir.resolve("m.geojson").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(errorLines(run)).singleElement().asString().contains("point 1: no <time>");
    }

    private void assertRefused(String csv, String expected) throws IOException {
        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, csv);
        CliRun run = CliRun.of("match", "--map", map(), "--trace", trace.toString(), "--out", dir.resolve("m.geojson").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(errorLines(run)).singleElement().asString().startsWith("rounds: ").contains(expected);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("m.geojson")).doesNotExist();
    }

    private static List<String> errorLines(CliRun run) {
        return Arrays.stream(run.err().split("\n")).filter(l -> !l.isBlank()).toList();
    }

    private static String gpxAsCsv() throws IOException {
        String gpx = Files.readString(TestData.file("traces/novi-sad-cutout.gpx"));
        StringBuilder csv = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\"[^<]*>\\s*(?:<ele>[^<]*</ele>\\s*)?<time>([^<]+)</time>").matcher(gpx);
        while (m.find()) {
            csv.append(m.group(1)).append(',').append(m.group(2)).append(',').append(m.group(3)).append(",8\n");
        }
        return csv.toString();
    }
}
