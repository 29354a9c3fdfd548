package dev.rounds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.beats.PreviousStreets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the streets of a plan written before by {@code rounds plan} for {@code --from-plan}: the
 * plan folder, its {@code plan.json} (the {@code streets.geojson} beside it is read) or the
 * {@code streets.geojson} itself, each street's geometry with its {@code beat} property.
 */
final class PreviousPlanFile {
    private PreviousPlanFile() {
    }

    static PreviousStreets read(Path given) {
        Path file = streetsFile(given);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserInputException("--from-plan: cannot read " + file + " as GeoJSON: " + e.getMessage());
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            throw new UserInputException("--from-plan: " + file + " has no street features; give the folder or the "
                    + "streets.geojson written by 'rounds plan'");
        }
        PreviousStreets streets = new PreviousStreets();
        for (JsonNode feature : features) {
            streets.add(street(feature, file));
        }
        return streets;
    }

    private static Path streetsFile(Path given) {
        Path file = Files.isDirectory(given) ? given.resolve("streets.geojson")
                : given.getFileName() != null && given.getFileName().toString().endsWith(".json")
                        && !given.getFileName().toString().endsWith(".geojson") ? given.resolveSibling("streets.geojson")
                        : given;
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("--from-plan: " + file + " not found; give a plan folder written by "
                    + "'rounds plan', its plan.json or its streets.geojson");
        }
        return file;
    }

    private static PreviousStreets.Street street(JsonNode feature, Path file) {
        JsonNode coordinates = feature.path("geometry").path("coordinates");
        JsonNode beat = feature.path("properties").path("beat");
        if (!"LineString".equals(feature.path("geometry").path("type").asText()) || coordinates.size() < 2
                || !beat.canConvertToInt() || beat.asInt() < 0) {
            throw new UserInputException("--from-plan: " + file + " holds a feature that is not a street with a beat "
                    + "(a LineString with a 'beat' property >= 0): " + abbreviate(feature.toString()));
        }
        double[] lat = new double[coordinates.size()];
        double[] lon = new double[coordinates.size()];
        for (int i = 0; i < lat.length; i++) {
            lon[i] = coordinates.get(i).get(0).asDouble();
            lat[i] = coordinates.get(i).get(1).asDouble();
        }
        return new PreviousStreets.Street(lat, lon, beat.asInt());
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
