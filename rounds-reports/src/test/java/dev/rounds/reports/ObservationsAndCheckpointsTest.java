package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.coverage.Shift;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Observations and checkpoint visits on the {@link TinyBlock}: p1's hand-walked shift on beat 0
 * (three observations and four scans within it, one of each outside) and p2's shift on beat 1,
 * 08:30-09:30, with a door open at 08:45 (photo), a hazard at 08:50, and Boiler room scanned on
 * time at 08:35 and late at 08:55. p1 is Zofia Łęcka, p2 Adam Berg (rows go by name). Counted by
 * hand:
 * <pre>
 *   observations: hazard 3, door open 1, light out 1          (5)
 *   beat 0, p1:   on time 2, late 1, out of order 0           (3)
 *   beat 1, p2:   on time 1, late 1, out of order 0           (2)
 *   beat 1, p1:   on time 0, late 0, out of order 1           (1)
 *   all:          on time 3, late 2, out of order 1           (6)
 * </pre>
 */
class ObservationsAndCheckpointsTest {
    static final TinyBlock BLOCK = new TinyBlock();
    static final Shift P2 = new Shift("s2", "p2", 1, TinyBlock.at(30), TinyBlock.at(90));

    static ReportInput input() {
        Map<String, List<ReportObservation>> observations = new HashMap<>(Map.of("p1", BLOCK.observations));
        observations.put("p2", List.of(
                new ReportObservation(TinyBlock.at(45), "door open", "side door of the depot open", 47.0, 8.0018, true),
                new ReportObservation(TinyBlock.at(50), "hazard", "ice on the ramp", 47.0, 8.0016, false)));
        Map<String, List<ReportCheckpointVisit>> scans = new HashMap<>(Map.of("p1", BLOCK.checkpointVisits));
        scans.put("p2", List.of(
                new ReportCheckpointVisit(TinyBlock.at(35), "Boiler room", 1, ReportCheckpointVisit.ON_TIME),
                new ReportCheckpointVisit(TinyBlock.at(55), "Boiler room", 1, ReportCheckpointVisit.LATE)));
        return new ReportInput(BLOCK.network, BLOCK.area, TinyBlock.START.minus(Duration.ofHours(1)),
                TinyBlock.START.plus(Duration.ofHours(3)), null, null, ReportInput.listSource(
                        List.of(BLOCK.shift, P2), BLOCK.visits, Map.of("p1", BLOCK.fixes), BLOCK.alerts, observations,
                        scans), Map.of("p1", "Zofia Łęcka", "p2", "Adam Berg"));
    }

    static final PatrolReport REPORT = new ReportBuilder().build(input());

    @Test
    void observationsAreCountedByCategoryWithinTheirShifts() {
        assertThat(REPORT.observations()).hasSize(5);
        assertThat(REPORT.observations()).extracting(o -> o.observation().note()).containsExactly(
                "loose paving slab", "lamp at the corner, Улица Ленина", "broken glass, \"Old\" lane",
                "side door of the depot open", "ice on the ramp");
        assertThat(REPORT.observations()).extracting(ShiftObservation::patrollerId)
                .containsExactly("p1", "p1", "p1", "p2", "p2");
        assertThat(REPORT.observations()).extracting(ShiftObservation::beat).containsExactly(0, 0, 0, 1, 1);
        assertThat(REPORT.observationsByCategory()).containsExactly(entry("hazard", 3), entry("door open", 1),
                entry("light out", 1));
    }

    @Test
    void checkpointVisitsAreCountedByStatusPerBeatAndPatroller() {
        assertThat(REPORT.checkpointVisits()).containsExactly(
                new CheckpointFigures(0, "p1", new CheckpointTally(2, 1, 0)),
                new CheckpointFigures(1, "p2", new CheckpointTally(1, 1, 0)),
                new CheckpointFigures(1, "p1", new CheckpointTally(0, 0, 1)));
        assertThat(REPORT.checkpointTotal()).isEqualTo(new CheckpointTally(3, 2, 1));
        assertThat(REPORT.checkpointTotal().total()).isEqualTo(6);
        assertThat(ReportText.summary(REPORT)).contains("Checkpoint visits: 6 (3 on time, 2 late, 1 out of order)",
                "Observations: 5 (hazard 3, door open 1, light out 1)");
    }

    @Test
    void filtersKeepTheObservationsAndVisitsOfTheShiftsReported() {
        PatrolReport p2 = new ReportBuilder().build(input().forPatroller("p2"));
        assertThat(p2.observationsByCategory()).containsExactly(entry("door open", 1), entry("hazard", 1));
        assertThat(p2.checkpointVisits()).containsExactly(new CheckpointFigures(1, "p2", new CheckpointTally(1, 1, 0)));
        PatrolReport beat0 = new ReportBuilder().build(input().forBeat(0));
        assertThat(beat0.observations()).hasSize(3);
        assertThat(beat0.checkpointTotal()).as("p1's shift on beat 0, the out-of-order scan on beat 1 included")
                .isEqualTo(new CheckpointTally(2, 1, 1));
        PatrolReport empty = new ReportBuilder().build(BLOCK.input(TinyBlock.at(600), TinyBlock.at(700)));
        assertThat(empty.observations()).isEmpty();
        assertThat(ReportText.summary(empty)).contains("Checkpoint visits: 0 (0 on time, 0 late, 0 out of order)",
                "Observations: 0");
    }

