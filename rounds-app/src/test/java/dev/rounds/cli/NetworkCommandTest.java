package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rounds network} end to end: files written, summary printed, errors as one line with exit code 2. */
class NetworkCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatedTownIsWrittenAsGeoJson() throws IOException {
        Path out = dir.resolve("town.geojson");
        CliRun run = CliRun.of("network", "--generate-town", "--seed", "3", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.path("type").asText()).isEqualTo("FeatureCollection");
        int features = json.path("features").size();
        assertThat(features).isBetween(1000, 3000);
        assertThat(run.out()).contains("edges " + String.format(java.util.Locale.ROOT, "%,d", features));
        JsonNode first = json.path("features").get(0);
        assertThat(first.path("geometry").path("type").asText()).isEqualTo("LineString");
        for (String property : new String[] {"id", "from", "to", "osm_way_id", "name", "highway", "length_m"}) {
            assertThat(first.path("properties").has(property)).as(property).isTrue();
        }
        assertThat(json.has("attribution")).as("generated data is not OSM data").isFalse();
    }

    @Test
    void osmExtractCarriesTheAttributionAndTheSummary() throws IOException {
        Path out = dir.resolve("krems.geojson");
        CliRun run = CliRun.of("network", "--map", TestData.file("osm/krems-2013.osm.gz").toString(),
                "--profile", "car", "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        double sumKm = 0;
        for (JsonNode f : json.path("features")) {
            sumKm += f.path("properties").path("length_m").asDouble() / 1000;
        }
        assertThat(run.out()).contains("profile car").contains("map data © OpenStreetMap contributors")
                .contains(String.format(java.util.Locale.ROOT, "streets %.2f km", sumKm).substring(0, 12))
                .contains("a car cannot drive there and back");
    }

    @Test
    void missingFileIsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.of("network", "--map", dir.resolve("absent.osm.pbf").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(errorLines(run)).hasSize(1).allMatch(l -> l.startsWith("rounds: map file not found:"));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void corruptFileIsOneLineUnlessVerbose() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.osm.pbf"), "not a pbf");
        CliRun run = CliRun.of("network", "--map", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(errorLines(run)).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ");
        CliRun verbose = CliRun.of("network", "--map", bad.toString(), "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).contains("MapReadException").contains("\tat ");
    }

    /** Lines of standard error that are not progress output. */
    private static java.util.List<String> errorLines(CliRun run) {
        return run.err().lines().filter(l -> l.startsWith("rounds:")).toList();
    }

    @Test
    void unknownProfileAndMissingMapAreExplained() {
        CliRun profile = CliRun.of("network", "--generate-town", "--profile", "bike");
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.err()).contains("unknown profile 'bike', choose one of: car, foot");
        CliRun noMap = CliRun.of("network");
        assertThat(noMap.exitCode()).isEqualTo(2);
        assertThat(noMap.err()).contains("--map FILE").contains("--generate-town");
    }

    @Test
    void everyCommandHasHelp() {
        CliRun top = CliRun.of("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("network");
        for (String command : RoundsCommand.commandLine().getSubcommands().keySet()) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage:");
        }
    }
}
