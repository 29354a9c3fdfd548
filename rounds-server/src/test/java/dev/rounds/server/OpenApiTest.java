package dev.rounds.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document describes exactly the endpoints the server registers. */
final class OpenApiTest {
    @TempDir
    Path dataDirectory;

    @Test
    void documentsEveryEndpointAndNoOther() {
        try (TestServer server = new TestServer(dataDirectory)) {
            TestServer.Answer answer = server.send("GET", "/api/v1/openapi.json", null, null, null);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode doc = answer.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            Set<String> documented = new HashSet<>();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            Set<String> served = server.server.endpoints().stream()
                    .map(e -> e.method().name() + " " + e.path()).collect(Collectors.toSet());
            assertThat(documented).isEqualTo(served);
            doc.get("paths").forEach(path -> path.forEach(op -> assertThat(op.has("responses")).isTrue()));
        }
    }
}