    @Test
    void badObservationsAndVisitsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> new ReportCheckpointVisit(TinyBlock.START, "Gate", 0, "early"))
                .hasMessageContaining("choose one of: on_time, late, out_of_order");
        assertThatThrownBy(() -> new ReportObservation(TinyBlock.START, " ", "", 47, 8, false))
                .hasMessageContaining("has no category");
        assertThatThrownBy(() -> new ReportObservation(TinyBlock.START, "hazard", "", 147, 8, false))
                .hasMessageContaining("latitude -90..90");
        assertThat(new ReportObservation(TinyBlock.START, "hazard", null, 47, 8, false).note()).isEmpty();
    }

    @Test
    void csvHasTheCountsAndEveryObservation() throws IOException {
        Map<String, List<List<String>>> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes(ReportFormat.CSV)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), ReportWritersTest.parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        assertThat(files.get("checkpoint_visits.csv")).containsExactly(
                List.of("beat", "patroller", "patroller_id", "on_time", "late", "out_of_order", "visits"),
                List.of("0", "Zofia Łęcka", "p1", "2", "1", "0", "3"), List.of("1", "Adam Berg", "p2", "1", "1", "0", "2"),
                List.of("1", "Zofia Łęcka", "p1", "0", "0", "1", "1"));
        assertThat(files.get("observations_by_category.csv")).containsExactly(List.of("category", "observations"),
                List.of("hazard", "3"), List.of("door open", "1"), List.of("light out", "1"));
        List<List<String>> observations = files.get("observations.csv");
        assertThat(observations.get(0)).containsExactly("time", "patroller", "patroller_id", "beat", "category", "note",
                "photo", "lat", "lon");
        assertThat(observations).hasSize(6);
        assertThat(observations.get(1)).containsExactly("2026-11-29 08:05", "Zofia Łęcka", "p1", "0", "hazard",
                "loose paving slab", "yes", "47.000000", "8.001300");
        assertThat(observations.get(3).get(5)).isEqualTo("broken glass, \"Old\" lane");
    }

    @Test
    void geoJsonHasObservationPointsAndTheCounts() throws IOException {
        JsonNode json = new ObjectMapper().readTree(bytes(ReportFormat.GEOJSON));
        List<JsonNode> points = new ArrayList<>();
        int streets = 0;
        for (JsonNode feature : json.get("features")) {
            String kind = feature.get("properties").get("kind").asText();
            if (kind.equals("observation")) {
                points.add(feature);
            } else {
                assertThat(kind).isEqualTo("street");
                streets++;
            }
        }
        assertThat(streets).isEqualTo(REPORT.streets().size());
        assertThat(points).hasSize(5);
        JsonNode door = points.get(3);
        assertThat(door.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(door.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(8.0018);
        assertThat(door.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(47.0);
        assertThat(door.get("properties").get("category").asText()).isEqualTo("door open");
        assertThat(door.get("properties").get("has_photo").asBoolean()).isTrue();
        assertThat(door.get("properties").get("beat").asInt()).isEqualTo(1);
        assertThat(door.get("properties").get("time").asText()).isEqualTo("2026-11-29T08:45:00Z");
        assertThat(door.get("properties").get("patroller").asText()).isEqualTo("Adam Berg");
        assertThat(door.get("properties").get("patroller_id").asText()).isEqualTo("p2");
        assertThat(json.get("observations_by_category").toString()).isEqualTo(
                "{\"hazard\":3,\"door open\":1,\"light out\":1}");
        JsonNode visits = json.get("checkpoint_visits");
        assertThat(visits).hasSize(3);
        assertThat(visits.get(1).toString()).isEqualTo("{\"beat\":1,\"patroller\":\"Adam Berg\",\"patroller_id\":\"p2\","
                + "\"on_time\":1,\"late\":1,\"out_of_order\":0,\"visits\":2}");
    }

    @Test
    void htmlShowsTheTablesAndSummary() throws IOException {
        String html = new String(bytes(ReportFormat.HTML), StandardCharsets.UTF_8);
        assertThat(html).contains("<li>Checkpoint visits: 6 (3 on time, 2 late, 1 out of order)</li>",
                "<li>Observations: 5 (hazard 3, door open 1, light out 1)</li>",
                "<h2 id=\"checkpoint_visits\">Checkpoint visits by status</h2>",
                "<h2 id=\"observations_by_category\">Observations by category</h2>",
                "<h2 id=\"observations\">Observations</h2>",
                "<td class=\"n\">1</td><td>Adam Berg</td><td class=\"n\">1</td><td class=\"n\">1</td>"
                        + "<td class=\"n\">0</td><td class=\"n\">2</td>",
                "<td>hazard</td><td class=\"n\">3</td>",
                "<td>broken glass, &quot;Old&quot; lane</td><td>no</td><td class=\"n\">47.00050</td>");
    }

    @Test
    void pdfShowsTheTablesAndSummary() throws IOException {
        String text;
        try (PDDocument pdf = Loader.loadPDF(bytes(ReportFormat.PDF))) {
            text = new PDFTextStripper().getText(pdf).replaceAll("[ \\t]+", " ");
        }
        assertThat(text).contains("Checkpoint visits: 6 (3 on time, 2 late, 1 out of order)",
                "Observations: 5 (hazard 3, door open 1, light out 1)", "Checkpoint visits by status",
                "Observations by category", "Observations (5)", "loose paving slab", "side door of the depot open",
                "2026-11-29 08:45");
        assertThat(text).contains("1 Adam Berg 1 1 0 2", "Zofia Łęcka").containsPattern("hazard 3\\s")
                .doesNotContain("#p1", "#p2", " p2 ");
    }

    private static byte[] bytes(ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer().write(REPORT, out);
        return out.toByteArray();
    }
}
