package dev.rounds.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared real data ({@code ../shared/data} beside the project root, or the folder named
 * by the system property {@code rounds.data} or the environment variable {@code ROUNDS_DATA}).
 *
 * <p>When the data is missing, a test that needs it fails under CI ({@code CI=true}); on a
 * developer's machine without the data it is reported as skipped, never as passed.
 */
public final class TestData {
    private TestData() {
    }

    /** The data folder; fails (CI) or aborts (elsewhere) the calling test when it is missing. */
    public static Path root() {
        Path found = locate();
        if (found == null) {
            String message = "shared test data not found: expected ../shared/data beside the project root, "
                    + "or set -Drounds.data=DIR or ROUNDS_DATA=DIR";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return found;
    }

    /** A file under the data folder, e.g. {@code file("osm/monaco-2016.osm.pbf")}; must exist. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        Assertions.assertTrue(Files.isRegularFile(path), "missing shared data file " + path);
        return path;
    }

    /** Every map extract in {@code osm/}, sorted by name; at least one. */
    public static List<Path> osmExtracts() {
        try (Stream<Path> files = Files.list(root().resolve("osm"))) {
            List<Path> extracts = new ArrayList<>(files
                    .filter(p -> p.getFileName().toString().matches(".*\\.(osm|osm\\.gz|osm\\.bz2|osm\\.pbf)"))
                    .sorted().toList());
            Assertions.assertFalse(extracts.isEmpty(), "no OSM extracts in " + root().resolve("osm"));
            return extracts;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String configured = System.getProperty("rounds.data", System.getenv("ROUNDS_DATA"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? path.toAbsolutePath() : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                Path data = dir.resolveSibling("shared").resolve("data");
                return Files.isDirectory(data) ? data : null;
            }
        }
        return null;
    }
}
