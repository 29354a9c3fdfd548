package dev.rounds.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared real data for tests (see {@link DataFolder} for where it is looked for).
 *
 * <p>When the data is missing, a test that needs it fails under CI ({@code CI=true}); on a
 * developer's machine without the data it is reported as skipped, never as passed.
 */
public final class TestData {
    private TestData() {
    }

    /** The data folder; fails (CI) or aborts (elsewhere) the calling test when it is missing. */
    public static Path root() {
        Optional<Path> found = DataFolder.find();
        if (found.isEmpty()) {
            String message = "shared test data not found: expected ../shared/data beside the project root, "
                    + "or set -Drounds.data=DIR or ROUNDS_DATA=DIR";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    /** A file under the data folder, e.g. {@code file("osm/monaco-2016.osm.pbf")}; must exist. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        Assertions.assertTrue(Files.isRegularFile(path), "missing shared data file " + path);
        return path;
    }

    /** Every map extract in {@code osm/}, sorted by name; at least one. */
    public static List<Path> osmExtracts() {
        List<Path> extracts = DataFolder.osmExtracts(root());
        Assertions.assertFalse(extracts.isEmpty(), "no OSM extracts in " + root().resolve("osm"));
        return extracts;
    }
}
