package dev.rounds.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a report as a zip of CSV files (RFC 4180, UTF-8, comma, header row): one per table
 * ({@code patrollers.csv}, {@code beats.csv}, {@code streets.csv}, {@code days.csv},
 * {@code hours_of_shift.csv}, {@code alerts.csv}) and {@code README.txt} with the period, the
 * filters, the units, the map attribution, and the no-data sentence when the period is empty.
 */
public final class CsvReportWriter implements ReportWriter {

    @Override
    public void write(PatrolReport report, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("README.txt"));
        text.write(readme(report));
        text.flush();
        zip.closeEntry();
        for (Table table : ReportTables.all(report)) {
            zip.putNextEntry(new ZipEntry(table.name() + ".csv"));
            writeTable(table, text);
            text.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Writes one table as CSV. */
    public static void writeTable(Table table, Writer out) throws IOException {
        writeRow(out, table.columns().stream().map(Table.Column::csvName).toList());
        for (List<Object> row : table.rows()) {
            String[] cells = new String[row.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = ReportText.raw(row.get(i), table.columns().get(i).kind());
            }
            writeRow(out, List.of(cells));
        }
    }

    private static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String readme(PatrolReport report) {
        StringBuilder s = new StringBuilder("Rounds patrol report\r\n");
        s.append(ReportText.scope(report)).append("\r\n");
        if (!report.hasData()) {
            s.append(report.noDataMessage()).append("\r\n");
        }
        s.append("Units: distances and lengths in metres (_m), times in minutes (_min), shares from 0 to 1, "
                + "positions in WGS84 degrees (lat, lon).\r\n");
        s.append("Times are in ").append(report.zone().getId()).append(".\r\n");
        if (report.attribution() != null) {
            s.append("Map data: ").append(report.attribution()).append("\r\n");
        }
        return s.toString();
    }
}
