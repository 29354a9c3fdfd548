package dev.rounds.server.plans;

import dev.rounds.network.DemoTown;
import dev.rounds.network.ImportResult;
import dev.rounds.network.MapReadException;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profile;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import dev.rounds.server.web.ApiError;
import dev.rounds.storage.Area;
import dev.rounds.storage.RoundsStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The imported areas: stores each map file as uploaded (or the seed of the generated town) with the
 * profile it was imported with, and keeps the street networks read from them in memory.
 * Stored format: {@code <file ending>:<profile>}, e.g. {@code osm.pbf:foot} or {@code town:foot}.
 */
public final class AreaCatalog {
    private static final String TOWN = "town";
    private final RoundsStore store;
    private final Map<Long, StreetNetwork> networks = new ConcurrentHashMap<>();

    public AreaCatalog(RoundsStore store) {
        this.store = store;
    }

    /** Imports an uploaded map file (checked by importing it before anything is stored). */
    public Area importMap(String fileName, String profileName, Path upload) {
        Profile profile = profile(profileName);
        String ending = ending(fileName);
        StreetNetwork network = read(upload, fileName, profile);
        byte[] data;
        try {
            data = Files.readAllBytes(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Area area = store.saveArea(fileName, ending + ":" + profile.name(), data);
        networks.put(area.id(), network);
        return area;
    }

    /** Stores the generated demo town for a seed. */
    public Area generateTown(long seed) {
        String name = "Generated town (seed " + seed + ")";
        Area area = store.saveArea(name, TOWN + ":foot", Long.toString(seed).getBytes(StandardCharsets.UTF_8));
        networks.put(area.id(), DemoTown.generate(seed).network());
        return area;
    }

    /** The street network of an area, read from its stored map the first time. */
    public StreetNetwork network(long areaId) {
        return networks.computeIfAbsent(areaId, this::load);
    }

    /** The area record, or a 404. */
    public Area area(long areaId) {
        return store.area(areaId).orElseThrow(() -> ApiError.notFound("no area " + areaId));
    }

    private StreetNetwork load(long areaId) {
        Area area = area(areaId);
        String[] format = area.mapFormat().split(":");
        byte[] data = store.areaMap(areaId).orElseThrow(() -> ApiError.notFound("no map stored for area " + areaId));
        if (TOWN.equals(format[0])) {
            return DemoTown.generate(Long.parseLong(new String(data, StandardCharsets.UTF_8).trim())).network();
        }
        try {
            Path file = Files.createTempFile("rounds-area-", "." + format[0]);
            try {
                Files.write(file, data);
                return read(file, area.name(), profile(format.length > 1 ? format[1] : "foot"));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StreetNetwork read(Path file, String fileName, Profile profile) {
        Path named = file;
        try {
            if (!file.getFileName().toString().endsWith(ending(fileName))) {
                named = Files.createTempFile("rounds-upload-", "." + ending(fileName));
                Files.copy(file, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ImportResult result = StreetMaps.importFile(named, profile, ProgressListener.NONE);
            return result.network();
        } catch (MapReadException e) {
            throw ApiError.badRequest("bad_map", e.getMessage().replace(named.toString(), fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!named.equals(file)) {
                try {
                    Files.deleteIfExists(named);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static Profile profile(String name) {
        try {
            return Profiles.named(name == null ? "foot" : name);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad_profile", e.getMessage());
        }
    }

    /** The format ending of a map file name: osm.pbf, osm, osm.gz, osm.bz2 or geojson. */
    static String ending(String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        for (String ending : new String[] {"osm.pbf", "osm.gz", "osm.bz2", "osm", "geojson", "json", "pbf"}) {
            if (lower.endsWith("." + ending)) {
                return ending;
            }
        }
        throw ApiError.badRequest("bad_map_name", "cannot tell the format of '" + fileName
                + "': the name must end in .osm.pbf, .osm, .osm.gz, .osm.bz2 or .geojson");
    }
}
