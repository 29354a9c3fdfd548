package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only: drops the foreign keys of the pings table. H2 backs every foreign key with an index
 * of exactly its columns, so the pings table kept two B-trees (device_id, shift_id) besides its
 * primary key and unique (device_id, fix_time) index, and with {@code WRITE_DELAY=0} each commit
 * rewrites every changed page of each (see docs/BENCHMARKS.md, Ingest). The keys guarded nothing
 * the writer does not: {@code PingWriter} inserts only device and shift ids it read in the same
 * transaction, and devices and shifts are never deleted. PostgreSQL, whose foreign keys need no
 * index on the referencing side, keeps them.
 */
public final class V8__h2_pings_without_foreign_keys extends BaseJavaMigration {
    private static final String FOREIGN_KEYS = "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
            + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = 'PINGS' AND CONSTRAINT_TYPE = 'FOREIGN KEY'";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : foreignKeys(connection)) {
                statement.execute("ALTER TABLE pings DROP CONSTRAINT \"" + name + "\"");
            }
        }
    }

    private static List<String> foreignKeys(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(FOREIGN_KEYS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
