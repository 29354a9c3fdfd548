package dev.rounds.server.api;

import dev.rounds.server.web.ApiError;
import java.time.Instant;

/** The JSON bodies the REST API accepts. */
final class Requests {
    private Requests() {
    }

    /**
     * Log in.
     *
     * @param username login name
     * @param password password
     */
    record Login(String username, String password) {
    }

    /**
     * Create a user.
     *
     * @param username login name
     * @param password at least 8 characters
     * @param role admin, supervisor or patroller
     * @param patrollerId the patroller this user is (role patroller only)
     */
    record NewUser(String username, String password, String role, Long patrollerId) {
    }

    /**
     * Register a patroller.
     *
     * @param name display name
     */
    record NewPatroller(String name) {
    }

    /**
     * Register a device.
     *
     * @param id the identifier the device sends
     * @param patrollerId the patroller carrying it, or null
     * @param label a name for people, or null
     */
    record NewDevice(String id, Long patrollerId, String label) {
    }

    /**
     * Open a shift.
     *
     * @param patrollerId who is on duty
     * @param beat the beat
     * @param startsAt start
     * @param endsAt end, or null while open
     */
    record NewShift(Long patrollerId, String beat, Instant startsAt, Instant endsAt) {
    }

    /**
     * End a shift.
     *
     * @param endsAt end time
     */
    record EndShift(Instant endsAt) {
    }

    static <T> T required(String field, T value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw ApiError.badRequest("missing_field", "field '" + field + "' is required");
        }
        return value;
    }
}
