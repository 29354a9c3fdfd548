package dev.rounds.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on embedded H2, in a fresh temporary data folder per test. */
final class H2StoreTest extends StoreContract {
    @TempDir
    Path dataDirectory;

    @Override
    StorageConfig config() {
        return new StorageConfig(null, null, null, null, dataDirectory, 2, 4);
    }
}
