package dev.rounds.reports;

import java.util.List;

/**
 * One table of a report, as every writer lays it out: CSV writes the cells raw (metres, minutes,
 * shares 0..1) under machine names, HTML and PDF format them for people under labels.
 *
 * @param name   file name stem in CSV ("patrollers"), also the anchor in HTML
 * @param rows   cells are String, Integer, Double or java.time.Duration values, or null for none
 */
public record Table(String name, String title, List<Column> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** How a column's values are written: the CSV name, the label for people and the kind of value. */
    public record Column(String csvName, String label, Kind kind) {
    }

    /** What a column holds, which decides how it is formatted. */
    public enum Kind {
        TEXT, COUNT, METERS, MINUTES, SHARE,
        /** WGS84 degrees of a position (a Double). */
        DEGREES,
        /** An identifier for other programs (a patroller id): in the CSV, left out where people read. */
        ID
    }
}
