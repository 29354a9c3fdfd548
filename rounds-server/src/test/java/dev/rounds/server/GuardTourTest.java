package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guard-tour features through the real server on a planned town, with the clock fixed at
 * {@link TestServer#NOW}: checkpoints and their scans (on time, late, missed, other beat, unknown),
 * observations with photos, SOS from the phone page, the lone-worker question, and a patroller's
 * own positions. Shifts start in the past so that windows have already ended at NOW.
 */
final class GuardTourTest {
    static final Instant NOW = TestServer.NOW;
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TempDir
    static Path dataDirectory;
    static TestServer server;
    static String admin;
    static String supervisor;
    static JsonNode gate;

    @BeforeAll
    static void planTownAndPlaceACheckpoint() throws Exception {
        server = new TestServer(dataDirectory);
        admin = server.adminAuth();
        long area = server.json("POST", "/api/v1/areas/town", admin, Map.of("seed", 3)).created().get("id").asLong();
        long job = server.json("POST", "/api/v1/areas/" + area + "/plans", admin, Map.of("patrollers", 3)).json()
                .get("id").asLong();
        String planId = server.awaitPlan(job, admin).path("result").path("planId").asText();
        assertThat(server.send("POST", "/api/v1/plans/" + planId + "/activate", admin, null, null).status()).isEqualTo(200);
        server.json("POST", "/api/v1/users", admin, Map.of("username", "sue", "password", "supervisor-1", "role", "supervisor"));
        supervisor = server.login("sue", "supervisor-1");
        double[] place = streetPoint(0);
        gate = server.json("POST", "/api/v1/checkpoints", supervisor, Map.of("name", "North gate", "lat", place[1],
                "lon", place[0])).created();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A point (lon, lat) on a street of the beat. */
    static double[] streetPoint(int beat) {
        JsonNode streets = server.send("GET", "/api/v1/live/state", admin, null, null).json().path("streets").path("features");
        for (JsonNode street : streets) {
            if (street.path("properties").path("beat").asInt() == beat) {
                JsonNode a = street.path("geometry").path("coordinates").get(0);
                JsonNode b = street.path("geometry").path("coordinates").get(1);
                return new double[] {(a.get(0).asDouble() + b.get(0).asDouble()) / 2,
                        (a.get(1).asDouble() + b.get(1).asDouble()) / 2};
            }
        }
        throw new AssertionError("no street on beat " + beat);
    }

    /** A patroller with a login, a device and a shift on the beat that started {@code minutesAgo} before NOW. */
    static Patroller patroller(String name, int beat, int minutesAgo) {
        long id = server.json("POST", "/api/v1/patrollers", admin, Map.of("name", name)).created().get("id").asLong();
        String token = server.json("POST", "/api/v1/devices", admin, Map.of("id", name + "-phone", "patrollerId", id))
                .created().get("token").asText();
        long shift = server.json("POST", "/api/v1/shifts", admin, Map.of("patrollerId", id, "beat", Integer.toString(beat),
                "startsAt", NOW.minus(Duration.ofMinutes(minutesAgo)).toString())).created().get("id").asLong();
        String username = name.toLowerCase(java.util.Locale.ROOT);
        server.json("POST", "/api/v1/users", admin, Map.of("username", username, "password", "password-" + name,
                "role", "patroller", "patrollerId", id));
        return new Patroller(id, shift, token, server.login(username, "password-" + name));
    }

    record Patroller(long id, long shiftId, String deviceToken, String auth) {
    }

    static TestServer.Answer scan(Patroller who, String code, String at) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "method", "code", "lat", 0.0, "lon", 0.0));
        body.put("lat", gate.get("lat").asDouble());
        body.put("lon", gate.get("lon").asDouble());
        if (at != null) {
            body.put("at", at);
        }
        return server.json("POST", "/api/v1/checkpoint-visits", who.auth(), body);
    }

    static List<JsonNode> alertsOf(long shiftId, String kind) throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i < 50 && found.isEmpty(); i++) {
            for (JsonNode alert : server.send("GET", "/api/v1/alerts", admin, null, null).json()) {
                if (alert.path("shiftId").asLong() == shiftId && alert.path("kind").asText().equals(kind)) {
                    found.add(alert);
                }
            }
            if (found.isEmpty()) {
                Thread.sleep(100);
            }
        }
        return found;
    }

    @Test
    void aCheckpointGetsTheBeatOfItsNearestStreetAndASecretCodeOnlyStaffSee() {
        assertThat(gate.get("beat").asText()).isEqualTo("0");
        assertThat(gate.get("code").asText()).matches("[2-9A-Z]{10}");
        Patroller other = patroller("Olga", 1, 10);
        assertThat(server.send("GET", "/api/v1/checkpoints", other.auth(), null, null).json()).isEmpty();
        Patroller own = patroller("Omar", 0, 10);
        JsonNode seen = server.send("GET", "/api/v1/checkpoints", own.auth(), null, null).json();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).has("code")).isFalse();
        assertThat(server.send("GET", "/api/v1/checkpoints/sheet.pdf?beat=2", supervisor, null, null).status())
                .isEqualTo(404);
        TestServer.Answer link = server.send("GET", "/c/" + gate.get("code").asText(), null, null, null);
        assertThat(link.status()).isEqualTo(302);
        assertThat(link.headers().get("location")).containsExactly("/phone.html#scan=" + gate.get("code").asText());
    }

    @Test
    void thePrintableSheetCarriesEachCheckpointsNameAndScanAddress() throws Exception {
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/v1/checkpoints/sheet.pdf"))
                        .header("Authorization", supervisor).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("North gate").contains(server.base() + "/c/" + gate.get("code").asText());
        }
    }

    @Test
    void scansAreOnTimeOrLateAndUnvisitedCheckpointsAreMissed() throws Exception {
        String code = gate.get("code").asText();
        // Windows of 60 min from the shift start, 10 min grace.
        Patroller early = patroller("Ann", 0, 80);
        Patroller late = patroller("Ben", 0, 65);
        TestServer.Answer onTime = scan(early, code.toLowerCase(java.util.Locale.ROOT), null);
        assertThat(onTime.created().get("status").asText()).isEqualTo("on_time");
        assertThat(onTime.json().get("name").asText()).isEqualTo("North gate");
        assertThat(scan(late, code, null).created().get("status").asText()).isEqualTo("late");
        assertThat(alertsOf(late.shiftId(), "CHECKPOINT_LATE")).singleElement()
                .satisfies(a -> assertThat(a.get("reason").asText()).contains("North gate"));
        assertThat(alertsOf(early.shiftId(), "CHECKPOINT_MISSED")).singleElement()
                .satisfies(a -> assertThat(a.get("reason").asText()).contains("North gate").contains("round 1"));
        assertThat(alertsOf(early.shiftId(), "ROUND_NOT_STARTED")).isNotEmpty();
        JsonNode mine = server.send("GET", "/api/v1/me/shift", early.auth(), null, null).json();
        assertThat(mine.path("checkpoints")).singleElement()
                .satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("done"));
        assertThat(mine.path("round").path("legs").size()).isGreaterThan(3);
        assertThat(mine.path("round").path("through").asText()).isEqualTo("walk through");
        assertThat(server.send("GET", "/api/v1/me/shift", late.auth(), null, null).json().path("checkpoints").get(0)
                .get("status").asText()).isEqualTo("due");
    }

    @Test
    void scansThatCannotBeRecordedAreRefusedWithAReason() {
        String code = gate.get("code").asText();
        Patroller elsewhere = patroller("Cleo", 1, 10);
        TestServer.Answer otherBeat = scan(elsewhere, code, null);
        assertThat(otherBeat.status()).isEqualTo(409);
        assertThat(otherBeat.json().get("code").asText()).isEqualTo("other_beat");
        Patroller dan = patroller("Dan", 0, 10);
        assertThat(scan(dan, "NOSUCHCODE", null).json().get("code").asText()).isEqualTo("unknown_checkpoint");
        TestServer.Answer beforeShift = scan(dan, code, NOW.minus(Duration.ofMinutes(30)).toString());
        assertThat(beforeShift.status()).isEqualTo(409);
        assertThat(beforeShift.json().get("code").asText()).isEqualTo("not_on_shift");
        assertThat(scan(dan, code, NOW.plus(Duration.ofHours(1)).toString()).json().get("code").asText())
                .isEqualTo("future_time");
        assertThat(server.json("POST", "/api/v1/checkpoint-visits", supervisor, Map.of("code", code)).status())
                .isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/me/shift", dan.auth(), null, null).json().path("checkpoints").get(0)
                .get("status").asText()).isEqualTo("due");
    }

    @Test
    void observationsKeepCategoryNoteAndPhotoAndEachPatrollerSeesTheirOwn() {
        Patroller eve = patroller("Eve", 2, 30);
        Patroller fay = patroller("Fay", 2, 30);
        assertThat(server.send("GET", "/api/v1/observation-categories", eve.auth(), null, null).json())
                .extracting(JsonNode::asText).contains("hazard", "light out", "other");
        String photo = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
        JsonNode made = server.json("POST", "/api/v1/observations", eve.auth(), Map.of("category", "light out",
                "note", "Lamp by the bins is out", "lat", 48.1, "lon", 11.5, "photo", photo)).created();
        assertThat(made.get("hasPhoto").asBoolean()).isTrue();
        assertThat(made.get("patrollerName").asText()).isEqualTo("Eve");
        TestServer.Answer image = server.send("GET", "/api/v1/observations/" + made.get("id").asLong() + "/photo",
                supervisor, null, null);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.headers().get("content-type").get(0)).startsWith("image/png");
        assertThat(server.send("GET", "/api/v1/observations/" + made.get("id").asLong() + "/photo", fay.auth(), null, null)
                .status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/observations", fay.auth(), null, null).json()).isEmpty();
        assertThat(server.send("GET", "/api/v1/observations", supervisor, null, null).json())
                .anySatisfy(o -> assertThat(o.get("note").asText()).isEqualTo("Lamp by the bins is out"));
        assertThat(server.send("GET", "/api/v1/live/state", supervisor, null, null).json().path("observations"))
                .anySatisfy(o -> assertThat(o.get("id").asLong()).isEqualTo(made.get("id").asLong()));

        TestServer.Answer unknown = server.json("POST", "/api/v1/observations", eve.auth(), Map.of("category", "suspect",
                "note", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("unknown category");
        TestServer.Answer notAnImage = server.json("POST", "/api/v1/observations", eve.auth(), Map.of("category", "other",
                "note", "x", "photo", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString("<html>".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(notAnImage.json().get("code").asText()).isEqualTo("bad_photo");
        assertThat(server.json("PUT", "/api/v1/observation-categories", supervisor,
                Map.of("categories", List.of("x"))).status()).isEqualTo(403);
    }

    @Test
    void anSosFromThePhonePageIsATopPriorityAlertWithThePosition() throws Exception {
        Patroller gil = patroller("Gil", 1, 30);
        JsonNode alert = server.json("POST", "/api/v1/sos", gil.auth(), Map.of("lat", 48.2, "lon", 11.6)).created();
        assertThat(alert.get("kind").asText()).isEqualTo("SOS");
        assertThat(alert.get("priority").asInt()).isZero();
        assertThat(alert.get("lat").asDouble()).isEqualTo(48.2);
        assertThat(alert.get("reason").asText()).contains("Gil");
        assertThat(alertsOf(gil.shiftId(), "SOS")).hasSize(1);
        assertThat(server.json("POST", "/api/v1/sos", admin, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aPatrollerStandingStillIsAskedAndAnswersAndCanExportTheirOwnPositions() throws Exception {
        Patroller hal = patroller("Hal", 2, 60);
        double[] place = streetPoint(2);
        for (int minute = 25; minute >= 0; minute--) {
            Instant fix = NOW.minus(Duration.ofMinutes(minute));
            String query = "?id=Hal-phone&timestamp=" + fix.getEpochSecond() + "&lat=" + place[1] + "&lon=" + place[0]
                    + "&key=" + hal.deviceToken();
            assertThat(server.send("GET", "/osmand" + query, null, null, null).status()).isEqualTo(200);
        }
        JsonNode check = null;
        for (int i = 0; i < 50 && (check == null || check.isNull()); i++) {
            check = server.send("GET", "/api/v1/me/shift", hal.auth(), null, null).json().path("check");
            Thread.sleep(100);
        }
        assertThat(check.path("answerBy").asText()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toString());
        assertThat(server.json("POST", "/api/v1/me/check", hal.auth(), Map.of()).json().get("answered").asBoolean()).isTrue();
        assertThat(server.send("GET", "/api/v1/me/shift", hal.auth(), null, null).json().path("check").isNull()).isTrue();
        assertThat(server.json("POST", "/api/v1/me/check", hal.auth(), Map.of()).json().get("answered").asBoolean()).isFalse();

        TestServer.Answer csv = server.send("GET", "/api/v1/me/positions?format=csv", hal.auth(), null, null);
        assertThat(csv.body().lines()).hasSize(27).first().isEqualTo("shift_id,time,lat,lon,accuracy_m,speed_mps,device");
        String gpx = server.send("GET", "/api/v1/me/positions?format=gpx", hal.auth(), null, null).body();
        assertThat(gpx).contains("<trkpt").contains("<name>shift " + hal.shiftId() + "</name>");
        assertThat(gpx.split("<trkpt", -1)).hasSize(27);
        assertThat(server.send("GET", "/api/v1/me/positions?format=kml", hal.auth(), null, null).status()).isEqualTo(400);
    }

    @Test
    void aShiftRecordedOfflineIsUploadedAsGpxAndCountsForCoverage() throws Exception {
        Patroller ivy = patroller("Ivy", 0, 120);
        JsonNode street = longestStreet(0);
        long edge = street.path("properties").path("id").asLong();
        List<double[]> walk = along(street.path("geometry").path("coordinates"), 8);
        StringBuilder gpx = new StringBuilder("<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\" "
                + "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>");
        Instant start = NOW.minus(Duration.ofMinutes(90));
        for (int i = 0; i < walk.size(); i++) {
            gpx.append("<trkpt lat=\"").append(walk.get(i)[1]).append("\" lon=\"").append(walk.get(i)[0])
                    .append("\"><time>").append(start.plusSeconds(6L * i)).append("</time></trkpt>");
        }
        gpx.append("<trkpt lat=\"48.1\" lon=\"11.5\"><time>").append(NOW.minus(Duration.ofHours(5)))
                .append("</time></trkpt></trkseg></trk></gpx>");
        byte[] file = gpx.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode answer = server.send("POST", "/api/v1/shifts/" + ivy.shiftId() + "/gpx", ivy.auth(),
                "application/gpx+xml", file).json();
        assertThat(answer.get("accepted").asInt()).isEqualTo(walk.size());
        assertThat(answer.path("dropped").path("outside_shift").asInt()).isEqualTo(1);
        assertThat(server.send("POST", "/api/v1/shifts/" + ivy.shiftId() + "/gpx", ivy.auth(), "application/gpx+xml", file)
                .json().get("accepted").asInt()).as("the same file again: duplicates").isZero();
        Patroller jon = patroller("Jon", 0, 10);
        assertThat(server.send("POST", "/api/v1/shifts/" + ivy.shiftId() + "/gpx", jon.auth(), "application/gpx+xml", file)
                .status()).isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/shifts/" + ivy.shiftId() + "/gpx", ivy.auth(), "application/gpx+xml",
                "<gpx>".getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().get("code").asText()).isEqualTo("bad_gpx");
        String walked = null;
        for (int i = 0; i < 50 && walked == null; i++) {
            for (JsonNode feature : server.send("GET", "/api/v1/coverage?from=" + start.minusSeconds(1), admin, null, null)
                    .json().path("features")) {
                if (feature.path("properties").path("id").asLong() == edge
                        && !feature.path("properties").path("last_visit").isNull()) {
                    walked = feature.path("properties").path("last_visit").asText();
                }
            }
            Thread.sleep(100);
        }
        assertThat(walked).as("street %d walked in the uploaded track", edge).isNotNull();
        assertThat(Instant.parse(walked)).isBetween(start, start.plusSeconds(6L * walk.size()));
    }

    @Test
    void theReportListsObservationsAndCheckpointVisitsByName() {
        Patroller kim = patroller("Kim", 0, 50);
        assertThat(scan(kim, gate.get("code").asText(), null).created().get("status").asText()).isEqualTo("on_time");
        server.json("POST", "/api/v1/observations", kim.auth(), Map.of("category", "damage",
                "note", "Broken fence panel at the car park", "lat", 48.1, "lon", 11.5)).created();
        server.json("POST", "/api/v1/observations", kim.auth(), Map.of("category", "door open", "note", "")).created();
        JsonNode report = server.send("GET", "/api/v1/reports?format=geojson&from=" + NOW.minus(Duration.ofDays(1))
                + "&to=" + NOW.plus(Duration.ofHours(1)), supervisor, null, null).json();
        assertThat(report.path("observations_by_category").path("damage").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.path("checkpoint_visits")).anySatisfy(c -> {
            assertThat(c.get("patroller").asText()).isEqualTo("Kim");
            assertThat(c.get("on_time").asInt()).isEqualTo(1);
        });
        List<JsonNode> kims = new ArrayList<>();
        report.path("features").forEach(f -> {
            if (f.path("properties").path("kind").asText().equals("observation")
                    && f.path("properties").path("patroller").asText().equals("Kim")) {
                kims.add(f);
            }
        });
        assertThat(kims).extracting(f -> f.path("properties").path("category").asText())
                .containsExactlyInAnyOrder("damage", "door open");
        assertThat(kims).filteredOn(f -> f.path("properties").path("category").asText().equals("door open"))
                .singleElement().satisfies(f -> assertThat(f.path("geometry").isNull()).isTrue());
    }

    static JsonNode longestStreet(int beat) {
        JsonNode best = null;
        for (JsonNode street : server.send("GET", "/api/v1/coverage", admin, null, null).json().path("features")) {
            if (street.path("properties").path("beat").asInt() == beat && (best == null
                    || street.path("properties").path("length_m").asDouble() > best.path("properties").path("length_m").asDouble())) {
                best = street;
            }
        }
        return best;
    }

    /** Points every {@code step} metres (roughly) along a line of (lon, lat) coordinates. */
    static List<double[]> along(JsonNode coordinates, double step) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i + 1 < coordinates.size(); i++) {
            double[] a = {coordinates.get(i).get(0).asDouble(), coordinates.get(i).get(1).asDouble()};
            double[] b = {coordinates.get(i + 1).get(0).asDouble(), coordinates.get(i + 1).get(1).asDouble()};
            double meters = Math.hypot((b[0] - a[0]) * 111_320 * Math.cos(Math.toRadians(a[1])), (b[1] - a[1]) * 110_540);
            int n = Math.max(1, (int) Math.ceil(meters / step));
            for (int k = 0; k < n; k++) {
                points.add(new double[] {a[0] + (b[0] - a[0]) * k / n, a[1] + (b[1] - a[1]) * k / n});
            }
        }
        JsonNode last = coordinates.get(coordinates.size() - 1);
        points.add(new double[] {last.get(0).asDouble(), last.get(1).asDouble()});
        return points;
    }
}
