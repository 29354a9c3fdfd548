package dev.rounds.storage;

import java.nio.file.Path;

/**
 * Where and how to store. Without a JDBC URL, an embedded H2 database in {@code dataDirectory};
 * with one, that database ({@code jdbc:postgresql://...} in production).
 *
 * @param jdbcUrl a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL, or {@code null} for embedded H2
 * @param username database user, or {@code null}
 * @param password database password, or {@code null}
 * @param schema a schema to create and use, or {@code null} for the database's default
 * @param dataDirectory the folder of the embedded database
 * @param maxConnections connection pool size
 * @param bcryptCost bcrypt work factor for passwords (4 to 31; 12 in production)
 */
public record StorageConfig(String jdbcUrl, String username, String password, String schema,
        Path dataDirectory, int maxConnections, int bcryptCost) {

    /** Checks the values. */
    public StorageConfig {
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("storage URL '" + jdbcUrl
                    + "' is not supported: use jdbc:postgresql://host:5432/db, jdbc:h2:..., or none for embedded H2");
        }
        if (jdbcUrl == null && dataDirectory == null) {
            throw new IllegalArgumentException("embedded storage needs a data directory");
        }
        if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema '" + schema + "' must be lower-case letters, digits and _");
        }
        if (maxConnections < 2) {
            throw new IllegalArgumentException("maxConnections must be at least 2 (schema migration holds two)");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcryptCost must be between 4 and 31, got " + bcryptCost);
        }
    }

    /** Embedded H2 in a data folder, with production settings. */
    public static StorageConfig embedded(Path dataDirectory) {
        return new StorageConfig(null, null, null, null, dataDirectory, 4, 12);
    }

    /**
     * The URL actually used. Embedded H2 gets {@code WRITE_DELAY=0}: by default H2 writes commits to
     * its file up to half a second later, and a killed process would lose pings already
     * acknowledged (CrashSafetyTest shows it).
     */
    public String effectiveUrl() {
        return jdbcUrl != null ? jdbcUrl
                : "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("rounds") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** Whether the database is PostgreSQL (otherwise H2). */
    public boolean isPostgres() {
        return effectiveUrl().startsWith("jdbc:postgresql:");
    }
}
