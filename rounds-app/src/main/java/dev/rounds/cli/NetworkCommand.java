package dev.rounds.cli;

import dev.rounds.export.StreetsGeoJson;
import dev.rounds.network.ImportReport;
import dev.rounds.network.ImportResult;
import dev.rounds.network.StreetNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rounds network}: imports a street map and writes its streets as GeoJSON with a summary. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Import a street network from a map file (or generate the demo town) and write it as GeoJSON.",
            "Example: rounds network --map monaco.osm.pbf --profile foot --out streets.geojson"})
final class NetworkCommand implements Callable<Integer> {
    @Mixin
    MapSource source;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "streets.geojson",
            description = "where to write the streets (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Option(names = "--verbose", description = "show stack traces of failures")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), System.console() != null);
        source.profile();
        ImportResult result = source.load(quiet ? dev.rounds.network.ProgressListener.NONE : progress);
        progress.done();
        StreetsGeoJson.write(result.network(), out);
        printSummary(stdout, result);
        stdout.printf("wrote %s%n", out);
        return 0;
    }

    private void printSummary(PrintWriter out, ImportResult result) {
        StreetNetwork network = result.network();
        ImportReport report = result.report();
        out.printf(Locale.ROOT, "%s, profile %s%n", source.describe(), network.profileName());
        out.printf(Locale.ROOT, "  nodes %,d  edges %,d  streets %.2f km%n", network.nodeCount(),
                network.edgeCount(), network.totalLengthMeters() / 1000);
        out.printf(Locale.ROOT, "  read %,d nodes and %,d ways; %,d ways kept by the profile%n",
                report.nodesRead(), report.waysRead(), report.waysAccepted());
        if (report.waysCut() > 0) {
            out.printf(Locale.ROOT, "  %,d ways cut at the extract border (%,d missing node references)%n",
                    report.waysCut(), report.missingNodeRefs());
        }
        if (report.duplicatesMerged() > 0 || report.zeroLengthDropped() > 0) {
            out.printf(Locale.ROOT, "  %,d duplicate segments merged, %,d zero-length segments dropped%n",
                    report.duplicatesMerged(), report.zeroLengthDropped());
        }
        if (report.leftOutEdges() > 0) {
            out.printf(Locale.ROOT, "  left out: %,d edges (%.2f km) in %,d parts not connected to the main network%n",
                    report.leftOutEdges(), report.leftOutLengthMeters() / 1000, report.components() - 1);
        }
        if (report.oneWayLeftOutEdges() > 0) {
            out.printf(Locale.ROOT, "  left out: %,d edges (%.2f km) a car cannot drive there and back (one-way streets "
                    + "leading out of the extract or into it); --keep-all-parts keeps them%n",
                    report.oneWayLeftOutEdges(), report.oneWayLeftOutLengthMeters() / 1000);
        }
        if (network.attribution() != null) {
            out.println("  map data " + network.attribution());
        }
    }
}
