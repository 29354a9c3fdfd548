package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rounds plan} end to end on a small real extract: the five files, the table, bad input. */
class PlanCommandTest {
    @TempDir
    Path dir;

    private static String noviSad() {
        return TestData.file("osm/novi-sad-cutout.osm.gz").toString();
    }

    @Test
    void writesStreetsBeatsRoundsGpxAndPlan() throws IOException {
        CliRun run = CliRun.of("plan", "--map", noviSad(), "--patrollers", "3", "--out", dir.toString(), "--quiet",
                "--base", "45.2445,19.7071");
        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode streets = mapper.readTree(dir.resolve("streets.geojson").toFile());
        JsonNode beats = mapper.readTree(dir.resolve("beats.geojson").toFile());
        JsonNode rounds = mapper.readTree(dir.resolve("rounds.geojson").toFile());
        JsonNode plan = mapper.readTree(dir.resolve("plan.json").toFile());
        String gpx = Files.readString(dir.resolve("rounds.gpx"));
        for (JsonNode collection : new JsonNode[] {streets, beats, rounds, plan}) {
            assertThat(collection.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        }
        assertThat(gpx).contains("© OpenStreetMap contributors").contains("<trk>");
        assertThat(beats.path("features").size()).isEqualTo(3);
        assertThat(rounds.path("features").size()).isEqualTo(3);
        assertThat(plan.path("beats").size()).isEqualTo(3);
        Set<Integer> coveredByRounds = new HashSet<>();
        for (JsonNode round : rounds.path("features")) {
            round.path("properties").path("edge_sequence").forEach(e -> coveredByRounds.add(e.asInt()));
            assertThat(round.path("properties").path("minutes").asDouble()).isPositive();
            int first = round.path("properties").path("edge_sequence").get(0).asInt();
            JsonNode firstStreet = streets.path("features").get(first).path("properties");
            assertThat(round.path("properties").path("start_node").asInt()).as("the round starts at an end of its first street")
                    .isIn(firstStreet.path("from").asInt(), firstStreet.path("to").asInt());
        }
        for (JsonNode street : streets.path("features")) {
            int beat = street.path("properties").path("beat").asInt(-1);
            assertThat(beat).isBetween(0, 2);
            assertThat(coveredByRounds).contains(street.path("properties").path("id").asInt());
        }
        assertThat(plan.path("beats").get(0).path("approach_m").isNumber()).isTrue();
        assertThat(plan.path("beats").get(0).path("compactness").asDouble(-1)).isBetween(0.0, 1.0);
        assertThat(plan.path("min_compactness").asDouble(-1)).isBetween(0.0, plan.path("mean_compactness").asDouble());
        double longest = plan.path("longest_round_m").asDouble();
        assertThat(plan.path("lower_bound_longest_round_m").asDouble()).isLessThanOrEqualTo(longest);
        assertThat(plan.path("balance").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(run.out()).contains("beat").contains("round km").contains("balance").contains("wrote");
    }

    @Test
    void targetFindsTheFewestPatrollers() throws IOException {
        CliRun run = CliRun.of("plan", "--map", noviSad(), "--target-rounds", "6", "--out", dir.toString(),
                "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(dir.resolve("plan.json").toFile());
        JsonNode feasibility = plan.path("feasibility");
        assertThat(feasibility.path("meets").asBoolean()).isTrue();
        assertThat(feasibility.path("rounds_per_shift").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(plan.path("patrollers").asInt()).isEqualTo(feasibility.path("patrollers").asInt());
        assertThat(run.out()).contains("6 rounds a shift can be done with");
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        String[][] cases = {
            {"--patrollers", "0"},
            {"--patrollers", "100000"},
            {"--patrollers", "2", "--base", "10,10"},
            {"--patrollers", "2", "--base", "north"},
            {"--target-rounds", "100000"},
            {"--patrollers", "2", "--available", "1.5"},
        };
        for (String[] args : cases) {
            String[] full = new String[args.length + 4];
            full[0] = "plan";
            full[1] = "--map";
            full[2] = noviSad();
            System.arraycopy(args, 0, full, 3, args.length);
            full[full.length - 1] = "--out=" + dir.resolve("bad");
            CliRun run = CliRun.of(full);
            String context = String.join(" ", args) + ": " + run.err();
            assertThat(run.exitCode()).as(context).isEqualTo(2);
            assertThat(run.err().lines().filter(l -> l.startsWith("rounds:")).count()).as(context).isEqualTo(1);
            assertThat(run.err()).as(context).doesNotContain("\tat ");
        }
        assertThat(Files.exists(dir.resolve("bad"))).isFalse();
        CliRun impossible = CliRun.of("plan", "--map", noviSad(), "--target-rounds", "100000", "--out",
                dir.toString());
        assertThat(impossible.err()).contains("cannot be done by any number of patrollers");
        CliRun both = CliRun.of("plan", "--map", noviSad(), "--patrollers", "2", "--target-rounds", "3", "--out",
                dir.toString());
        assertThat(both.exitCode()).isEqualTo(2);
    }
}
