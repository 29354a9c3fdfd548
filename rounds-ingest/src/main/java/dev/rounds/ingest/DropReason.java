package dev.rounds.ingest;

import java.util.Locale;

/** Why a message was refused or a ping dropped; {@link #code()} is what metrics and logs show. */
public enum DropReason {
    /** The message names no device. */
    MISSING_DEVICE,
    /** A field that must be there is missing. */
    MISSING_FIELD,
    /** A field could not be read (not a number, bad date, bad encoding). */
    MALFORMED_FIELD,
    /** The body is not the JSON the protocol expects. */
    MALFORMED_BODY,
    /** Latitude or longitude out of range, not a number, or exactly 0,0. */
    INVALID_COORDINATES,
    /** Fix time further in the future than the configured tolerance. */
    TIME_IN_FUTURE,
    /** Accuracy radius worse than the configured limit, or negative. */
    POOR_ACCURACY,
    /** Reported speed above the configured limit. */
    IMPLAUSIBLE_SPEED,
    /** Another ping of the same device with the same fix time was already taken. */
    DUPLICATE,
    /** The device is not registered. */
    UNKNOWN_DEVICE,
    /** The device has no patroller, or the fix time is outside every shift of its patroller. */
    OUTSIDE_SHIFT;

    /** The reason code, e.g. {@code outside_shift}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
