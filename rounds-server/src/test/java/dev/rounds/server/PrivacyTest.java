package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rounds.storage.GuardTourStore;
import dev.rounds.storage.Observation;
import dev.rounds.storage.Photo;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patrol team's privacy: viewing another person's positions is written to the audit log that
 * only admins read; raw positions and observation photos older than the retention period are
 * deleted, the rest is kept.
 */
final class PrivacyTest {
    @TempDir
    static Path dataDirectory;
    static TestServer server;
    static String admin;
    static TestServer.Fixture pat;

    @BeforeAll
    static void start() {
        server = new TestServer(dataDirectory);
        admin = server.adminAuth();
        pat = server.patrollerOnShift(admin, "Pat", "pat-phone");
        server.json("POST", "/api/v1/users", admin, Map.of("username", "sue", "password", "supervisor-1", "role", "supervisor"));
        server.json("POST", "/api/v1/users", admin, Map.of("username", "pat", "password", "patroller-1", "role", "patroller",
                "patrollerId", pat.patrollerId()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int send(Instant fix) {
        String query = "?id=pat-phone&timestamp=" + fix.getEpochSecond() + "&lat=48.1&lon=11.5&key=" + pat.token();
        return server.sendTo(URI.create(server.osmandBase() + "/" + query), "GET", null, null, null).status();
    }

    @Test
    void viewingAnotherPersonsPositionsIsAuditedAndOnlyAdminsReadTheLog() {
        String supervisor = server.login("sue", "supervisor-1");
        String patroller = server.login("pat", "patroller-1");
        int before = server.send("GET", "/api/v1/audit", admin, null, null).json().size();
        assertThat(server.send("GET", "/api/v1/shifts/" + pat.shiftId() + "/pings", patroller, null, null).status())
                .isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/audit", admin, null, null).json().size())
                .as("a patroller looking at their own positions").isEqualTo(before);
        assertThat(server.send("GET", "/api/v1/shifts/" + pat.shiftId() + "/pings", supervisor, null, null).status())
                .isEqualTo(200);
        JsonNode log = server.send("GET", "/api/v1/audit", admin, null, null).json();
        assertThat(log.size()).isEqualTo(before + 1);
        assertThat(log.get(0).get("action").asText()).isEqualTo("view_positions");
        assertThat(log.get(0).get("subject").asText()).isEqualTo("shift " + pat.shiftId() + " of patroller " + pat.patrollerId());
        assertThat(server.send("GET", "/api/v1/audit", supervisor, null, null).status()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/audit", patroller, null, null).status()).isEqualTo(403);
    }

    @Test
    void retentionDeletesPositionsOlderThanNinetyDaysAndKeepsTheRest() {
        Instant now = TestServer.NOW;
        Instant[] old = {now.minus(Duration.ofDays(200)), now.minus(Duration.ofDays(91))};
        Instant[] recent = {now.minus(Duration.ofDays(89)), now.minus(Duration.ofHours(1))};
        for (Instant t : old) {
            assertThat(send(t)).isEqualTo(200);
        }
        for (Instant t : recent) {
            assertThat(send(t)).isEqualTo(200);
        }
        server.server.retention().runOnce();
        assertThat(server.server.storage().pingsOfShift(pat.shiftId(), 1000)).extracting(p -> p.ping().fixTime())
                .contains(recent).doesNotContain(old);
        assertThat(server.server.retention().deletedCount()).isGreaterThanOrEqualTo(old.length);
    }

    @Test
    void retentionDeletesPhotosOlderThanNinetyDaysAndKeepsTheObservations() {
        GuardTourStore tour = server.server.storage().guardTour();
        Photo photo = new Photo(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3}, "image/jpeg");
        Observation old = tour.recordObservation(pat.shiftId(), "hazard", "broken step", TestServer.NOW.minus(
                Duration.ofDays(91)), 48.1, 11.5, photo);
        Observation recent = tour.recordObservation(pat.shiftId(), "hazard", "loose rail", TestServer.NOW.minus(
                Duration.ofDays(89)), 48.1, 11.5, photo);
        long before = server.server.retention().photosDeletedCount();
        server.server.retention().runOnce();
        assertThat(tour.observationPhoto(old.id())).isEmpty();
        assertThat(tour.observation(old.id())).hasValueSatisfying(o -> assertThat(o.note()).isEqualTo("broken step"));
        assertThat(tour.observationPhoto(recent.id())).hasValueSatisfying(p -> assertThat(p.bytes()).isEqualTo(photo.bytes()));
        assertThat(server.server.retention().photosDeletedCount() - before).isEqualTo(1);
    }
}
