package dev.rounds.cli;

import dev.rounds.export.MatchedPathGeoJson;
import dev.rounds.matching.MapMatcher;
import dev.rounds.matching.MatchSettings;
import dev.rounds.matching.MatchSummary;
import dev.rounds.matching.MatchedPath;
import dev.rounds.matching.Ping;
import dev.rounds.matching.TraceFiles;
import dev.rounds.matching.TraceFormatException;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rounds match}: matches a GPS trace (GPX or CSV) to the streets of a map and writes the walked segments. */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match a GPS trace to the streets of a map and write the walked street segments as GeoJSON.",
            "The trace is GPX (points with <time>) or CSV lines lat,lon,time[,accuracy] (time ISO-8601 or epoch s).",
            "Example: rounds match --map krems.osm.gz --trace walk.gpx --sigma-m 10 --out matched.geojson"})
final class MatchCommand implements Callable<Integer> {
    /** Top speed assumed for the car profile; walkers use the matcher's default. */
    private static final double CAR_MAX_SPEED_METERS_PER_SECOND = 50;

    @Mixin
    MapSource source;

    @Option(names = "--trace", paramLabel = "FILE", required = true, description = "the GPS trace: .gpx or .csv")
    Path trace;

    @Option(names = "--sigma-m", paramLabel = "M", defaultValue = "10",
            description = "GPS error in metres for points without an accuracy (default: ${DEFAULT-VALUE})")
    double sigmaMeters;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "matched.geojson",
            description = "where to write the matched segments (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--verbose", description = "show stack traces of failures")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MatchSettings settings = settings();
        List<Ping> pings = readTrace();
        StreetNetwork network = source.load(ProgressListener.NONE).network();
        MatchedPath path = match(new MapMatcher(SpatialIndex.of(network), settings), pings);
        if (path.summary().pingsUsed() == 0) {
            throw new UserInputException("no point of " + trace.getFileName() + " lies near a street of "
                    + source.describe() + " (all " + pings.size() + " were skipped); is it the right map?");
        }
        MatchedPathGeoJson.write(network, path, out);
        printSummary(spec.commandLine().getOut(), network, path.summary());
        return 0;
    }

    private MatchSettings settings() {
        if (!(sigmaMeters > 0 && sigmaMeters < 1000)) {
            throw new UserInputException("--sigma-m must be between 0 and 1000 metres, got " + sigmaMeters);
        }
        MatchSettings settings = MatchSettings.defaults().withSigmaMeters(sigmaMeters);
        return "car".equals(source.profile().name())
                ? settings.withMaxSpeedMetersPerSecond(CAR_MAX_SPEED_METERS_PER_SECOND) : settings;
    }

    private List<Ping> readTrace() {
        List<Ping> pings;
        try {
            pings = TraceFiles.read(trace);
        } catch (TraceFormatException e) {
            throw new UserInputException(e.getMessage());
        }
        if (pings.isEmpty()) {
            throw new UserInputException("the trace " + trace + " has no points");
        }
        return pings;
    }

    private MatchedPath match(MapMatcher matcher, List<Ping> pings) {
        try {
            return matcher.match(pings);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(trace.getFileName() + ": " + e.getMessage());
        }
    }

    private void printSummary(PrintWriter stdout, StreetNetwork network, MatchSummary s) {
        stdout.printf(Locale.ROOT, "%s on %s, profile %s, sigma %.1f m%n", trace.getFileName(), source.describe(),
                network.profileName(), sigmaMeters);
        stdout.printf(Locale.ROOT, "  pings %d: used %d, skipped %d (%d far from streets, %d unreachable)%n",
                s.pingsTotal(), s.pingsUsed(), s.pingsSkipped(), s.pingsFarFromStreets(), s.pingsUnreachable());
        stdout.printf(Locale.ROOT, "  parts %d, matched length %.0f m%n", s.parts(), s.matchedLengthMeters());
        if (network.attribution() != null) {
            stdout.println("  map data " + network.attribution());
        }
        stdout.printf("wrote %s%n", out);
    }
}
