package dev.rounds.server.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.rounds.storage.Role;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/** The server's JSON conventions (ISO times, unknown fields refused) and size-limited body reading. */
public final class JsonBodies {
    /** The mapper for requests and responses. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("rounds").addSerializer(Role.class, new RoleSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private JsonBodies() {
    }

    /**
     * Reads the body as the given type.
     *
     * @throws ApiError 400 for malformed JSON or unknown fields, 413 when too large
     */
    public static <T> T read(Context ctx, long maxBytes, Class<T> type) {
        byte[] body = RequestBodies.read(ctx, maxBytes);
        if (body.length == 0) {
            throw ApiError.badRequest("missing_body", "send a JSON object in the body");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiError.badRequest("missing_body", "send a JSON object in the body");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiError(400, "unknown_field", "unknown field '" + e.getPropertyName() + "'",
                    Map.of("known", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
        } catch (IOException e) {
            throw ApiError.badRequest("malformed_json", "the body is not the JSON this endpoint expects: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : "unreadable"));
        }
    }

    /** Roles appear in JSON as their lower-case codes, as the API accepts them. */
    private static final class RoleSerializer extends StdSerializer<Role> {
        private static final long serialVersionUID = 1L;

        RoleSerializer() {
            super(Role.class);
        }

        @Override
        public void serialize(Role role, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(role.code());
        }
    }
}
