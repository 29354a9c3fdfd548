package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rounds demo} on free ports: the dashboard answers, coverage and round progress rise over
 * time as read through the API, and it stops cleanly without leaving threads or open ports.
 */
class DemoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void demoRunsProgressesAndStops() throws Exception {
        DemoCommand demo = new DemoCommand();
        CommandLine cli = new CommandLine(demo);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0",
                "--osmand-port", "0", "--patrollers", "3", "--speed", "400", "--dir", dir.resolve("demo").toString(),
                "--quiet"));
        assertThat(demo.running.await(120, TimeUnit.SECONDS)).as("demo started").isTrue();
        assertThat(out.toString()).contains("Rounds demo is running.").contains("admin / " + DemoCommand.DEMO_PASSWORD);
        String base = "http://127.0.0.1:" + demo.server.port();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Rounds</title>");
        String token = JSON.readTree(post(base + "/api/v1/login", "{\"username\":\"admin\",\"password\":\""
                + DemoCommand.DEMO_PASSWORD + "\"}")).get("token").asText();

        double[] covered = new double[2];
        int[] visited = new int[2];
        for (int sample = 0; sample < 2; sample++) {
            Thread.sleep(sample == 0 ? 4000 : 8000);
            JsonNode progress = JSON.readTree(get(base + "/api/v1/progress", token));
            assertThat(progress.size()).isEqualTo(3);
            for (JsonNode p : progress) {
                covered[sample] += p.get("coveredShare").asDouble() + p.get("roundsCompleted").asInt();
            }
            JsonNode coverage = JSON.readTree(get(base + "/api/v1/coverage", token));
            for (JsonNode street : coverage.get("features")) {
                if (!street.get("properties").get("last_visit").isNull()) {
                    visited[sample]++;
                }
            }
        }
        assertThat(visited[0]).as("streets visited after 4 s").isPositive();
        assertThat(visited[1]).as("streets visited later").isGreaterThan(visited[0]);
        assertThat(covered[1]).as("round progress rises").isGreaterThan(covered[0]);
        assertThat(demo.run.accepted()).isPositive();
        assertThat(JSON.readTree(get(base + "/api/v1/checkpoints", token))).as("two checkpoints a beat").hasSize(6);
        java.util.regex.Matcher phone = java.util.regex.Pattern.compile("as a patroller: (\\S+) / ").matcher(out.toString());
        assertThat(phone.find()).as(out.toString()).isTrue();
        String patroller = JSON.readTree(post(base + "/api/v1/login", "{\"username\":\"" + phone.group(1)
                + "\",\"password\":\"" + DemoCommand.DEMO_PASSWORD + "\"}")).get("token").asText();
        JsonNode myShift = JSON.readTree(get(base + "/api/v1/me/shift", patroller));
        assertThat(myShift.get("checkpoints")).hasSize(2);
        assertThat(myShift.get("round").get("legs").size()).isPositive();
        assertThat(demo.run.failed()).as("pings the server refused").isLessThanOrEqualTo(demo.run.sent() / 50);

        int port = demo.server.port();
        int osmand = demo.server.osmandPort();
        demo.stop.countDown();
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("demo stopped");
        for (int p : new int[] {port, osmand}) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("port " + p + " still answers after the demo stopped");
            } catch (ConnectException expected) {
                // closed, as it should be
            }
        }
        Thread.sleep(500);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("rounds-patrol") || name.startsWith("rounds-simulation")
                        || name.startsWith("rounds-planner") || name.startsWith("rounds-demo-scans"));

        Path report = dir.resolve("report.geojson");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        CliRun run = CliRun.of("report", "--data", dir.resolve("demo").resolve("data").toString(), "--from",
                today.minusDays(1).toString(), "--to", today.plusDays(2).toString(), "--format", "geojson", "--out",
                report.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        int reportedVisits = 0;
        for (JsonNode street : JSON.readTree(report.toFile()).get("features")) {
            reportedVisits += street.get("properties").get("visits").asInt();
        }
        assertThat(reportedVisits).as("street visits in the report of the demo's database").isPositive();
    }

    private String get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
