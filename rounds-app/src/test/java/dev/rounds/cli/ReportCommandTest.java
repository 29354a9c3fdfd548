package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rounds.network.DemoTown;
import dev.rounds.network.StreetNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rounds report} end to end on the generated town with a JSON input written here: one shift
 * walking the first ten streets, every format, the empty period, and bad input as one line, exit 2.
 */
class ReportCommandTest {
    static final Instant START = Instant.parse("2026-11-02T06:00:00Z");
    @TempDir
    Path dir;
    Path input;
    StreetNetwork town;

    @BeforeEach
    void writeInput() throws IOException {
        town = DemoTown.generate(1).network();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode beatOfEdge = root.putArray("beatOfEdge");
        for (int e = 0; e < town.edgeCount(); e++) {
            beatOfEdge.add(e < town.edgeCount() / 2 ? 0 : 1);
        }
        root.putArray("beats").add(json.createObjectNode().put("roundMinutes", 600).put("roundsPerShift", 1))
                .add(json.createObjectNode().put("roundMinutes", 600).put("roundsPerShift", 1));
        root.putArray("shifts").add(json.createObjectNode().put("id", "s1").put("patroller", "p1").put("beat", 0)
                .put("start", START.toString()).put("end", START.plusSeconds(4 * 3600).toString()));
        ArrayNode visits = root.putArray("visits");
        ArrayNode fixes = root.putArray("fixes");
        for (int e = 0; e < 10; e++) {
            visits.add(json.createObjectNode().put("patroller", "p1").put("edge", e)
                    .put("entry", START.plusSeconds(60L * e).toString())
                    .put("exit", START.plusSeconds(60L * e + 50).toString()).put("share", 1.0));
            fixes.add(json.createObjectNode().put("patroller", "p1").put("time", START.plusSeconds(60L * e).toString())
                    .put("lat", town.nodeLat(town.edgeFrom(e))).put("lon", town.nodeLon(town.edgeFrom(e))));
        }
        root.putArray("alerts").add(json.createObjectNode().put("kind", "ROUND_OVERDUE").put("key", "k1")
                .put("raisedAt", START.plusSeconds(3600).toString()).put("shift", "s1").put("patroller", "p1")
                .put("beat", 0).put("reason", "round 1 overdue").put("acknowledgedAt",
                        START.plusSeconds(3900).toString()).put("comment", "called in"));
        root.putObject("patrollerNames").put("p1", "Dana Horáková");
        input = dir.resolve("input.json");
        json.writeValue(input.toFile(), root);
    }

    private CliRun report(String format, Path out, String... more) {
        String[] base = {"report", "--generate-town", "--seed", "1", "--input", input.toString(), "--from",
            "2026-11-02", "--to", "2026-11-03", "--format", format, "--out", out.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void writesEveryFormat() throws IOException {
        Path pdf = dir.resolve("report.pdf");
        CliRun run = report("pdf", pdf);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 shifts, 0 of 1 rounds, 1 patrollers, 1 beats").contains("wrote");
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        Path zip = dir.resolve("report.zip");
        assertThat(report("csv", zip).exitCode()).isZero();
        Map<String, String> files = unzip(zip);
        String[] streets = files.get("streets.csv").split("\r\n");
        assertThat(streets[0]).startsWith("street_id,name,beat,length_m,visits,");
        assertThat(streets[1].split(",")[0]).isEqualTo("0");
        assertThat(files.get("alerts.csv")).contains("called in");
        assertThat(files.get("patrollers.csv")).contains("Dana Horáková,p1,1,0,1,");

        Path geojson = dir.resolve("report.geojson");
        assertThat(report("geojson", geojson).exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(geojson.toFile()).path("features").size())
                .isEqualTo(town.edgeCount());

        Path html = dir.resolve("report.html");
        assertThat(report("html", html, "--patroller", "p1").exitCode()).isZero();
        assertThat(Files.readString(html)).contains("patroller Dana Horáková").contains("<td>Dana Horáková</td>")
                .contains("<svg");
    }

    @Test
    void anEmptyPeriodIsReportedNotRefused() throws IOException {
        Path pdf = dir.resolve("empty.pdf");
        CliRun run = CliRun.of("report", "--generate-town", "--input", input.toString(), "--from", "2026-10-01",
                "--to", "2026-10-02", "--out", pdf.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("No patrol data: no shift started between");
        assertThat(Files.size(pdf)).isPositive();
    }

    @Test
    void badInputIsOneLineWithExitTwo() throws IOException {
        Path out = dir.resolve("x.pdf");
        CliRun format = report("docx", out);
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("unknown report format 'docx', choose one of: csv, geojson, html, pdf");
        CliRun when = CliRun.of("report", "--generate-town", "--input", input.toString(), "--from", "yesterday",
                "--to", "2026-11-03", "--out", out.toString());
        assertThat(when.err()).contains("--from 'yesterday' is neither a date");
        CliRun otherMap = CliRun.of("report", "--generate-town", "--seed", "2", "--input", input.toString(),
                "--from", "2026-11-02", "--to", "2026-11-03", "--out", out.toString());
        assertThat(DemoTown.generate(2).network().edgeCount()).as("another town").isNotEqualTo(town.edgeCount());
        assertThat(otherMap.exitCode()).isEqualTo(2);
        assertThat(otherMap.err()).contains("give the map the input was made on");
        CliRun beat = report("pdf", out, "--beat", "9");
        assertThat(beat.exitCode()).isEqualTo(2);
        assertThat(beat.err()).contains("no beat 9: the plan has beats 0..1");
        assertThat(out).doesNotExist();
    }

    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                files.put(e.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
