package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format written from the simulated two days and from the hand-walked OSM block, then read
 * back: CSV and GeoJSON parsed, HTML checked for being self-contained, the PDF opened with poppler
 * (rendered pages are not blank and show the map's colours, its text holds the figures).
 */
class ReportWritersTest {
    static PatrolReport simulated;
    static PatrolReport block;
    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        simulated = new ReportBuilder().build(SimulatedPatrols.twoDays().wholePeriod());
        block = new TinyBlock().report();
    }

    @Test
    void csvTablesParseBackToTheFigures() throws IOException {
        Map<String, List<List<String>>> files = csvZip(bytes(simulated, ReportFormat.CSV));
        assertThat(files).containsKeys("README.txt", "patrollers.csv", "beats.csv", "streets.csv", "days.csv",
                "hours_of_shift.csv", "alerts.csv");
        List<List<String>> patrollers = files.get("patrollers.csv");
        assertThat(patrollers).hasSize(1 + simulated.patrollers().size());
        List<String> header = patrollers.get(0);
        for (int i = 0; i < simulated.patrollers().size(); i++) {
            PatrollerFigures p = simulated.patrollers().get(i);
            List<String> row = patrollers.get(i + 1);
            assertThat(row.get(header.indexOf("patroller_id"))).isEqualTo(p.patrollerId());
            assertThat(row.get(header.indexOf("patroller"))).isEqualTo(simulated.patrollerName(p.patrollerId()));
            assertThat(Integer.parseInt(row.get(header.indexOf("rounds_completed"))))
                    .isEqualTo(p.figures().roundsCompleted());
            assertThat(Double.parseDouble(row.get(header.indexOf("distance_m"))))
                    .isCloseTo(p.figures().distanceMeters(), org.assertj.core.api.Assertions.within(0.05));
            assertThat(Double.parseDouble(row.get(header.indexOf("longest_gap_min"))))
                    .isCloseTo(p.figures().longestGap().toMillis() / 60_000.0,
                            org.assertj.core.api.Assertions.within(0.05));
        }
        List<List<String>> streets = files.get("streets.csv");
        assertThat(streets).hasSize(1 + simulated.streets().size());
        int visits = streets.get(0).indexOf("visits");
        assertThat(streets.stream().skip(1).mapToInt(r -> Integer.parseInt(r.get(visits))).sum())
                .isEqualTo(simulated.streets().stream().mapToInt(StreetFigures::visits).sum());
        assertThat(files.get("alerts.csv")).hasSize(1 + simulated.alerts().size());
        assertThat(files.get("days.csv")).as("a header and the 8 calendar days the week from 06:00 touches").hasSize(1 + 8);
    }

    @Test
    void csvQuotesNamesAndCarriesTheAttribution() throws IOException {
        Map<String, List<List<String>>> files = csvZip(bytes(block, ReportFormat.CSV));
        List<List<String>> streets = files.get("streets.csv");
        int name = streets.get(0).indexOf("name");
        assertThat(streets.get(1).get(name)).isEqualTo("Улица Ленина");
        assertThat(streets.get(3).get(name)).isEqualTo("Baker's Lane, \"Old\"");
        assertThat(String.join("\n", files.get("README.txt").stream().map(r -> String.join(",", r)).toList()))
                .contains("© OpenStreetMap contributors");
        List<List<String>> alerts = files.get("alerts.csv");
        assertThat(alerts.get(1).get(alerts.get(0).indexOf("comment"))).isEqualTo("radio: road blocked, detour");
        assertThat(alerts.get(1).get(alerts.get(0).indexOf("minutes_to_acknowledge"))).isEqualTo("5.0");
    }

    @Test
    void geoJsonHasOneFeaturePerStreetWithItsFigures() throws IOException {
        JsonNode json = new ObjectMapper().readTree(bytes(simulated, ReportFormat.GEOJSON));
        assertThat(json.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(json.has("attribution")).as("the demo town is not OSM data").isFalse();
        JsonNode features = json.get("features");
        assertThat(features).hasSize(simulated.streets().size());
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            StreetFigures street = simulated.streets().get(i);
            JsonNode properties = feature.get("properties");
            assertThat(feature.get("geometry").get("type").asText()).isEqualTo("LineString");
            assertThat(feature.get("geometry").get("coordinates").size())
                    .isEqualTo(simulated.network().edgePointCount(street.edge()));
            assertThat(properties.get("id").asInt()).isEqualTo(street.edge());
            assertThat(properties.get("visits").asInt()).isEqualTo(street.visits());
            assertThat(properties.get("never_visited").asBoolean()).isEqualTo(street.neverVisited());
            assertThat(properties.get("minutes_spent").asDouble())
                    .isCloseTo(street.timeSpent().toMillis() / 60_000.0, org.assertj.core.api.Assertions.within(0.05));
        }
        JsonNode osm = new ObjectMapper().readTree(bytes(block, ReportFormat.GEOJSON));
        assertThat(osm.get("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
        assertThat(osm.get("features").get(0).get("properties").get("name").asText()).isEqualTo("Улица Ленина");
    }

    @Test
    void htmlIsSelfContainedWithMapsChartsAndTables() throws IOException {
        String html = new String(bytes(simulated, ReportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http");
        assertThat(html.split("<svg", -1)).hasSize(1 + 6);
        assertThat(html).contains("Rounds completed: " + simulated.total().roundsCompleted() + " of "
                + simulated.total().roundsPlanned() + " planned");
        assertThat(html).contains("<td>Anna Weber (#patroller-a)</td>", "<td>Anna Weber (#patroller-b)</td>",
                "<td>Łukasz Řehoř</td>", "@media print").doesNotContain("<td>patroller-a</td>", "Patroller id");
        String osm = new String(bytes(block, ReportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(osm).contains("Map data © OpenStreetMap contributors", "Baker&#39;s Lane, &quot;Old&quot;");
    }

    @Test
    void pdfOpensIsNotBlankAndHoldsTheFigures() throws Exception {
        Path pdf = write(simulated, ReportFormat.PDF, "simulated.pdf");
        List<BufferedImage> pages = Poppler.pages(pdf, 40);
        assertThat(pages.size()).isGreaterThanOrEqualTo(5);
        assertThat(Poppler.inkedShare(pages.get(0))).as("page 1: summary and map").isGreaterThan(0.02);
        assertThat(Poppler.pixelsNear(pages.get(0), CoverageMapDrawing.RED)).as("never visited streets in red")
                .isGreaterThan(50);
        assertThat(Poppler.pixelsNear(pages.get(0), CoverageMapDrawing.DARK_GREEN)).as("often visited streets")
                .isGreaterThan(20);
        assertThat(Poppler.pixelsNear(pages.get(2), BarChart.BLUE)).as("page 3: bars of the charts")
                .isGreaterThan(200);
        String text = Poppler.text(pdf).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("Patrol report", "Shifts: 6 (36 h 00)",
                "Rounds completed: " + simulated.total().roundsCompleted() + " of " + simulated.total().roundsPlanned()
                        + " planned",
                "Streets never visited: " + simulated.neverVisited().size(),
                "Alerts: " + simulated.alerts().size(), "Anna Weber (#patroller-a)", "Anna Weber (#patroller-b)",
                "Łukasz Řehoř",
                "Rounds per patroller against the plan", "Revisit intervals", "Coverage over the shift");
        for (PatrollerFigures p : simulated.patrollers()) {
            assertThat(text).contains(String.format(Locale.ROOT, "%.1f km", p.figures().distanceMeters() / 1000));
        }
    }

    @Test
    void pdfOfAnOsmMapCarriesTheAttributionAndSurvivesForeignNames() throws Exception {
        Path pdf = write(block, ReportFormat.PDF, "block.pdf");
        String text = Poppler.text(pdf);
        assertThat(text).contains("Map data © OpenStreetMap contributors", "Rounds completed: 1 of 2 planned",
                "radio: road blocked", "Longest time a street went unvisited: 52 min (street 3)",
                "Улица Ленина", "lamp at the corner, Улица Ленина");
        assertThat(Poppler.inkedShare(Poppler.pages(pdf, 40).get(0))).isGreaterThan(0.01);
    }

    @Test
    void anEmptyPeriodSaysSoInEveryFormat() throws Exception {
        SimulatedPatrols data = SimulatedPatrols.twoDays();
        PatrolReport empty = new ReportBuilder().build(data.input(SimulatedPatrols.DAY_ONE.minus(Duration.ofDays(30)),
                SimulatedPatrols.DAY_ONE.minus(Duration.ofDays(29))));
        assertThat(empty.hasData()).isFalse();
        assertThat(empty.patrollers()).isEmpty();
        assertThat(empty.neverVisited()).hasSize(data.network.edgeCount());
        String message = "No patrol data: no shift started between";
        assertThat(new String(bytes(empty, ReportFormat.HTML), StandardCharsets.UTF_8)).contains(message);
        assertThat(new ObjectMapper().readTree(bytes(empty, ReportFormat.GEOJSON)).get("message").asText())
                .startsWith(message);
        assertThat(csvZip(bytes(empty, ReportFormat.CSV)).get("README.txt").toString()).contains(message);
        Path pdf = write(empty, ReportFormat.PDF, "empty.pdf");
        assertThat(Poppler.text(pdf)).contains(message);
        assertThat(Poppler.pages(pdf, 40)).hasSize(1);
    }

    private Path write(PatrolReport report, ReportFormat format, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            format.writer().write(report, out);
        }
        return file;
    }

    private static byte[] bytes(PatrolReport report, ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(report, out);
        return out.toByteArray();
    }

    private static Map<String, List<List<String>>> csvZip(byte[] zip) throws IOException {
        Map<String, List<List<String>>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    /** RFC 4180: fields split by commas, quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString().replaceAll("\r$", ""));
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
