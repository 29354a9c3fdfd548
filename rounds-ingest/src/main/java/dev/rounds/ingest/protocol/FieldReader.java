package dev.rounds.ingest.protocol;

import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to text fields (query or form), remembering which fields were read. */
final class FieldReader {
    private final Map<String, List<String>> fields;
    private final Set<String> consumed = new LinkedHashSet<>();

    FieldReader(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** The first value of the first of the names present, or {@code null}; marks all names read. */
    String text(String... names) {
        String found = null;
        for (String name : names) {
            consumed.add(name);
            List<String> values = fields.get(name);
            if (found == null && values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                found = values.get(0).trim();
            }
        }
        return found;
    }

    /** A number field, or {@code null} when absent. */
    Double number(String... names) {
        String value = text(names);
        return value == null ? null : parseNumber(names[0], value);
    }

    /** Marks fields as read without using them (e.g. credentials that must not be stored). */
    void skip(String... names) {
        consumed.addAll(List.of(names));
    }

    /** Every field not read, with multiple values joined by {@code ;}. */
    Map<String, String> rest() {
        Map<String, String> rest = new java.util.LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (!consumed.contains(name)) {
                rest.put(name, String.join(";", values));
            }
        });
        return rest;
    }

    static double parseNumber(String field, String value) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new MessageRefusedException(DropReason.MALFORMED_FIELD,
                "field '" + field + "' = '" + value + "' is not a number");
    }
}
