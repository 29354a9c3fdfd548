package dev.rounds.ingest.protocol;

import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads the time formats devices send: epoch seconds, epoch milliseconds and ISO dates. */
final class FixTimes {
    /** Epoch values above this are milliseconds: 10^11 s is the year 5138, 10^11 ms is 1973. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    /** Compiled once: {@code String.matches} compiled it for every ping. */
    private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");

    private FixTimes() {
    }

    /** Epoch seconds or milliseconds (told apart by size), an ISO instant, or a zone-less date in UTC. */
    static Instant parse(String field, String text) {
        String value = text.trim();
        if (EPOCH.matcher(value).matches()) {
            return fromEpoch(field, Double.parseDouble(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            return parseLocal(field, value);
        }
    }

    /** Epoch seconds or milliseconds, told apart by size. */
    static Instant fromEpoch(String field, double value) {
        if (!Double.isFinite(value)) {
            throw refuse(field, String.valueOf(value));
        }
        long millis = Math.abs(value) >= MILLIS_THRESHOLD ? (long) value : (long) (value * 1000.0);
        return Instant.ofEpochMilli(millis);
    }

    private static Instant parseLocal(String field, String value) {
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw refuse(field, value);
        }
    }

    private static MessageRefusedException refuse(String field, String value) {
        return new MessageRefusedException(DropReason.MALFORMED_FIELD, "field '" + field + "' = '" + value
                + "' is not a time: send epoch seconds, epoch milliseconds or an ISO 8601 date");
    }
}
