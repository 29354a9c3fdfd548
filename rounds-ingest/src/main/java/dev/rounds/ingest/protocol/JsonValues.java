package dev.rounds.ingest.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.ingest.DropReason;
import dev.rounds.ingest.MessageRefusedException;
import java.io.IOException;

/** Reads JSON bodies and typed values from them, refusing what does not fit with a clear message. */
final class JsonValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MessageRefusedException(DropReason.MALFORMED_BODY, "the body is empty: send a JSON object");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MessageRefusedException(DropReason.MALFORMED_BODY,
                    "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MessageRefusedException(DropReason.MALFORMED_BODY, "the body could not be read as JSON");
        }
    }

    /** A number, {@code null} when absent or JSON null. */
    static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            return FieldReader.parseNumber(field, value.asText());
        }
        throw new MessageRefusedException(DropReason.MALFORMED_FIELD, "field '" + field + "' must be a number");
    }

    /** A required number. */
    static double requiredNumber(JsonNode node, String field) {
        Double value = number(node, field);
        if (value == null) {
            throw new MessageRefusedException(DropReason.MISSING_FIELD, "field '" + field + "' is required");
        }
        return value;
    }

    /** Text, {@code null} when absent, JSON null or blank; numbers are given as text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** A scalar as a Java value (String, Boolean, Long, Double); containers as JSON text. */
    static Object scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
