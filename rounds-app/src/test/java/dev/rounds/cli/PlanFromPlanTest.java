package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.BeatConnectivity;
import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rounds plan --from-plan}: on the largest extract (Monaco), one patroller more (16 → 17)
 * and 20 streets new to the plan move few streets; every street in exactly one connected beat.
 */
class PlanFromPlanTest {
    @TempDir
    Path dir;

    private static String krems() {
        return TestData.file("osm/krems-2013.osm.gz").toString();
    }

    private static String monaco() {
        return TestData.file("osm/monaco-2016.osm.pbf").toString();
    }

    @Test
    void onePatrollerMoreAndNewStreetsKeepMostStreetsInTheirBeat() throws IOException {
        Path first = dir.resolve("sixteen");
        CliRun plan = CliRun.of("plan", "--map", monaco(), "--patrollers", "16", "--out", first.toString(), "--quiet");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        // the previous plan lacks 20 streets: to the re-plan they are new streets of the map
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode streets = (ObjectNode) mapper.readTree(first.resolve("streets.geojson").toFile());
        ArrayNode features = (ArrayNode) streets.path("features");
        int[] before = new int[features.size()];
        for (int i = 0; i < before.length; i++) {
            before[i] = features.get(i).path("properties").path("beat").asInt();
        }
        for (int removed = 0, i = features.size() - 1; removed < 20; removed++, i -= features.size() / 20) {
            features.remove(i);
        }
        mapper.writeValue(first.resolve("streets.geojson").toFile(), streets);
        Path second = dir.resolve("seventeen");
        CliRun replan = CliRun.of("plan", "--map", monaco(), "--patrollers", "17", "--from-plan",
                first.resolve("plan.json").toString(), "--out", second.toString(), "--quiet");
        assertThat(replan.exitCode()).as(replan.err()).isZero();
        assertThat(replan.out()).contains("re-planned from").contains("20 new");

        StreetNetwork monaco = StreetMaps.importFile(Path.of(monaco()), Profiles.FOOT, ProgressListener.NONE).network();
        JsonNode after = mapper.readTree(second.resolve("streets.geojson").toFile()).path("features");
        assertThat(after.size()).isEqualTo(monaco.edgeCount());
        List<List<Integer>> beats = new ArrayList<>();
        for (int b = 0; b < 17; b++) {
            beats.add(new ArrayList<>());
        }
        int kept = 0;
        for (JsonNode street : after) {
            int id = street.path("properties").path("id").asInt();
            int beat = street.path("properties").path("beat").asInt(-1);
            assertThat(beat).as("street %d has a beat", id).isBetween(0, 16);
            beats.get(beat).add(id);
            kept += beat == before[id] ? 1 : 0;
        }
        BeatConnectivity connectivity = new BeatConnectivity(monaco);
        for (int b = 0; b < 17; b++) {
            int[] edges = beats.get(b).stream().mapToInt(Integer::intValue).toArray();
            assertThat(edges).as("beat %d", b).isNotEmpty();
            assertThat(connectivity.componentCount(edges)).as("beat %d connected", b).isEqualTo(1);
        }
        double share = kept / (double) monaco.edgeCount();
        System.out.printf("monaco 16 -> 17 with 20 new streets: %.1f %% of streets kept their beat%n", share * 100);
        assertThat(share).as("streets that kept their beat").isGreaterThanOrEqualTo(0.8);
        JsonNode rounds = mapper.readTree(second.resolve("rounds.geojson").toFile()).path("features");
        assertThat(rounds.size()).isEqualTo(17);
    }

    @Test
    void wrongPreviousPlansAreRefusedWithAHint() throws IOException {
        CliRun missing = CliRun.of("plan", "--map", krems(), "--patrollers", "3", "--from-plan",
                dir.resolve("nothing").toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--from-plan").contains("not found");
        Path other = dir.resolve("novi-sad");
        CliRun small = CliRun.of("plan", "--map", TestData.file("osm/novi-sad-cutout.osm.gz").toString(),
                "--patrollers", "2", "--out", other.toString(), "--quiet");
        assertThat(small.exitCode()).as(small.err()).isZero();
        CliRun otherMap = CliRun.of("plan", "--map", krems(), "--patrollers", "3", "--from-plan", other.toString(),
                "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(otherMap.exitCode()).isEqualTo(2);
        assertThat(otherMap.err()).contains("is it a plan of this map");
        CliRun target = CliRun.of("plan", "--map", krems(), "--target-rounds", "3", "--from-plan", other.toString(),
                "--out", dir.resolve("out").toString(), "--quiet");
        assertThat(target.exitCode()).isEqualTo(2);
        assertThat(target.err()).contains("--from-plan needs --patrollers");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
    }
}
