package dev.rounds.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page on thousands of streets (Monaco, about 5,000): it draws them all, and while a phone
 * reports and the server's clock ticks every second, each recolouring pass restyles only the streets
 * whose colour class changed, stays short, and the page has no long task that would make it stall.
 */
final class LargeAreaLiveTest {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final Path MAP = TestData.file("osm/monaco-2016.osm.pbf");

    @TempDir
    static Path dataDirectory;

    @Test
    void thousandsOfStreetsAreDrawnAndRecolouredWithoutStalling() throws Exception {
        try (Chromium chromium = Chromium.launch(); LiveServer server = new LiveServer(dataDirectory, NOW)) {
            String admin = server.login("admin", LiveServer.ADMIN_PASSWORD);
            JsonNode area = server.upload(MAP, admin);
            int streets = area.path("edges").asInt();
            assertThat(streets).isGreaterThan(3000);
            long job = server.json("POST", "/api/v1/areas/" + area.path("id").asLong() + "/plans", admin,
                    Map.of("patrollers", 8)).path("id").asLong();
            String planId = server.awaitPlan(job, admin, Duration.ofSeconds(90));
            server.json("POST", "/api/v1/plans/" + planId + "/activate", admin, null);
            long patroller = server.json("POST", "/api/v1/patrollers", admin, Map.of("name", "Ivo")).path("id").asLong();
            String token = server.json("POST", "/api/v1/devices", admin, Map.of("id", "ivo-phone", "patrollerId", patroller))
                    .path("token").asText();
            server.json("POST", "/api/v1/shifts", admin, Map.of("patrollerId", patroller, "beat", "0",
                    "startsAt", "2026-11-29T11:00:00Z", "endsAt", "2026-11-29T19:00:00Z"));

            try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 860).setTimezoneId("UTC"))) {
                context.clock().setFixedTime(NOW.toEpochMilli());
                context.addInitScript("window.longTasks = []; new PerformanceObserver(list => list.getEntries()"
                        + ".forEach(e => window.longTasks.push(Math.round(e.duration)))).observe({ entryTypes: ['longtask'] });");
                Page page = context.newPage();
                page.navigate(server.base() + "/#/live");
                page.getByLabel("User name").fill("admin");
                page.getByLabel("Password").fill(LiveServer.ADMIN_PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
                Locator map = page.locator("#live-map");
                assertThat(map).hasAttribute("data-streets", String.valueOf(streets),
                        new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
                assertThat(page.locator("#stream-status")).hasText("Live updates on.");
                assertThat((Boolean) page.evaluate("() => PerformanceObserver.supportedEntryTypes.includes('longtask')"))
                        .as("Chromium reports long tasks").isTrue();
                page.evaluate("() => { window.longTasks = []; }");

                StreetNetwork network = StreetMaps.importFile(MAP, Profiles.FOOT, ProgressListener.NONE).network();
                int[] round = roundOfBeatZero(server, admin, planId);
                PhoneModel phone = new PhoneModel(Duration.ofSeconds(10), 3, 3, Duration.ofMinutes(2), 0, 0, 0,
                        Duration.ofMinutes(1), 0);
                SimulatedPatrol patrol = new PatrolSimulator(network, WalkerBehaviour.EXACT, phone, 3)
                        .simulate("ivo-phone", round, SupervisorFlowTest.startNode(network, round),
                                NOW.minus(Duration.ofMinutes(40)), NOW.minus(Duration.ofMinutes(1)));
                for (SimulatedPing ping : patrol.pings()) {
                    assertThat(server.osmand(OsmAndRequest.query(ping, token))).isEqualTo(200);
                }
                server.server.patrol().drain();
                Set<Integer> walked = new HashSet<>();
                for (WalkedStreet w : patrol.walked()) {
                    walked.add(w.edge());
                }
                page.waitForFunction("n => JSON.parse(document.getElementById('live-map').dataset.counts).never < n", streets);
                int passes = Integer.parseInt(map.getAttribute("data-recolors"));
                page.waitForFunction("n => Number(document.getElementById('live-map').dataset.recolors) >= n", passes + 3);

                assertThat(Integer.parseInt(map.getAttribute("data-restyled")))
                        .as("streets restyled by a clock tick with no new visits").isLessThanOrEqualTo(walked.size());
                assertThat(Double.parseDouble(map.getAttribute("data-recolor-ms"))).as("ms for one pass over %d streets", streets)
                        .isLessThan(50);
                @SuppressWarnings("unchecked")
                List<Number> longTasks = (List<Number>) page.evaluate("() => window.longTasks");
                assertThat(longTasks.stream().mapToInt(Number::intValue).max().orElse(0))
                        .as("longest task (ms) while pings streamed in: %s", longTasks).isLessThan(250);
                Files.createDirectories(SupervisorFlowTest.SCREENSHOTS);
                page.screenshot(new Page.ScreenshotOptions().setPath(SupervisorFlowTest.SCREENSHOTS.resolve("live-large.png")));
            }
        }
    }

    static int[] roundOfBeatZero(LiveServer server, String admin, String planId) {
        JsonNode rounds = server.json("GET", "/api/v1/plans/" + planId + "/rounds.geojson", admin, null);
        for (JsonNode feature : rounds.path("features")) {
            if (feature.path("properties").path("beat").asInt() == 0) {
                JsonNode sequence = feature.path("properties").path("edge_sequence");
                int[] round = new int[sequence.size()];
                for (int i = 0; i < round.length; i++) {
                    round[i] = sequence.get(i).asInt();
                }
                return round;
            }
        }
        throw new AssertionError("no round for beat 0 in " + planId);
    }
}
