package dev.rounds.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.ingest.stages.Deduplication;
import dev.rounds.ingest.stages.DeviceOrdering;
import dev.rounds.ingest.stages.PlausibilityCheck;
import dev.rounds.ingest.stages.PlausibilityLimits;
import dev.rounds.ingest.stages.PublishStage;
import dev.rounds.ingest.stages.StoreStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ordered pipeline: each stage's drops and reasons, counters, ordering, and failure handling. */
final class IngestPipelineTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordingStore store = new RecordingStore();
    private final PublishStage publish = new PublishStage();
    private final List<Ping> published = new ArrayList<>();
    private final IngestPipeline pipeline = new IngestPipeline(List.of(
            new PlausibilityCheck(clock, new PlausibilityLimits(Duration.ofMinutes(5), 100, 50)),
            new Deduplication(100), new DeviceOrdering(), new StoreStage(store), publish));

    IngestPipelineTest() {
        publish.subscribe(published::addAll);
    }

    private static Ping ping(String device, int secondsAgo) {
        return Ping.builder(device, NOW.minusSeconds(secondsAgo), 48.0, 11.0).build();
    }

    @Test
    void dropsImplausiblePingsWithTheirReasons() {
        List<Ping> batch = List.of(
                ping("a", 10),
                Ping.builder("a", NOW, 91, 0).build(),
                Ping.builder("a", NOW, 0, 0).build(),
                Ping.builder("a", NOW.plus(Duration.ofMinutes(6)), 1, 1).build(),
                Ping.builder("a", NOW, 1, 1).accuracyMeters(101.0).build(),
                Ping.builder("a", NOW, 1, 1).speedMetersPerSecond(51.0).build());
        IngestResult result = pipeline.submit(batch);
        assertThat(result.accepted()).containsExactly(batch.get(0));
        assertThat(result.dropped()).extracting(d -> d.drop().reason()).containsExactly(
                DropReason.INVALID_COORDINATES, DropReason.INVALID_COORDINATES, DropReason.TIME_IN_FUTURE,
                DropReason.POOR_ACCURACY, DropReason.IMPLAUSIBLE_SPEED);
        StageStats plausibility = pipeline.stats().get(1);
        assertThat(plausibility.stage()).isEqualTo("plausibility");
        assertThat(plausibility.passed()).isEqualTo(1);
        assertThat(plausibility.droppedByReason()).containsEntry("invalid_coordinates", 2L).containsEntry("poor_accuracy", 1L);
    }

    @Test
    void dropsDuplicatesWithinAndAcrossBatches() {
        assertThat(pipeline.submit(List.of(ping("a", 5), ping("a", 5), ping("b", 5))).accepted()).hasSize(2);
        IngestResult again = pipeline.submit(List.of(ping("a", 5), ping("a", 4)));
        assertThat(again.accepted()).containsExactly(ping("a", 4));
        assertThat(again.dropped()).singleElement().satisfies(d -> {
            assertThat(d.stage()).isEqualTo("deduplicate");
            assertThat(d.drop().reason()).isEqualTo(DropReason.DUPLICATE);
        });
    }

    @Test
    void ordersEachDeviceByFixTimeAndCountsLatePings() {
        long seed = new Random().nextLong();
        List<Ping> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(ping(i % 2 == 0 ? "a" : "b", i));
        }
        Collections.shuffle(batch, new Random(seed));
        List<Ping> stored = pipeline.submit(batch).accepted();
        for (int i = 1; i < stored.size(); i++) {
            Ping before = stored.get(i - 1);
            Ping after = stored.get(i);
            if (before.deviceId().equals(after.deviceId())) {
                assertThat(after.fixTime()).as("seed " + seed).isAfter(before.fixTime());
            }
        }
        pipeline.submit(List.of(ping("a", 100)));
        assertThat(pipeline.stats().get(3).extra()).containsEntry("late", 1L);
        assertThat(store.stored).hasSize(51);
        assertThat(published).isEqualTo(store.stored);
    }

    @Test
    void storeRefusalsAreCountedAndNotPublished() {
        store.refuseDevice = "ghost";
        IngestResult result = pipeline.submit(List.of(ping("ghost", 1), ping("a", 1)));
        assertThat(result.accepted()).containsExactly(ping("a", 1));
        assertThat(result.dropped()).singleElement().satisfies(d -> assertThat(d.stage()).isEqualTo("store"));
        assertThat(published).containsExactly(ping("a", 1));
        assertThat(pipeline.stats().get(4).droppedByReason()).containsEntry("outside_shift", 1L);
    }

    @Test
    void aFailedStoreIsNotRememberedSoTheRetryIsTaken() {
        store.failNext = true;
        assertThatThrownBy(() -> pipeline.submit(List.of(ping("a", 1)))).isInstanceOf(IllegalStateException.class);
        assertThat(published).isEmpty();
        assertThat(pipeline.submit(List.of(ping("a", 1))).accepted()).hasSize(1);
    }

    @Test
    void aFailingSubscriberIsCountedAndDoesNotFailCommittedPings() {
        publish.subscribe(pings -> {
            throw new IllegalStateException("live map down");
        });
        assertThat(pipeline.submit(List.of(ping("a", 1))).accepted()).hasSize(1);
        assertThat(published).hasSize(1);
        assertThat(pipeline.stats().get(5).extra()).containsEntry("subscriber_failures", 1L);
    }

    @Test
    void countsDecodeRefusals() {
        PingDecoder refusing = new PingDecoder() {
            @Override
            public String protocol() {
                return "test";
            }

            @Override
            public DecodedMessage decode(DeviceRequest request) {
                throw new MessageRefusedException(DropReason.MISSING_DEVICE, "no device");
            }
        };
        DeviceRequest request = DeviceRequest.of("GET", "/", java.util.Map.of(), null);
        assertThatThrownBy(() -> pipeline.decode(refusing, request)).isInstanceOf(MessageRefusedException.class);
        assertThat(pipeline.stats().get(0).droppedByReason()).containsEntry("missing_device", 1L);
        assertThat(pipeline.stageNames()).containsExactly("decode", "plausibility", "deduplicate", "order", "store", "publish");
    }

    /** An in-memory store for the pipeline's own tests; storage has its own contract tests. */
    private static final class RecordingStore implements PingStore {
        final List<Ping> stored = new ArrayList<>();
        String refuseDevice;
        boolean failNext;

        @Override
        public StageOutcome storePings(List<Ping> pings) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("database down");
            }
            List<Ping> kept = pings.stream().filter(p -> !p.deviceId().equals(refuseDevice)).toList();
            List<Drop> refused = pings.stream().filter(p -> p.deviceId().equals(refuseDevice))
                    .map(p -> new Drop(p, DropReason.OUTSIDE_SHIFT)).toList();
            stored.addAll(kept);
            return new StageOutcome(kept, refused);
        }
    }
}
