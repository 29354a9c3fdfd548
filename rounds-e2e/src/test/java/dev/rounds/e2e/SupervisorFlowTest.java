package dev.rounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A supervisor's shift start in a real Chromium against a real server: logs in through the form,
 * imports the Novi Sad extract and plans it for four patrollers, activates the plan, adds a patroller
 * and a phone, assigns the patroller to beat 0, then watches the live map while the phone (simulated,
 * walking beat 0's round, through the real OsmAnd port with the token the page showed) reports, and
 * acknowledges the SOS it raises. The steps run in order on one page; each saves a screenshot under
 * {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class SupervisorFlowTest {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final Instant SHIFT_START = Instant.parse("2026-11-29T09:00:00Z");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Path MAP = TestData.file("osm/novi-sad-cutout.osm.gz");
    static final double TIMEOUT_MS = 60_000;

    @TempDir
    static Path dataDirectory;
    LiveServer server;
    Chromium chromium;
    BrowserContext context;
    Page page;
    final List<String> pageErrors = new ArrayList<>();

    String admin;
    int streets;
    String planId;
    String deviceToken;
    SimulatedPing lastPing;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        chromium = Chromium.launch();
        server = new LiveServer(dataDirectory, NOW);
        admin = server.login("admin", LiveServer.ADMIN_PASSWORD);
        server.json("POST", "/api/v1/users", admin, Map.of("username", "sam", "password", "supervisor-pw-1",
                "role", "supervisor"));
        context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860)
                .setTimezoneId("UTC").setLocale("en-GB"));
        context.clock().setFixedTime(NOW.toEpochMilli());
        page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onPageError(error -> pageErrors.add(error));
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    @Order(1)
    void logsInThroughTheFormByKeyboard() {
        page.navigate(server.base() + "/");
        Locator user = page.getByLabel("User name");
        assertThat(user).isFocused();
        screenshot("login");
        page.keyboard().type("sam");
        page.keyboard().press("Tab");
        page.keyboard().type("wrong-password");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong user name or password.");
        page.getByLabel("Password").fill("supervisor-pw-1");
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).hasText("sam (supervisor)");
        assertThat(page.locator("#nav a[data-page=plan]")).isVisible();
        assertThat(page.locator("#nav a[data-page=team]")).isVisible();
        assertThat(page.getByText("No active plan yet")).isVisible();
    }

    @Test
    @Order(2)
    void importsAndPlansAnExtractAndSeesTheBeats() throws Exception {
        StreetNetwork network = StreetMaps.importFile(MAP, Profiles.FOOT, ProgressListener.NONE).network();
        streets = network.edgeCount();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plan").setExact(true)).click();
        page.getByLabel("Import a map").setInputFiles(MAP);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.locator("#plan-status")).containsText("Imported novi-sad-cutout.osm.gz: " + streets + " streets");
        assertThat(page.getByLabel("Area")).containsText("novi-sad-cutout.osm.gz (" + streets + " streets)");

        page.evaluate("() => { window.statusLog = []; new MutationObserver(() => window.statusLog.push("
                + "document.getElementById('plan-status').textContent)).observe(document.getElementById('plan-status'),"
                + " { childList: true, subtree: true, characterData: true, attributes: true }); }");
        page.getByLabel("Plan for").selectOption("patrollers");
        page.getByLabel("Value").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan beats and rounds")).click();
        Locator feasibility = page.locator("#feasibility");
        assertThat(feasibility).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(TIMEOUT_MS));
        assertThat(feasibility).containsText("With 4 patrollers");
        @SuppressWarnings("unchecked")
        List<String> log = (List<String>) page.evaluate("() => window.statusLog");
        assertThat(log).as("status texts while planning").anyMatch(t -> t.startsWith("Planning:"));
        assertThat(page.locator("#beats-table tbody tr")).hasCount(4);
        Locator map = page.locator("#plan-map");
        assertThat(map).hasAttribute("data-streets", String.valueOf(streets));
        assertThat(map).hasAttribute("data-beats", "4");
        assertThat(map).hasAttribute("data-rounds", "4");
        planId = page.locator("#plan-result").getAttribute("data-plan");
        JsonNode summary = server.json("GET", "/api/v1/plans/" + planId, admin, null);
        assertThat(page.locator("#beats-table tbody tr").first().locator("td").nth(4))
                .hasText(String.format(java.util.Locale.ROOT, "%.1f", summary.path("beats").get(0).path("roundMinutes").asDouble()));
        for (String file : List.of("streets.geojson", "beats.geojson", "rounds.geojson", "rounds.gpx", "sheets.html")) {
            String href = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(file)).getAttribute("href");
            assertThat(server.send("GET", href, admin, null).statusCode()).as(href).isEqualTo(200);
        }
        screenshot("plan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make this the active plan")).click();
        assertThat(page.locator("#toast")).containsText("Plan " + planId + " is now the active plan.");
        assertThat(page.locator("#plan-result")).containsText("active");

        page.reload();
        assertThat(page.locator("#feasibility")).hasCount(0);
        page.getByLabel("Earlier plans").selectOption("Plan " + planId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#feasibility")).containsText("With 4 patrollers");
        assertThat(page.locator("#beats-table tbody tr")).hasCount(4);
        assertThat(page.locator("#plan-map")).hasAttribute("data-streets", String.valueOf(streets));
    }

    @Test
    @Order(3)
    void addsAPatrollerAndAPhoneAndSeesHowToSetItUp() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team")).click();
        page.getByLabel("Name").fill("Mira");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add patroller")).click();
        assertThat(page.locator("#patrollers")).containsText("Mira");
        page.getByLabel("Device id").fill("mira-phone");
        page.getByLabel("Patroller").selectOption(new SelectOption().setLabel("Mira"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add device")).click();
        Locator traccar = page.locator("#setup-traccar");
        Locator ownTracks = page.locator("#setup-owntracks");
        assertThat(traccar.locator("svg")).hasCount(1);
        assertThat(ownTracks.locator("svg")).hasCount(1);
        String osmandUrl = "http://127.0.0.1:" + server.server.osmandPort() + "/";
        assertThat(page.locator("#traccar-url").textContent()).startsWith(osmandUrl + "?key=");
        assertThat(page.locator("#traccar-id")).hasText("mira-phone");
        assertThat(page.locator("#owntracks-url")).containsText(server.base() + "/owntracks");
        assertThat(page.locator("#owntracks-user")).hasText("mira-phone");
        deviceToken = page.locator("#owntracks-token").textContent();
        assertThat(deviceToken).isNotBlank();
        assertThat(page.locator("#traccar-url").textContent()).endsWith("key=" + deviceToken);
        assertThat(page.locator("#devices")).containsText("mira-phone");
        assertThat(page.locator("#devices")).containsText("Mira");
        screenshot("team");
    }

    @Test
    @Order(4)
    void assignsAShiftOnBeatZeroAndSeesWhoIsOnNow() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shifts")).click();
        page.getByLabel("Patroller").selectOption(new SelectOption().setLabel("Mira"));
        page.getByLabel("Beat").fill("0");
        page.getByLabel("Starts").fill("2026-11-29T09:00");
        page.getByLabel("Ends").fill("2026-11-29T14:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign")).click();
        Locator row = page.locator("#shifts tbody tr", new Page.LocatorOptions().setHasText("Mira"));
        assertThat(row).containsText("on now");
        assertThat(row.locator("td").nth(1)).hasText("0");
        assertThat(row).containsText("09:00");
        assertThat(row).containsText("14:00");
        assertThat(page.locator("#on-now")).hasText("1 on shift now.");
        screenshot("shifts");
    }

    @Test
    @Order(5)
    void walkedStreetsChangeColourAndTheRoundProgresses() throws Exception {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Live").setExact(true)).click();
        Locator map = page.locator("#live-map");
        assertThat(map).hasAttribute("data-streets", String.valueOf(streets));
        assertThat(map).hasAttribute("data-counts", "{\"never\":" + streets + "}");
        assertThat(page.locator("#stream-status")).hasText("Live updates on.");

        StreetNetwork network = StreetMaps.importFile(MAP, Profiles.FOOT, ProgressListener.NONE).network();
        int[] round = roundOfBeatZero();
        PhoneModel phone = new PhoneModel(Duration.ofSeconds(10), 3, 3, Duration.ofMinutes(2), 0, 0, 0,
                Duration.ofMinutes(1), 0);
        SimulatedPatrol patrol = new PatrolSimulator(network, WalkerBehaviour.EXACT, phone, 7)
                .simulate("mira-phone", round, startNode(network, round), SHIFT_START.plusSeconds(60), NOW.minus(Duration.ofMinutes(5)));
        Instant split = SHIFT_START.plus(Duration.ofMinutes(30));
        List<SimulatedPing> first = patrol.pings().stream().filter(p -> p.fixTime().isBefore(split)).toList();
        List<SimulatedPing> rest = patrol.pings().stream().filter(p -> !p.fixTime().isBefore(split)).toList();

        send(first);
        waitFor(() -> count("never") < streets, "walked streets recoloured after the first half hour");
        double firstProgress = progressOfBeatZero();
        assertThat(firstProgress).as("rounds done + share of the current round after 30 min").isPositive();

        send(rest);
        lastPing = rest.get(rest.size() - 1);
        waitFor(() -> progressOfBeatZero() > firstProgress, "round progress rises with the rest of the walk");
        Set<Integer> walked = new HashSet<>();
        for (WalkedStreet w : patrol.walked()) {
            if (w.exit().isBefore(NOW.minus(Duration.ofMinutes(20)))) {
                walked.add(w.edge());
            }
        }
        waitFor(() -> shownVisited(walked) >= 0.9 * walked.size(), "walked streets no longer grey");
        assertThat(count("fresh")).as("streets walked within half a round are fresh").isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = LiveServer.JSON.readValue(map.getAttribute("data-counts"), Map.class);
        assertThat(counts.values().stream().mapToInt(v -> ((Number) v).intValue()).sum()).isEqualTo(streets);
        for (int edge : walked) {
            @SuppressWarnings("unchecked")
            Map<String, Object> style = (Map<String, Object>) page.evaluate(
                    "e => document.getElementById('live-map').streetStyle(e)", edge);
            if (!"never".equals(style.get("class"))) {
                Object legend = page.evaluate("c => getComputedStyle(document.querySelector("
                        + "'#legend [data-class=\"' + c + '\"] .swatch')).backgroundColor", style.get("class"));
                assertThat(rgb((String) style.get("color"))).as("street %d drawn in its legend colour", edge).isEqualTo(legend);
            }
        }
        clickingAWalkedStreetShowsItsVisits(walked);
        Locator beatZero = page.locator("#beat-progress [data-beat=\"0\"]");
        assertThat(beatZero).containsText("Mira");
        Locator mira = page.locator("#patrollers-live li", new Page.LocatorOptions().setHasText("Mira"));
        assertThat(mira).containsText("last fix " + lastPing.fixTime().toString().substring(11, 16));
        assertThat(mira).hasAttribute("data-status", java.util.regex.Pattern.compile("on round|standing|off beat|no signal"));
        screenshot("live");
    }

    @Test
    @Order(6)
    void anSosShowsABannerAndIsAcknowledgedWithAComment() {
        Locator map = page.locator("#live-map");
        String before = map.getAttribute("data-counts");
        SimulatedPing sos = new SimulatedPing("mira-phone", NOW.minus(Duration.ofMinutes(2)), NOW, lastPing.lat(),
                lastPing.lon(), 5, 0, 0, 50, true);
        send(List.of(sos));
        Locator banner = page.locator(".sos-banner");
        assertThat(banner).containsText("SOS from Mira");
        Locator card = page.locator("#alerts .alert[data-kind=SOS]");
        assertThat(card).hasCount(1);
        assertThat(card).containsText("sos · Mira");
        screenshot("live-sos");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(card).hasCount(1);
        Locator comment = card.getByLabel(java.util.regex.Pattern.compile("Comment for alert"));
        comment.fill("called Mira");
        String draft = comment.getAttribute("data-draft");

        // a second SOS while the comment is being typed: the list is drawn again, the comment stays
        send(List.of(new SimulatedPing("mira-phone", NOW.minus(Duration.ofMinutes(1)), NOW, lastPing.lat(),
                lastPing.lon(), 5, 0, 0, 50, true)));
        assertThat(card).hasCount(2);
        Locator typed = page.locator("#alerts input[data-draft='" + draft + "']");
        assertThat(typed).hasValue("called Mira");
        assertThat(typed).isFocused();
        typed.fill("called Mira, all fine");
        Locator first = page.locator("#alerts .alert[data-kind=SOS]:has(input[data-draft='" + draft + "'])");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(card).hasCount(1);
        card.getByLabel(java.util.regex.Pattern.compile("Comment for alert")).fill("same call, all fine");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(card).hasCount(0);
        assertThat(banner).hasCount(0);
        assertThat(server.json("GET", "/api/v1/alerts", admin, null).toString()).doesNotContain("\"kind\":\"SOS\"");
        assertThat(map.getAttribute("data-counts")).isNotEqualTo("{\"never\":" + streets + "}").isNotNull();
        assertThat(before).isNotNull();
    }

    @Test
    @Order(7)
    void theReportsPageShowsTheActivityReportWithChartsAndOffersDownloads() {
        page.locator("#nav a[data-page=reports]").click();
        com.microsoft.playwright.FrameLocator report = page.frameLocator("#report-frame");
        assertThat(report.locator("h1")).hasText("Patrol report");
        assertThat(report.locator("h2").filter(new Locator.FilterOptions().setHasText("Charts"))).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(report.locator("svg").count()).as("map and charts drawn")
                .isGreaterThanOrEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(report.locator("body").textContent()).doesNotContain("No patrol data");
        String pdf = page.locator("#report-downloads a", new Page.LocatorOptions().setHasText("PDF")).getAttribute("href");
        com.microsoft.playwright.APIResponse answer = page.request().get(java.net.URI.create(page.url()).resolve(pdf).toString());
        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(new String(answer.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF");
        screenshot("reports");
        // Four weeks compare day by day: the period is set and the report's per-day table follows it.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Last 4 weeks")).click();
        java.time.LocalDate today = java.time.LocalDate.parse(page.locator("#report-to").inputValue());
        assertThat(page.locator("#report-from")).hasValue(today.minusDays(27).toString());
        assertThat(page.locator("#report-frame")).hasAttribute("src",
                java.util.regex.Pattern.compile("from=" + today.minusDays(27) + "T00:00:00Z"));
        assertThat(report.locator("h1")).hasText("Patrol report");
        page.locator("#nav a[data-page=live]").click();
        assertThat(page.locator("#live-map")).hasAttribute("data-streets", String.valueOf(streets));
    }

    @Test
    @Order(8)
    void worksOnAPhoneSizedScreen() {
        page.setViewportSize(390, 844);
        page.reload();
        Locator map = page.locator("#live-map");
        assertThat(map).hasAttribute("data-streets", String.valueOf(streets));
        assertThat(page.locator("#beat-progress [data-beat=\"0\"]")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) overflow).intValue()).as("page width on a 390 px screen").isLessThanOrEqualTo(390);
        assertThat(map.boundingBox().width).isGreaterThan(300);
        screenshot("live-phone");
        page.setViewportSize(1280, 860);
    }

    @Test
    @Order(9)
    void aPatrollerSeesOnlyTheirOwnAndCannotManage() {
        long mira = server.json("GET", "/api/v1/patrollers", admin, null).get(0).path("id").asLong();
        server.json("POST", "/api/v1/users", admin, Map.of("username", "mira", "password", "patroller-pw-1",
                "role", "patroller", "patrollerId", mira));
        try (BrowserContext phone = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setTimezoneId("UTC").setLocale("en-GB"))) {
            phone.clock().setFixedTime(NOW.toEpochMilli());
            Page own = phone.newPage();
            own.onPageError(error -> pageErrors.add(error));
            own.navigate(server.base() + "/#/live");
            own.getByLabel("User name").fill("mira");
            own.getByLabel("Password").fill("patroller-pw-1");
            own.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(own.getByTestId("user-name")).hasText("mira (patroller)");
            assertThat(own.locator("#nav a[data-page=plan]")).isHidden();
            assertThat(own.locator("#nav a[data-page=team]")).isHidden();
            assertThat(own.locator("#live-map")).hasAttribute("data-streets", String.valueOf(streets));
            assertThat(own.locator("#beat-progress [data-beat]")).hasCount(1);
            assertThat(own.locator("#beat-progress [data-beat=\"0\"]")).containsText("Mira");
            assertThat(own.locator("#alerts .alert").first()).isVisible();
            assertThat(own.locator("#alerts form")).hasCount(0);
            own.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shifts")).click();
            assertThat(own.locator("#shifts tbody tr")).hasCount(1);
            assertThat(own.getByText("Assign a shift")).hasCount(0);
            own.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("patroller-phone.png")));
        }
        assertThat(pageErrors).as("uncaught errors in the pages").isEmpty();
    }

    /**
     * Clicks the walked street drawn longest on screen, away from any marker (a patroller or a
     * checkpoint standing on it would take the click), and reads its pop-up.
     */
    void clickingAWalkedStreetShowsItsVisits(Set<Integer> walked) {
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) page.evaluate("edges => { const m = document.getElementById('live-map');"
                + " const marks = [...document.querySelectorAll('.leaflet-marker-icon')].map(i => i.getBoundingClientRect())"
                + "   .map(r => ({ x: r.left + r.width / 2, y: r.top + r.height / 2, r: Math.max(r.width, r.height) / 2 + 12 }))"
                + "   .concat(m.patrollerPoints().map(p => ({ x: p.x, y: p.y, r: 24 })));"
                + " let best = null; for (const e of edges) { const p = m.streetPoint(e);"
                + " if (marks.some(k => Math.hypot(k.x - p.x, k.y - p.y) < k.r)) continue;"
                + " const len = m.streetLength(e); if (!best || len > best.len) best = { edge: e, x: p.x, y: p.y, len }; }"
                + " return best; }", new ArrayList<>(walked));
        int edge = ((Number) target.get("edge")).intValue();
        page.mouse().click(((Number) target.get("x")).doubleValue(), ((Number) target.get("y")).doubleValue());
        Locator popup = page.locator(".leaflet-popup-content");
        JsonNode street = server.json("GET", "/api/v1/live/streets/" + edge, admin, null);
        assertThat(popup).containsText("beat " + street.path("beat").asInt());
        assertThat(popup).containsText(Math.round(street.path("lengthMeters").asDouble()) + " m");
        assertThat(popup).containsText("visits this shift: ");
        assertThat(popup).not().containsText("visits this shift: none");
        assertThat(street.path("visitsThisShift").size()).isPositive();
    }

    // ---- helpers ----

    int[] roundOfBeatZero() {
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

    /** The node a closed walk starts at: the end of its first edge that its second edge does not continue from. */
    static int startNode(StreetNetwork network, int[] walk) {
        int a = network.edgeFrom(walk[0]);
        int b = network.edgeTo(walk[0]);
        int next = walk.length > 1 ? walk[1] : walk[0];
        boolean bContinues = network.edgeFrom(next) == b || network.edgeTo(next) == b;
        return bContinues ? a : b;
    }

    void send(List<SimulatedPing> pings) {
        for (SimulatedPing ping : pings) {
            assertThat(server.osmand(OsmAndRequest.query(ping, deviceToken))).as("OsmAnd answer").isEqualTo(200);
        }
        server.server.patrol().drain();
    }

    int count(String colourClass) {
        try {
            JsonNode counts = LiveServer.JSON.readTree(page.locator("#live-map").getAttribute("data-counts"));
            return counts.path(colourClass).asInt(0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Rounds done plus the share of the current round, as the page shows them for beat 0. */
    double progressOfBeatZero() {
        Locator row = page.locator("#beat-progress [data-beat=\"0\"]");
        if (row.count() == 0) {
            return 0;
        }
        String done = row.getByTestId("rounds-done").textContent().trim();
        String share = row.getByTestId("round-share").textContent().trim();
        return Integer.parseInt(done.split(" ")[0]) + Integer.parseInt(share.split(" ")[0]) / 100.0;
    }

    int shownVisited(Set<Integer> edges) {
        Object n = page.evaluate("edges => edges.filter(e => document.getElementById('live-map').streetStyle(e).class"
                + " !== 'never').length", new ArrayList<>(edges));
        return ((Number) n).intValue();
    }

    static String rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (v >> 16 & 255) + ", " + (v >> 8 & 255) + ", " + (v & 255) + ")";
    }

    void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            page.waitForTimeout(200);
        }
    }
}
