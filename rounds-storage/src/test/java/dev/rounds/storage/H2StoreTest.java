package dev.rounds.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on embedded H2, in a fresh temporary data folder per test. */
final class H2StoreTest extends StoreContract {
    @TempDir
    Path dataDirectory;

    @Override
    StorageConfig config() {
        return new StorageConfig(null, null, null, null, dataDirectory, 2, 4);
    }

    /** Each index of the pings table is rewritten at every commit (migrations V6 and V8). */
    @Test
    void keepsOnlyThePrimaryKeyAndTheDeviceTimeIndexOnPings() throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(config().effectiveUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES "
                        + "WHERE TABLE_NAME = 'PINGS' ORDER BY INDEX_TYPE_NAME")) {
            while (rows.next()) {
                indexes.add(rows.getString(1));
            }
        }
        assertThat(indexes).containsExactly("PRIMARY KEY", "UNIQUE INDEX");
    }
}
