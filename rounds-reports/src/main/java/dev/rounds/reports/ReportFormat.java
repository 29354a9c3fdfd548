package dev.rounds.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report is written in, with their writer and file extension. */
public enum ReportFormat {
    /** A zip of CSV files, one per table. */
    CSV("zip"),
    /** One feature per street with its figures. */
    GEOJSON("geojson"),
    /** A self-contained, printable page. */
    HTML("html"),
    /** A printable document with map, charts and tables. */
    PDF("pdf");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public ReportWriter writer() {
        return switch (this) {
            case CSV -> new CsvReportWriter();
            case GEOJSON -> new GeoJsonReportWriter();
            case HTML -> new HtmlReportWriter();
            case PDF -> new PdfReportWriter();
        };
    }

    /** Parses "pdf", "csv", "geojson" or "html"; refuses anything else with the list of names. */
    public static ReportFormat named(String name) {
        for (ReportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "', choose one of: "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
