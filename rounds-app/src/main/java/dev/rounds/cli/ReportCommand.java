package dev.rounds.cli;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.reports.PatrolReport;
import dev.rounds.reports.ReportBuilder;
import dev.rounds.reports.ReportFormat;
import dev.rounds.reports.ReportSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rounds report}: the patrol report over a period as PDF, CSV, GeoJSON or HTML. For now it
 * reads the shifts, visits, fixes and alerts from a JSON file ({@code --input}, see
 * {@link ReportInputFile}); reading them from the database comes with the server's storage.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the patrol report over a period: per patroller, beat and street, with map and charts.",
            "For now the data comes from a JSON file (--input; format in docs/reports.md), not the database.",
            "Example: rounds report --generate-town --input day.json --from 2026-11-02 --to 2026-11-03 "
                    + "--format pdf --out report.pdf"})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    MapSource source;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "JSON file with beatOfEdge, beats, shifts, visits, fixes and alerts (temporary: the "
                    + "database will replace it)")
    Path input;

    @Option(names = "--from", paramLabel = "WHEN", required = true,
            description = "start of the period: a date (2026-11-02, from midnight in --zone) or an instant "
                    + "(2026-11-02T06:00:00Z)")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", required = true,
            description = "end of the period, excluded: a date or an instant")
    String to;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "time zone of dates and days (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--beat", paramLabel = "B", description = "report on this beat only")
    Integer beat;

    @Option(names = "--patroller", paramLabel = "P", description = "report on this patroller only")
    String patroller;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pdf",
            description = "pdf, csv (a zip of tables), geojson or html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "where to write the report")
    Path out;

    @Option(names = "--verbose", description = "show stack traces of failures")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportFormat chosen = ReportFormat.named(format);
        ZoneId zoneId = zone();
        Instant start = when(from, "--from", zoneId);
        Instant end = when(to, "--to", zoneId);
        if (!end.isAfter(start)) {
            throw new UserInputException("--to (" + to + ") must be after --from (" + from + ")");
        }
        StreetNetwork network = source.load(ProgressListener.NONE).network();
        ReportInputFile file = readInput(network);
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressListener progress = (stage, done, total) -> {
            if (done % 50 == 0) {
                stdout.printf(Locale.ROOT, "  %s: %d%n", stage, done);
            }
        };
        PatrolReport report = new ReportBuilder(ReportSettings.DEFAULTS.withZone(zoneId), progress)
                .build(file.input(network, start, end, beat, patroller));
        write(report, chosen);
        printSummary(stdout, report, chosen);
        return 0;
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UserInputException("unknown time zone '" + zone + "'; write one such as UTC or Europe/Zurich");
        }
    }

    static Instant when(String text, String option, ZoneId zone) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(zone).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + " '" + text + "' is neither a date (2026-11-02) nor an instant "
                    + "(2026-11-02T06:00:00Z)");
        }
    }

    private ReportInputFile readInput(StreetNetwork network) throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new UserInputException("no input file " + input);
        }
        try {
            return ReportInputFile.read(input, network);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(input.getFileName() + ": " + e.getMessage());
        }
    }

    /** Writes next to the target, then moves it in place: a failed report leaves no half-written file. */
    private void write(PatrolReport report, ReportFormat chosen) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(partial)) {
                chosen.writer().write(report, stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void printSummary(PrintWriter stdout, PatrolReport report, ReportFormat chosen) {
        if (!report.hasData()) {
            stdout.println(report.noDataMessage());
        } else {
            stdout.printf(Locale.ROOT, "%d shifts, %d of %d rounds, %d patrollers, %d beats, %d streets never visited%n",
                    report.total().shifts(), report.total().roundsCompleted(), report.total().roundsPlanned(),
                    report.patrollers().size(), report.beats().size(), report.neverVisited().size());
        }
        if (report.attribution() != null) {
            stdout.println("map data " + report.attribution());
        }
        stdout.printf("wrote %s (%s)%n", out, chosen.name().toLowerCase(Locale.ROOT));
    }
}
