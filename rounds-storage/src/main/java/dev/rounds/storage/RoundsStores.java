package dev.rounds.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** Opens a {@link RoundsStore}: connects, creates the schema if asked, and migrates it with Flyway. */
public final class RoundsStores {
    private RoundsStores() {
    }

    /**
     * Opens the store described by the configuration, migrated to the latest schema.
     *
     * @throws StorageFailure when the database cannot be reached or migrated
     */
    public static RoundsStore open(StorageConfig config, Clock clock) {
        if (config.jdbcUrl() == null) {
            createDataDirectory(config);
        }
        if (config.schema() != null) {
            createSchema(config);
        }
        HikariDataSource dataSource = new HikariDataSource(hikari(config));
        try {
            migrate(config, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new JdbcRoundsStore(dataSource, clock, config.bcryptCost());
    }

    private static HikariConfig hikari(StorageConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.effectiveUrl());
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxConnections());
        hikari.setPoolName("rounds-storage");
        if (config.schema() != null) {
            hikari.setSchema(config.schema());
        }
        return hikari;
    }

    private static void migrate(StorageConfig config, HikariDataSource dataSource) {
        Map<String, String> types = config.isPostgres()
                ? Map.of("text", "TEXT", "blob", "BYTEA", "identityCache", "1", "bulkIdentityCache", "1")
                : Map.of("text", "CLOB", "blob", "BLOB", "identityCache", "4096", "bulkIdentityCache", "1000000");
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").placeholders(types);
        if (config.schema() != null) {
            flyway.schemas(config.schema());
        }
        flyway.load().migrate();
    }

    private static void createSchema(StorageConfig config) {
        Properties credentials = new Properties();
        if (config.username() != null) {
            credentials.setProperty("user", config.username());
        }
        if (config.password() != null) {
            credentials.setProperty("password", config.password());
        }
        try (Connection connection = DriverManager.getConnection(config.effectiveUrl(), credentials)) {
            Jdbc.execute(connection, "CREATE SCHEMA IF NOT EXISTS " + config.schema());
        } catch (SQLException e) {
            throw new StorageFailure(e);
        }
    }

    private static void createDataDirectory(StorageConfig config) {
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDirectory(), e);
        }
    }
}
