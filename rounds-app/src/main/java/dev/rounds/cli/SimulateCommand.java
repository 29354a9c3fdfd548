package dev.rounds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.simulation.PatrolRun;
import dev.rounds.simulation.PatrolSimulator;
import dev.rounds.simulation.PhoneModel;
import dev.rounds.simulation.SimulatedPatrol;
import dev.rounds.simulation.SimulationClock;
import dev.rounds.simulation.WalkerBehaviour;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rounds simulate}: virtual patrollers walk the active plan's rounds against a running
 * server, sending exactly what the Traccar Client app sends (OsmAnd requests), faster than real
 * time if asked. The server must run with the same speed ({@code rounds serve --clock-speed X}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate patrollers walking the active plan's rounds against a running server.",
            "The map options must name the map the server's active plan was made on.",
            "Example: rounds serve --clock-speed 60 &  then",
            "         rounds simulate --server http://127.0.0.1:8082 --generate-town --speed 60"})
final class SimulateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    MapSource source;

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8082", description = "the server (default: ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--user", defaultValue = "admin", description = "a supervisor or admin (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", description = "the user's password (default: environment ROUNDS_PASSWORD)")
    String password;

    @Option(names = "--speed", defaultValue = "1", description = "times faster than real time; the server's "
            + "--clock-speed must be the same (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--hours", defaultValue = "8", description = "length of the simulated shift (default: ${DEFAULT-VALUE})")
    double hours;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Option(names = "--verbose", description = "show stack traces of failures")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    final CountDownLatch stop = new CountDownLatch(1);
    /** Released when the simulation has stopped and printed its last line. */
    final CountDownLatch finished = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(hours > 0 && hours <= 24)) {
            throw new UserInputException("--hours must be more than 0 and at most 24, got " + hours);
        }
        login();
        JsonNode state = request("GET", "/api/v1/live/state", null);
        String planId = state.path("plan").path("id").asText();
        StreetNetwork network = source.load(ProgressListener.NONE).network();
        int streets = state.path("streets").path("features").size();
        if (streets != network.edgeCount()) {
            throw new UserInputException("the map given has " + network.edgeCount() + " streets but the active plan "
                    + planId + " has " + streets + ": give the map the plan was made on");
        }
        Instant serverNow = Instant.ofEpochMilli(state.path("now").asLong());
        SimulationClock clock = new SimulationClock(Clock.systemUTC(), serverNow, speed);
        Instant start = serverNow.plusSeconds(5);
        Instant end = start.plus(Duration.ofMillis(Math.round(hours * 3_600_000)));
        JsonNode rounds = request("GET", "/api/v1/plans/" + planId + "/rounds.geojson", null);
        List<SimulatedPatrol> patrols = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        String run = Long.toString(serverNow.getEpochSecond(), 36);
        for (JsonNode feature : rounds.path("features")) {
            int beat = feature.path("properties").path("beat").asInt();
            int[] walk = edges(feature.path("properties").path("edge_sequence"));
            String device = "sim-" + run + "-" + beat;
            keys.put(device, enrol(beat, device, start, end));
            patrols.add(new PatrolSimulator(network, WalkerBehaviour.ON_FOOT, PhoneModel.TYPICAL, source.seed * 1000 + beat)
                    .simulate(device, walk, feature.path("properties").path("start_node").asInt(), start, end));
        }
        String osmand = request("GET", "/api/v1/setup", null).path("osmandUrl").asText();
        try (PatrolRun patrolRun = new PatrolRun(patrols, clock, new OsmAndHttpSender(osmand, keys)).start(200)) {
            out.printf("rounds: %d patrollers walking plan %s, sending to %s at %.0fx; Ctrl-C stops%n", patrols.size(),
                    planId, osmand, speed);
            out.flush();
            StopOnSignal signal = new StopOnSignal("rounds-simulate-stop", stop, finished);
            try {
                while (!stop.await(10, TimeUnit.SECONDS) && patrolRun.remaining() > 0) {
                    if (!quiet) {
                        out.printf("  sent %d, accepted %d, failed %d, %d to go%n", patrolRun.sent(),
                                patrolRun.accepted(), patrolRun.failed(), patrolRun.remaining());
                        out.flush();
                    }
                }
            } finally {
                signal.close();
            }
            out.printf("rounds: simulation ended: sent %d, accepted %d%n", patrolRun.sent(), patrolRun.accepted());
            out.flush();
        } finally {
            finished.countDown();
        }
        return 0;
    }

    private void login() throws Exception {
        String secret = password != null ? password : System.getenv("ROUNDS_PASSWORD");
        if (secret == null) {
            throw new UserInputException("give the password with --password or the environment variable ROUNDS_PASSWORD");
        }
        Map<String, String> body = Map.of("username", user, "password", secret);
        token = request("POST", "/api/v1/login", JSON.writeValueAsString(body)).path("token").asText();
    }

    private String enrol(int beat, String device, Instant start, Instant end) throws Exception {
        long patroller = request("POST", "/api/v1/patrollers",
                JSON.writeValueAsString(Map.of("name", "Simulated " + beat))).path("id").asLong();
        String key = request("POST", "/api/v1/devices",
                JSON.writeValueAsString(Map.of("id", device, "patrollerId", patroller))).path("token").asText();
        request("POST", "/api/v1/shifts", JSON.writeValueAsString(Map.of("patrollerId", patroller,
                "beat", Integer.toString(beat), "startsAt", start.toString(), "endsAt", end.toString())));
        return key;
    }

    private JsonNode request(String method, String path, String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new UserInputException("no Rounds server answers at " + server + "; start one with 'rounds serve' "
                    + "or give --server");
        }
        if (response.statusCode() >= 300) {
            JsonNode error = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
            throw new UserInputException(method + " " + path + " answered " + response.statusCode() + ": "
                    + error.path("message").asText(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static int[] edges(JsonNode sequence) {
        int[] edges = new int[sequence.size()];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = sequence.get(i).asInt();
        }
        return edges;
    }
}
