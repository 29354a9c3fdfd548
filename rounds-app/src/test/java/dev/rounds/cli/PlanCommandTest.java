package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /**
     * Krems has one-way streets: with the car profile every round (started nearest a base) drives them
     * forwards, and the round's line in rounds.geojson and its GPX track run along the streets in
     * driving order.
     */
    @Test
    void carRoundsFollowTheDrivingDirection() throws IOException {
        CliRun run = CliRun.of("plan", "--map", TestData.file("osm/krems-2013.osm.gz").toString(), "--profile", "car",
                "--patrollers", "4", "--out", dir.toString(), "--quiet", "--base", "48.4101,15.6010");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rounds are drives that obey one-way streets").contains("left out");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode streets = mapper.readTree(dir.resolve("streets.geojson").toFile()).path("features");
        JsonNode rounds = mapper.readTree(dir.resolve("rounds.geojson").toFile()).path("features");
        JsonNode plan = mapper.readTree(dir.resolve("plan.json").toFile());
        String gpx = Files.readString(dir.resolve("rounds.gpx"));
        String[] tracks = gpx.split("<trk>");
        int onewaySteps = 0;
        for (int beat = 0; beat < rounds.size(); beat++) {
            JsonNode round = rounds.get(beat);
            int node = round.path("properties").path("start_node").asInt();
            List<String> expected = new ArrayList<>();
            for (JsonNode step : round.path("properties").path("edge_sequence")) {
                JsonNode street = streets.get(step.asInt());
                JsonNode points = street.path("geometry").path("coordinates");
                boolean forward = street.path("properties").path("from").asInt() == node;
                if (street.path("properties").path("oneway").asBoolean(false)) {
                    assertThat(forward).as("beat " + beat + " drives one-way street " + step + " forwards").isTrue();
                    onewaySteps++;
                }
                if (expected.isEmpty()) {
                    expected.add(points.get(forward ? 0 : points.size() - 1).toString());
                }
                for (int i = 1; i < points.size(); i++) {
                    expected.add(points.get(forward ? i : points.size() - 1 - i).toString());
                }
                node = forward ? street.path("properties").path("to").asInt() : street.path("properties").path("from").asInt();
            }
            List<String> line = new ArrayList<>();
            round.path("geometry").path("coordinates").forEach(p -> line.add(p.toString()));
            assertThat(line).as("beat " + beat + " line in driving order").isEqualTo(expected);
            List<String> track = new ArrayList<>();
            java.util.regex.Matcher point = java.util.regex.Pattern.compile("lat=\"([^\"]+)\" lon=\"([^\"]+)\"")
                    .matcher(tracks[beat + 1]);
            while (point.find()) {
                track.add("[" + point.group(2) + "," + point.group(1) + "]");
            }
            assertThat(track).as("beat " + beat + " GPX track in driving order").isEqualTo(expected);
            double gap = plan.path("beats").get(beat).path("round_over_lower_bound").asDouble();
            assertThat(gap).as("beat " + beat + " round / lower bound").isBetween(1.0, 2.0);
        }
        assertThat(onewaySteps).as("the plan drives some one-way streets").isPositive();
        assertThat(plan.path("rules").path("speed_kmh").asDouble()).as("the car profile's speed").isEqualTo(30.0);
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
