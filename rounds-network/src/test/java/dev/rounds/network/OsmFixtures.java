package dev.rounds.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small hand-drawn OSM XML fixtures and imports them. */
final class OsmFixtures {
    private OsmFixtures() {
    }

    /** A node line: nodes sit on a 0.001-degree grid (about 111 m north-south, 76 m east-west at 47°N). */
    static String node(long id, int column, int row) {
        return String.format(java.util.Locale.ROOT, "<node id=\"%d\" lat=\"%.4f\" lon=\"%.4f\"/>%n", id,
                47.0 + row * 0.001, 8.0 + column * 0.001);
    }

    static String way(long id, String tags, long... refs) {
        StringBuilder xml = new StringBuilder("<way id=\"" + id + "\">");
        for (long ref : refs) {
            xml.append("<nd ref=\"").append(ref).append("\"/>");
        }
        for (String tag : tags.split(";")) {
            if (!tag.isBlank()) {
                String[] kv = tag.split("=", 2);
                xml.append("<tag k=\"").append(kv[0]).append("\" v=\"").append(kv[1]).append("\"/>");
            }
        }
        return xml.append("</way>\n").toString();
    }

    static Path write(Path dir, String name, String body) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n" + body + "</osm>\n",
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportResult load(Path file, Profile profile, boolean keepLargest) {
        return StreetMaps.importFile(file, profile, ProgressListener.NONE, keepLargest);
    }
}
