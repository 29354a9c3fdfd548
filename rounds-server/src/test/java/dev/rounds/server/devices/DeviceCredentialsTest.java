package dev.rounds.server.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.storage.IssuedDevice;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.RoundsStores;
import dev.rounds.storage.StorageConfig;
import dev.rounds.storage.StorageFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A verified token is trusted for a while without storage; a wrong one never is. */
final class DeviceCredentialsTest {
    @TempDir
    Path dataDirectory;

    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void trustsAVerifiedTokenForItsPeriodOnly() {
        HandClock clock = new HandClock();
        RoundsStore store = RoundsStores.open(new StorageConfig(null, null, null, null, dataDirectory, 2, 4), clock);
        IssuedDevice phone = store.createDevice("phone", null, null);
        DeviceCredentials credentials = new DeviceCredentials(store, clock, Duration.ofSeconds(60));
        assertThat(credentials.authenticate("phone", "wrong")).isEmpty();
        assertThat(credentials.authenticate("phone", phone.token())).contains(phone.device());
        store.close();
        clock.now = clock.now.plusSeconds(59);
        assertThat(credentials.authenticate("phone", phone.token())).contains(phone.device());
        assertThatThrownBy(() -> credentials.authenticate("phone", "wrong")).isInstanceOf(StorageFailure.class);
        clock.now = clock.now.plusSeconds(1);
        assertThatThrownBy(() -> credentials.authenticate("phone", phone.token())).isInstanceOf(StorageFailure.class);
    }
}
