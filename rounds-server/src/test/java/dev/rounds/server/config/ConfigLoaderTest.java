package dev.rounds.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults, YAML, environment overrides, refusals with useful messages, and the example file. */
final class ConfigLoaderTest {
    @TempDir
    Path folder;

    private Path yaml(String text) throws IOException {
        Path file = folder.resolve("rounds.yml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void environmentWinsOverTheFileWhichWinsOverDefaults() throws IOException {
        Path file = yaml("http:\n  port: 9000\n  host: 127.0.0.1\nstorage:\n  jdbcUrl: jdbc:postgresql://db:5432/rounds\n");
        ServerConfig config = ConfigLoader.load(file, Map.of("ROUNDS_HTTP_PORT", "9100", "ROUNDS_STORAGE_MAX_CONNECTIONS", "8",
                "ROUNDS_OSMAND_ENABLED", "false"));
        assertThat(config.http().port()).isEqualTo(9100);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.storage().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/rounds");
        assertThat(config.storage().maxConnections()).isEqualTo(8);
        assertThat(config.osmand().enabled()).isFalse();
        assertThat(config.limits()).isEqualTo(ServerConfig.defaults().limits());
        assertThat(ConfigLoader.load(null, Map.of())).isEqualTo(ServerConfig.defaults());
        assertThat(config.http().mapTiles()).isNull();
        String tiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
        assertThat(ConfigLoader.load(null, Map.of("ROUNDS_HTTP_MAP_TILES", tiles)).http().mapTiles()).isEqualTo(tiles);
    }

    @Test
    void refusesWithMessagesThatSayWhatToFix() throws IOException {
        assertRefused(yaml("http:\n  prot: 1\n"), Map.of(), "unknown option 'http.prot', known here: host, port, mapTiles");
        assertRefused(yaml("htp:\n  port: 1\n"), Map.of(), "unknown option 'htp'");
        assertRefused(yaml("http:\n  port: 70000\n"), Map.of(), "http.port must be 0 to 65535, got 70000");
        assertRefused(null, Map.of("ROUNDS_HTTP_PORT", "eighty"), "http.port");
        assertRefused(yaml("storage:\n  jdbcUrl: jdbc:mysql://x\n"), Map.of(), "storage.jdbcUrl must start with jdbc:postgresql:");
        assertRefused(yaml("- a\n- b\n"), Map.of(), "must be a YAML mapping");
        assertRefused(null, Map.of("ROUNDS_HTTP_MAP_TILES", "tiles.example/{z}.png"), "http.mapTiles must be a tile URL");
        assertRefused(folder.resolve("missing.yml"), Map.of(), "does not exist");
    }

    private static void assertRefused(Path file, Map<String, String> environment, String message) {
        assertThatThrownBy(() -> ConfigLoader.load(file, environment))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining(message);
    }

    @Test
    void theExampleFileShowsEveryOptionWithItsDefault() throws IOException {
        Path example = exampleFile();
        assertThat(ConfigLoader.load(example, Map.of())).isEqualTo(ServerConfig.defaults());
        String text = Files.readString(example);
        JsonNode defaults = new ObjectMapper().valueToTree(ServerConfig.defaults());
        List<String> missing = new ArrayList<>();
        defaults.fields().forEachRemaining(section -> {
            if (!text.contains("\n" + section.getKey() + ":\n")) {
                missing.add(section.getKey());
            }
            section.getValue().fieldNames().forEachRemaining(option -> {
                if (!text.contains("\n  " + option + ":")) {
                    missing.add(section.getKey() + "." + option);
                }
            });
        });
        assertThat(missing).isEmpty();
        assertThat(ConfigLoader.environmentName("storage", "jdbcUrl")).isEqualTo("ROUNDS_STORAGE_JDBC_URL");
    }

    private static Path exampleFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("rounds.example.yml");
            }
        }
        throw new AssertionError("project root (with mvnw) not found above " + Path.of("").toAbsolutePath());
    }
}
