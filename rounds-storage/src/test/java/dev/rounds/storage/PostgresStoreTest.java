package dev.rounds.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The storage contract on PostgreSQL, in a fresh schema per test that is dropped afterwards.
 * There is no skipping: without the PostgreSQL at {@code ROUNDS_TEST_POSTGRES_URL} (default
 * 127.0.0.1:5432, database {@code test}, user {@code postgres}) every test here fails.
 */
final class PostgresStoreTest extends StoreContract {
    static final String URL = System.getenv().getOrDefault("ROUNDS_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("ROUNDS_TEST_POSTGRES_USER", "postgres");

    private final String schema = "rounds_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    @Override
    StorageConfig config() {
        return new StorageConfig(URL, USER, null, schema, null, 2, 4);
    }

    @Override
    void cleanUp() {
        try (Connection connection = DriverManager.getConnection(URL, USER, null);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
