package dev.rounds.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Locates the shared real data without any test framework, for benchmarks and tools: the folder
 * named by {@code -Drounds.data=DIR} or {@code ROUNDS_DATA}, else {@code ../shared/data} beside the
 * project root (the folder holding {@code mvnw}).
 */
public final class DataFolder {
    private DataFolder() {
    }

    /** The data folder if it exists. */
    public static Optional<Path> find() {
        String configured = System.getProperty("rounds.data", System.getenv("ROUNDS_DATA"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                Path data = dir.resolveSibling("shared").resolve("data");
                return Files.isDirectory(data) ? Optional.of(data) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The data folder, or an exception that says where it was looked for and how to point to it. */
    public static Path require() {
        return find().orElseThrow(() -> new IllegalStateException(
                "shared data not found: expected ../shared/data beside the project root, "
                        + "or set -Drounds.data=DIR or ROUNDS_DATA=DIR"));
    }

    /** The map extracts in {@code osm/}, sorted by name. */
    public static List<Path> osmExtracts(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("osm"))) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(osm|osm\\.gz|osm\\.bz2|osm\\.pbf)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
