package dev.rounds.storage;

import java.sql.SQLException;

/** The database failed (unreachable, full, a bug); the operation did not happen. */
public final class StorageFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Wraps the driver's exception. */
    public StorageFailure(SQLException cause) {
        super("storage failed: " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ")", cause);
    }
}
