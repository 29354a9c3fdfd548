package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.simulation.OsmAndRequest;
import dev.rounds.simulation.PatrolSimulator;
import dev.rounds.simulation.PhoneModel;
import dev.rounds.simulation.SimulatedPing;
import dev.rounds.simulation.WalkerBehaviour;
import dev.rounds.testkit.TestData;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live patrol fed through a message bus of 4 partitions ({@code pipeline.busPartitions}), in
 * the bus's wire form, ends in exactly the state the direct hand-over gives: the same street
 * traversals and round progress, for an in-order walk and for the same walk sent late, shuffled
 * and partly twice, with three patrollers' phones spread over the partitions.
 */
final class LivePatrolOverBusTest {
    private static final Instant SHIFT_START = TestServer.NOW.minus(Duration.ofHours(3));

    @TempDir
    Path folder;

    @Test
    void theBusGivesTheStateTheDirectHandOverGives() throws Exception {
        Path map = TestData.file("osm/novi-sad-cutout.osm.gz");
        StreetNetwork network = StreetMaps.importFile(map, Profiles.FOOT, ProgressListener.NONE).network();
        Map<String, List<String>> direct = walkThree(new TestServer(folder.resolve("direct"),
                ServerConfig.Pipeline.direct()), map, network);
        Map<String, List<String>> bus = walkThree(new TestServer(folder.resolve("bus"),
                new ServerConfig.Pipeline(4)), map, network);
        assertThat(direct.get("ben")).hasSizeGreaterThan(20).anySatisfy(line -> assertThat(line).startsWith("rounds "));
        assertThat(direct.remove("metrics")).isEmpty();
        List<String> busMetrics = bus.remove("metrics");
        assertThat(bus).isEqualTo(direct);
        assertThat(bus.get("cy")).isEqualTo(bus.get("ben"));
        assertThat(busMetrics).anySatisfy(line -> assertThat(line).startsWith(
                "rounds_ingest_stage_events_total{stage=\"patrol\",event=\"bus_messages_sent\"}").doesNotEndWith(" 0"));
    }

    /**
     * Plans the map, lets Ben walk beat 0 in order and Cy and Di walk it late, shuffled and partly
     * twice, and returns each one's traversals and progress (plus the bus metrics) once the live
     * patrol has processed everything.
     */
    private static Map<String, List<String>> walkThree(TestServer server, Path map, StreetNetwork network)
            throws Exception {
        try (server) {
            String admin = server.adminAuth();
            long area = server.send("POST", "/api/v1/areas?name=novi-sad-cutout.osm.gz&profile=foot", admin,
                    "application/octet-stream", Files.readAllBytes(map)).created().get("id").asLong();
            long job = server.json("POST", "/api/v1/areas/" + area + "/plans", admin, Map.of("patrollers", 8)).json()
                    .get("id").asLong();
            String planId = server.awaitPlan(job, admin).path("result").path("planId").asText();
            JsonNode sequence = server.send("GET", "/api/v1/plans/" + planId + "/rounds.geojson", admin, null, null)
                    .json().path("features").get(0).path("properties").path("edge_sequence");
            int[] round = new int[sequence.size()];
            for (int i = 0; i < round.length; i++) {
                round[i] = sequence.get(i).asInt();
            }
            assertThat(server.send("POST", "/api/v1/plans/" + planId + "/activate", admin, null, null).status())
                    .isEqualTo(200);
            List<SimulatedPing> walk = new PatrolSimulator(network, WalkerBehaviour.EXACT, phone(), 11)
                    .simulate("walk", round, LivePatrolTest.startNode(network, round), SHIFT_START.plusSeconds(60),
                            SHIFT_START.plus(Duration.ofMinutes(80))).pings();
            Map<String, Long> shifts = new java.util.LinkedHashMap<>();
            for (String name : List.of("ben", "cy", "di")) {
                TestServer.Fixture who = onBeatZero(server, admin, name);
                shifts.put(name, who.shiftId());
                List<SimulatedPing> pings = new ArrayList<>(walk.stream().map(p -> as(p, name + "-phone")).toList());
                if (!name.equals("ben")) {
                    pings.addAll(pings.subList(0, 40));
                    Collections.shuffle(pings.subList(0, pings.size() / 2), new Random(name.hashCode()));
                    Collections.reverse(pings.subList(pings.size() / 2, pings.size() / 2 + 60));
                }
                send(server, who, pings);
            }
            server.server.drainLive();
            Map<String, List<String>> state = new java.util.TreeMap<>();
            JsonNode progress = server.send("GET", "/api/v1/progress", admin, null, null).json();
            shifts.forEach((name, shift) -> {
                List<String> seen = new ArrayList<>(server.server.storage().traversalsOfShift(shift).stream()
                        .map(t -> t.streetId() + "@" + t.leftAt()).toList());
                for (JsonNode row : progress) {
                    if (row.path("shiftId").asLong() == shift) {
                        seen.add("rounds " + row.path("roundsCompleted").asInt() + ", covered "
                                + row.path("coveredShare").asDouble());
                    }
                }
                state.put(name, seen);
            });
            state.put("metrics", server.send("GET", "/metrics", null, null, null).body().lines()
                    .filter(line -> line.contains("event=\"bus_")).toList());
            return state;
        }
    }

    private static PhoneModel phone() {
        return new PhoneModel(Duration.ofSeconds(10), 3, 3, Duration.ofMinutes(2), 0, 0, 0, Duration.ofMinutes(1), 0);
    }

    private static SimulatedPing as(SimulatedPing p, String device) {
        return new SimulatedPing(device, p.fixTime(), p.deliverAt(), p.lat(), p.lon(), p.accuracyMeters(), p.speedMps(),
                p.bearingDegrees(), p.batteryPercent(), false);
    }

    private static TestServer.Fixture onBeatZero(TestServer server, String admin, String name) {
        long patroller = server.json("POST", "/api/v1/patrollers", admin, Map.of("name", name)).created().get("id").asLong();
        String token = server.json("POST", "/api/v1/devices", admin, Map.of("id", name + "-phone", "patrollerId", patroller))
                .created().get("token").asText();
        long shift = server.json("POST", "/api/v1/shifts", admin, Map.of("patrollerId", patroller, "beat", "0",
                "startsAt", SHIFT_START.toString(), "endsAt", TestServer.NOW.plus(Duration.ofHours(2)).toString()))
                .created().get("id").asLong();
        return new TestServer.Fixture(patroller, name + "-phone", token, shift);
    }

    private static void send(TestServer server, TestServer.Fixture who, List<SimulatedPing> pings) {
        for (SimulatedPing ping : pings) {
            TestServer.Answer answer = server.sendTo(URI.create(server.osmandBase() + "/?" + OsmAndRequest.query(ping,
                    who.token())), "GET", null, null, null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }
}
