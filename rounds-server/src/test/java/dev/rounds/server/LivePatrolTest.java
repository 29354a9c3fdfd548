package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.simulation.OsmAndRequest;
import dev.rounds.simulation.PatrolSimulator;
import dev.rounds.simulation.PhoneModel;
import dev.rounds.simulation.SimulatedPatrol;
import dev.rounds.simulation.SimulatedPing;
import dev.rounds.simulation.WalkedStreet;
import dev.rounds.simulation.WalkerBehaviour;
import dev.rounds.testkit.TestData;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole live path through the real server: a real extract is uploaded and planned, the plan is
 * activated, a simulated patroller's phone sends OsmAnd requests, and the streets it really walked
 * come out covered, the round progresses, late and shuffled positions give the same result as
 * in-order ones, an SOS is raised and acknowledged, and the event stream carries it all.
 */
final class LivePatrolTest {
    static final Instant SHIFT_START = TestServer.NOW.minus(Duration.ofHours(3));

    @TempDir
    static Path dataDirectory;
    static TestServer server;
    static String admin;
    static StreetNetwork network;
    static String planId;
    static int[] round;
    static int roundStart;

    @BeforeAll
    static void planAndActivate() throws Exception {
        server = new TestServer(dataDirectory);
        admin = server.adminAuth();
        Path map = TestData.file("osm/novi-sad-cutout.osm.gz");
        network = StreetMaps.importFile(map, Profiles.FOOT, ProgressListener.NONE).network();
        TestServer.Answer upload = server.send("POST", "/api/v1/areas?name=novi-sad-cutout.osm.gz&profile=foot", admin,
                "application/octet-stream", Files.readAllBytes(map));
        long area = upload.created().get("id").asLong();
        assertThat(upload.json().get("edges").asInt()).isEqualTo(network.edgeCount());
        long job = server.json("POST", "/api/v1/areas/" + area + "/plans", admin, Map.of("patrollers", 8)).json()
                .get("id").asLong();
        JsonNode status = server.awaitPlan(job, admin);
        planId = status.path("result").path("planId").asText();
        assertThat(status.path("result").path("feasibility").path("text").asText()).contains("With 8 patrollers");
        JsonNode rounds = server.send("GET", "/api/v1/plans/" + planId + "/rounds.geojson", admin, null, null).json();
        JsonNode sequence = rounds.path("features").get(0).path("properties").path("edge_sequence");
        round = new int[sequence.size()];
        for (int i = 0; i < round.length; i++) {
            round[i] = sequence.get(i).asInt();
        }
        roundStart = startNode(network, round);
        assertThat(server.send("POST", "/api/v1/plans/" + planId + "/activate", admin, null, null).status())
                .isEqualTo(200);
    }

