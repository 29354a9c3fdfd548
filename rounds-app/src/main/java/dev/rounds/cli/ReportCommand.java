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
            "The data comes from the server's database (--data DIR for the embedded one, --jdbc URL for",
            "PostgreSQL) on its active plan, or from a JSON file (--input, with the map options; see docs/reports.md).",
            "Example: rounds report --data rounds-demo/data --from 2026-11-29 --to 2026-11-30 --format pdf --out report.pdf"})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    MapSource source;

    @Option(names = "--input", paramLabel = "FILE",
            description = "JSON file with beatOfEdge, beats, shifts, visits, fixes and alerts (with --map or --generate-town)")
    Path input;

    @Option(names = "--data", paramLabel = "DIR",
            description = "the embedded database folder of 'rounds serve' (storage.dataDirectory) or of the demo (rounds-demo/data)")
    Path data;

    @Option(names = "--jdbc", paramLabel = "URL", description = "a PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/rounds")
    String jdbc;

    @Option(names = "--db-user", paramLabel = "USER", description = "database user for --jdbc")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "database password for --jdbc (default: environment ROUNDS_STORAGE_PASSWORD)")
    String dbPassword;

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
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressListener progress = (stage, done, total) -> {
            if (done % 50 == 0) {
                stdout.printf(Locale.ROOT, "  %s: %d%n", stage, done);
            }
        };
        int sources = (input == null ? 0 : 1) + (data == null ? 0 : 1) + (jdbc == null ? 0 : 1);
        if (sources != 1) {
            throw new UserInputException("give exactly one of --data DIR, --jdbc URL or --input FILE");
        }
        PatrolReport report = input != null ? fromFile(start, end, zoneId, progress) : fromDatabase(start, end, progress);
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

    private PatrolReport fromFile(Instant start, Instant end, ZoneId zoneId, ProgressListener progress)
            throws IOException {
        StreetNetwork network = source.load(ProgressListener.NONE).network();
        ReportInputFile file = readInput(network);
        return new ReportBuilder(ReportSettings.DEFAULTS.withZone(zoneId), progress)
                .build(file.input(network, start, end, beat, patroller));
    }

    private PatrolReport fromDatabase(Instant start, Instant end, ProgressListener progress) {
        if (data != null && !java.nio.file.Files.isDirectory(data)) {
            throw new UserInputException("no database folder " + data + " (the folder of 'rounds serve' or rounds-demo/data)");
        }
        String password = dbPassword != null ? dbPassword : System.getenv("ROUNDS_STORAGE_PASSWORD");
        dev.rounds.storage.StorageConfig storage = new dev.rounds.storage.StorageConfig(jdbc, dbUser, password, null,
                data, 2, 10);
        try (dev.rounds.storage.RoundsStore store = dev.rounds.storage.RoundsStores.open(storage,
                java.time.Clock.systemUTC())) {
            var active = store.activePlan().orElseThrow(() -> new UserInputException(
                    "the database has no active plan: reports are made on the active plan's streets and beats"));
            var areas = new dev.rounds.server.plans.AreaCatalog(store);
            try (var plans = new dev.rounds.server.plans.PlanJobs(store, areas)) {
                var planned = plans.plan(active.areaId() + "-" + active.version());
                return dev.rounds.server.reports.ReportApi.build(store, planned, start, end, beat, patroller, progress);
            }
        } catch (RuntimeException e) {
            if (e instanceof UserInputException || e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new UserInputException("cannot read the database: " + e.getMessage());
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
