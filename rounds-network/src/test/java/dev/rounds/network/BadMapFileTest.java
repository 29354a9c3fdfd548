package dev.rounds.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rounds.testkit.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing, unreadable and corrupt files give a clear {@link MapReadException}, never a crash. */
class BadMapFileTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertThatThrownBy(() -> read(dir.resolve("nowhere.osm.pbf")))
                .isInstanceOf(MapReadException.class).hasMessageStartingWith("map file not found: ");
    }

    @Test
    void unknownExtension() {
        Path file = write("streets.txt", "hello");
        assertThatThrownBy(() -> read(file)).isInstanceOf(MapReadException.class)
                .hasMessageContaining("cannot tell the format").hasMessageContaining(".osm.pbf");
    }

    @Test
    void truncatedPbf() throws IOException {
        byte[] whole = Files.readAllBytes(TestData.file("osm/monaco-2016.osm.pbf"));
        Path file = dir.resolve("truncated.osm.pbf");
        Files.write(file, Arrays.copyOf(whole, whole.length / 3));
        assertThatThrownBy(() -> read(file)).isInstanceOf(MapReadException.class)
                .hasMessageContaining("is not a readable OSM PBF file");
    }

    @Test
    void textNamedPbf() {
        Path file = write("fake.osm.pbf", "<osm></osm>");
        assertThatThrownBy(() -> read(file)).isInstanceOf(MapReadException.class)
                .hasMessageContaining("is not a readable OSM PBF file");
    }

    @Test
    void gzipNameButPlainContent() {
        Path file = write("plain.osm.gz", "<osm></osm>");
        assertThatThrownBy(() -> read(file)).isInstanceOf(MapReadException.class)
                .hasMessageContaining("gzip-compressed OSM XML");
    }

    @Test
    void brokenXml() throws IOException {
        Path file = dir.resolve("broken.osm.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("<osm><node id=\"1\" lat=\"47\" lon=\"8\"/><way id=".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> read(file)).isInstanceOf(MapReadException.class)
                .hasMessageContaining("is not a readable gzip-compressed OSM XML file");
    }

    @Test
    void xmlThatIsNotOsm() {
        Path file = write("other.osm", "<html><body/></html>");
        assertThatThrownBy(() -> read(file)).isInstanceOf(MapReadException.class)
                .hasMessageContaining("no <osm> element");
    }

    @Test
    void geoJsonWithLatitudeFirst() {
        Path file = write("swapped.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                 "geometry":{"type":"LineString","coordinates":[[47.1,200.0],[47.2,200.1]]}}]}""");
        assertThatThrownBy(() -> read(file)).isInstanceOf(MapReadException.class)
                .hasMessageContaining("GeoJSON puts longitude first");
    }

    /**
     * <pre>
     *   A ---- B ---- C      line 1: A-B-C (named Quay), line 2: B-D (a MultiLineString part)
     *          |
     *          D
     * </pre>
     */
    @Test
    void geoJsonLinesJoinWhereTheyShareAPosition() {
        Path file = write("lines.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Quay","highway":"footway"},
                  "geometry":{"type":"LineString","coordinates":[[8.000,47.000],[8.001,47.000],[8.002,47.000]]}},
                 {"type":"Feature","properties":{},
                  "geometry":{"type":"MultiLineString","coordinates":[[[8.001,47.000],[8.001,46.999]]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[8.0,47.0]}}]}""");
        ImportResult result = read(file);
        StreetNetwork network = result.network();
        assertThat(network.edgeCount()).isEqualTo(3);
        assertThat(network.nodeCount()).isEqualTo(4);
        assertThat(network.attribution()).isNull();
        assertThat(result.report().components()).isEqualTo(1);
    }

    private ImportResult read(Path file) {
        return StreetMaps.importFile(file, Profiles.FOOT, ProgressListener.NONE);
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
