package dev.rounds.ingest.protocol;

import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code application/x-www-form-urlencoded} text (a query string or a form body). */
public final class FormFields {
    private FormFields() {
    }

    /**
     * The fields in order, each with all its values; {@code +} reads as a space.
     *
     * @throws MessageRefusedException when a percent escape is invalid
     */
    public static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        fields.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MessageRefusedException(DropReason.MALFORMED_FIELD,
                    "invalid percent-encoding in '" + text + "': escape special characters as %XX");
        }
    }
}
