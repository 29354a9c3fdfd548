package dev.rounds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process writing to embedded H2 with SIGKILL in the middle of its writes; every batch it
 * reported committed must be there after reopening. (PostgreSQL's durability is PostgreSQL's.)
 */
final class CrashSafetyTest {
    @TempDir
    Path dataDirectory;

    @Test
    void noCommittedPingIsLostWhenTheWriterIsKilled() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", CrashWriter.class.getName(), dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long reported = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    reported = Long.parseLong(line.substring("committed ".length()));
                    if (reported >= 3000) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reported).as("the writer must have committed before being killed").isGreaterThanOrEqualTo(3000);
        try (RoundsStore store = RoundsStores.open(new StorageConfig(null, null, null, null, dataDirectory, 2, 4),
                Clock.systemUTC())) {
            assertThat(store.countPings()).isGreaterThanOrEqualTo(reported);
        }
    }
}
