package dev.rounds.cli;

import dev.rounds.network.DemoTown;
import dev.rounds.network.ImportResult;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profile;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that say which street network a command works on: a map file or the generated town. */
public final class MapSource {
    @Option(names = "--map", paramLabel = "FILE",
            description = "street map: OSM PBF (.osm.pbf), OSM XML (.osm, .osm.gz, .osm.bz2) or GeoJSON (.geojson)")
    Path map;

    @Option(names = "--generate-town", description = "use the built-in generated demo town instead of a map file")
    boolean generateTown;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "seed of the generated town (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "foot",
            description = "who patrols: foot or car (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--keep-all-parts", description = "keep every connected part, not only the largest")
    boolean keepAllParts;

    /** The chosen profile; an unknown name is refused with the list of valid ones. */
    public Profile profile() {
        return Profiles.named(profile);
    }

    /** Imports the chosen map (or generates the town). */
    public ImportResult load(ProgressListener progress) {
        Profile chosen = profile();
        if (map != null && generateTown) {
            throw new UserInputException("give either --map FILE or --generate-town, not both");
        }
        if (map == null && !generateTown) {
            throw new UserInputException("no map given: add --map FILE (an .osm.pbf, .osm, .osm.gz or .geojson file) "
                    + "or --generate-town");
        }
        if (generateTown) {
            progress.progress("generating town", 0, -1);
            return DemoTown.generate(seed);
        }
        return StreetMaps.importFile(map, chosen, progress, !keepAllParts);
    }

    /** A short name of the source for summaries. */
    public String describe() {
        return map != null ? map.getFileName().toString() : "generated town (seed " + seed + ")";
    }
}