    /** The node a closed walk starts at: the end of its first edge that its second edge does not continue from. */
    static int startNode(StreetNetwork network, int[] walk) {
        int a = network.edgeFrom(walk[0]);
        int b = network.edgeTo(walk[0]);
        int next = walk.length > 1 ? walk[1] : walk[0];
        boolean bContinues = network.edgeFrom(next) == b || network.edgeTo(next) == b;
        return bContinues ? a : b;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static TestServer.Fixture onBeatZero(String name, String device) {
        long patroller = server.json("POST", "/api/v1/patrollers", admin, Map.of("name", name)).created().get("id").asLong();
        String token = server.json("POST", "/api/v1/devices", admin, Map.of("id", device, "patrollerId", patroller))
                .created().get("token").asText();
        long shift = server.json("POST", "/api/v1/shifts", admin, Map.of("patrollerId", patroller, "beat", "0",
                "startsAt", SHIFT_START.toString(), "endsAt", TestServer.NOW.plus(Duration.ofHours(2)).toString()))
                .created().get("id").asLong();
        return new TestServer.Fixture(patroller, device, token, shift);
    }

    static SimulatedPatrol walk(String device, long seed, Duration length) {
        PhoneModel phone = new PhoneModel(Duration.ofSeconds(10), 3, 3, Duration.ofMinutes(2), 0, 0, 0,
                Duration.ofMinutes(1), 0);
        return new PatrolSimulator(network, WalkerBehaviour.EXACT, phone, seed)
                .simulate(device, round, roundStart, SHIFT_START.plusSeconds(60), SHIFT_START.plus(length));
    }

    static void send(TestServer.Fixture who, List<SimulatedPing> pings) {
        for (SimulatedPing ping : pings) {
            String query = OsmAndRequest.query(ping, who.token());
            TestServer.Answer answer = server.sendTo(URI.create(server.osmandBase() + "/?" + query), "GET", null, null, null);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        server.server.patrol().drain();
    }

    @Test
    void walkedStreetsAreCoveredAndTheRoundProgresses() {
        TestServer.Fixture ana = onBeatZero("Ana", "ana-phone");
        SimulatedPatrol patrol = walk("ana-phone", 7, Duration.ofMinutes(170));
        send(ana, patrol.pings());
        Set<Integer> walked = new HashSet<>();
        for (WalkedStreet w : patrol.walked()) {
            if (w.exit().isBefore(TestServer.NOW.minus(Duration.ofMinutes(15)))) {
                walked.add(w.edge());
            }
        }
        JsonNode coverage = server.send("GET", "/api/v1/coverage?from=" + SHIFT_START, admin, null, null).json();
        assertThat(coverage.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        Set<Integer> covered = new HashSet<>();
        for (JsonNode street : coverage.path("features")) {
            if (street.path("properties").path("visits").asInt() > 0) {
                covered.add(street.path("properties").path("id").asInt());
            }
        }
        Set<Integer> found = new HashSet<>(walked);
        found.retainAll(covered);
        assertThat((double) found.size() / walked.size()).as("walked streets that count as covered").isGreaterThan(0.9);
        Set<Integer> extra = new HashSet<>(covered);
        extra.removeAll(new HashSet<>(patrol.walked().stream().map(WalkedStreet::edge).toList()));
        assertThat(extra.size()).as("covered streets that were not walked").isLessThanOrEqualTo(covered.size() / 10);

        JsonNode progress = server.send("GET", "/api/v1/progress", admin, null, null).json();
        JsonNode mine = find(progress, ana.shiftId());
        double roundMinutes = server.send("GET", "/api/v1/plans/" + planId, admin, null, null).json()
                .path("beats").get(0).path("roundMinutes").asDouble();
        int expectedRounds = (int) Math.floor(150 / (roundMinutes * 4 / 4.32));
        assertThat(mine.path("roundsCompleted").asInt()).as("rounds in 170 min of a %.0f min round", roundMinutes)
                .isGreaterThanOrEqualTo(Math.max(1, expectedRounds - 1));
        JsonNode state = server.send("GET", "/api/v1/live/state", admin, null, null).json();
        assertThat(state.path("streets").path("features").size()).isEqualTo(network.edgeCount());
        assertThat(state.path("patrollers").toString()).contains("Ana");
    }

    @Test
    void lateShuffledAndRepeatedPositionsEndInTheSameState() {
        TestServer.Fixture inOrder = onBeatZero("Ben", "ben-phone");
        TestServer.Fixture shuffled = onBeatZero("Cy", "cy-phone");
        SimulatedPatrol patrol = walk("ben-phone", 11, Duration.ofMinutes(80));
        send(inOrder, patrol.pings());
        List<SimulatedPing> late = new ArrayList<>();
        for (SimulatedPing p : patrol.pings()) {
            late.add(new SimulatedPing("cy-phone", p.fixTime(), p.deliverAt(), p.lat(), p.lon(), p.accuracyMeters(),
                    p.speedMps(), p.bearingDegrees(), p.batteryPercent(), false));
        }
        late.addAll(late.subList(0, 40));
        Collections.shuffle(late.subList(0, late.size() / 2), new Random(3));
        Collections.reverse(late.subList(late.size() / 2, late.size() / 2 + 60));
        send(shuffled, late);
        JsonNode progress = server.send("GET", "/api/v1/progress", admin, null, null).json();
        JsonNode a = find(progress, inOrder.shiftId());
        JsonNode b = find(progress, shuffled.shiftId());
        assertThat(b.path("roundsCompleted").asInt()).isEqualTo(a.path("roundsCompleted").asInt());
        assertThat(b.path("coveredShare").asDouble()).isEqualTo(a.path("coveredShare").asDouble());
        assertThat(server.server.storage().traversalsOfShift(shuffled.shiftId())).extracting(t -> t.streetId() + "@" + t.leftAt())
                .containsExactlyElementsOf(server.server.storage().traversalsOfShift(inOrder.shiftId()).stream()
                        .map(t -> t.streetId() + "@" + t.leftAt()).toList());
        assertThat(server.server.patrol().counters().get("rematches")).isPositive();
    }

    @Test
    void sosIsRaisedStreamedAndAcknowledged() throws Exception {
        TestServer.Fixture dee = onBeatZero("Dee", "dee-phone");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/live/events"))
                .header("Authorization", admin).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> alertEvent = CompletableFuture.supplyAsync(() -> readUntil(stream.body(), "event: alert"));
        SimulatedPatrol patrol = walk("dee-phone", 5, Duration.ofMinutes(3));
        List<SimulatedPing> pings = new ArrayList<>(patrol.pings());
        SimulatedPing last = pings.remove(pings.size() - 1);
        pings.add(new SimulatedPing(last.deviceId(), last.fixTime(), last.deliverAt(), last.lat(), last.lon(),
                last.accuracyMeters(), 0, 0, 50, true));
        send(dee, pings);
        String data = alertEvent.get(20, TimeUnit.SECONDS);
        assertThat(data).contains("\"kind\":\"SOS\"").contains("Dee");
        stream.body().close();
        JsonNode alerts = server.send("GET", "/api/v1/alerts", admin, null, null).json();
        JsonNode sos = null;
        for (JsonNode alert : alerts) {
            if (alert.path("kind").asText().equals("SOS") && alert.path("patrollerName").asText().equals("Dee")) {
                sos = alert;
            }
        }
        assertThat(sos).as(alerts.toString()).isNotNull();
        assertThat(sos.path("priority").asInt()).isZero();
        assertThat(sos.path("lat").asDouble()).isCloseTo(last.lat(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(server.json("POST", "/api/v1/alerts/" + sos.path("id").asLong() + "/ack", admin, Map.of("comment", "")).status())
                .isEqualTo(400);
        assertThat(server.json("POST", "/api/v1/alerts/" + sos.path("id").asLong() + "/ack", admin,
                Map.of("comment", "called Dee, all fine")).status()).isEqualTo(200);
        String open = server.send("GET", "/api/v1/alerts", admin, null, null).body();
        assertThat(open).doesNotContain("\"id\":" + sos.path("id").asLong() + ",");
    }

    @Test
    void reportsOverStoredDataAgreeWithTheStoredTraversals() throws Exception {
        TestServer.Fixture eve = onBeatZero("Eve", "eve-phone");
        send(eve, walk("eve-phone", 13, Duration.ofMinutes(60)).pings());
        String period = "from=" + SHIFT_START.minus(Duration.ofHours(1)) + "&to=" + TestServer.NOW.plus(Duration.ofHours(1));
        JsonNode report = server.send("GET", "/api/v1/reports?" + period + "&format=geojson&patroller="
                + eve.patrollerId(), admin, null, null).json();
        int reported = 0;
        for (JsonNode street : report.path("features")) {
            reported += street.path("properties").path("visits").asInt();
        }
        long stored = server.server.storage().traversalsOfShift(eve.shiftId()).size();
        assertThat(stored).isPositive();
        assertThat(reported).as("visits in the report against traversals stored for Eve's shift").isEqualTo((int) stored);
        assertThat(report.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        assertThat(report.path("patroller").asText()).isEqualTo(Long.toString(eve.patrollerId()));
        assertThat(report.path("patroller_name").asText()).as("the stored name, not the id").isEqualTo("Eve");
        assertThat(server.send("GET", "/api/v1/reports?" + period + "&format=html", admin, null, null).body())
                .contains("<td>Eve</td>").doesNotContain("<td>" + eve.patrollerId() + "</td>");
        TestServer.Answer pdf = server.send("GET", "/api/v1/reports?" + period + "&format=pdf", admin, null, null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(server.send("GET", "/api/v1/reports?" + period + "&format=doc", admin, null, null).status())
                .isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/reports?from=yesterday&to=today", admin, null, null).status())
                .isEqualTo(400);
    }

    private static String readUntil(InputStream body, String marker) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean seen = false;
            for (String line; (line = reader.readLine()) != null; ) {
                if (seen && line.startsWith("data:") && line.contains("SOS")) {
                    return line;
                }
                seen = line.equals(marker) || (seen && !line.isEmpty());
            }
            return "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static JsonNode find(JsonNode progress, long shiftId) {
        for (JsonNode p : progress) {
            if (p.path("shiftId").asText().equals(Long.toString(shiftId))) {
                return p;
            }
        }
        throw new AssertionError("no progress for shift " + shiftId + " in " + progress);
    }
}
