package dev.rounds.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes a printable A4 PDF with Apache PDFBox: summary and the coverage map by visits, the map by
 * longest gap with the coverage chart, the other charts, then the tables (patrollers, beats, days,
 * alerts, checkpoint visits, observations by category and the first observations, the busiest
 * streets and the streets never visited). Everything is vector drawing; text is in DejaVu Sans,
 * embedded as a subset ({@link PdfFonts}), so names in any European script print. Nothing is
 * fetched. Every page carries the map data's attribution in its footer.
 */
public final class PdfReportWriter implements ReportWriter {
    static final int BUSIEST_STREETS = 30;
    static final int NEVER_VISITED_LISTED = 100;
    static final int OBSERVATIONS_LISTED = 200;
    private static final double MARGIN = 40;
    private static final double ROW = 11;
    private static final double SMALLEST_HEADER = 5.5;
    private static final double WIDEST_TEXT_COLUMN = 180;
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color HEADER = new Color(0xe6, 0xe6, 0xe6);

    @Override
    public void write(PatrolReport report, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Patrol report " + ReportText.scope(report));
            info.setCreator("Rounds");
            try {
                new Layout(document, report).writeAll();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            document.save(out);
        }
    }

    /** Places pages, drawings and tables one after the other. */
    private static final class Layout {
        final PDDocument document;
        final PatrolReport report;
        final PdfFonts fonts;
        final PDFont regular;
        final PDFont bold;
        final double pageWidth = PDRectangle.A4.getWidth();
        final double pageHeight = PDRectangle.A4.getHeight();
        PDPageContentStream stream;
        PdfCanvas canvas;
        double y;
        int pages;

        Layout(PDDocument document, PatrolReport report) throws IOException {
            this.document = document;
            this.report = report;
            this.fonts = PdfFonts.embed(document);
            this.regular = fonts.regular;
            this.bold = fonts.bold;
        }

        void writeAll() throws IOException {
            newPage();
            heading("Patrol report", 18);
            line(ReportText.scope(report), 9, regular);
            y += 6;
            if (!report.hasData()) {
                line(report.noDataMessage(), 12, bold);
            } else {
                writeFigures();
            }
            stream.close();
        }

        private void writeFigures() throws IOException {
            for (String summary : ReportText.summary(report)) {
                line(summary, 9, regular);
            }
            y += 6;
            drawing(470, (c, b) -> CoverageMapDrawing.draw(c, report, b, CoverageMapDrawing.Mode.VISITS),
                    "Coverage map: streets by visits");
            newPage();
            drawing(430, (c, b) -> CoverageMapDrawing.draw(c, report, b, CoverageMapDrawing.Mode.LONGEST_GAP),
                    "Coverage map: streets by longest time unvisited");
            drawing(240, (c, b) -> ReportCharts.coverageOverShift(c, b, report), null);
            newPage();
            drawing(220, (c, b) -> ReportCharts.roundsPerPatroller(c, b, report), null);
            drawing(220, (c, b) -> ReportCharts.revisitHistogram(c, b, report), null);
            drawing(300, (c, b) -> ReportCharts.roundsPerDay(c, b, report), null);
            newPage();
            Set<String> activity = Set.of("patroller", "beat", "street_length_m", "shifts", "rounds_completed",
                    "rounds_planned", "distance_m", "on_beat_min", "off_beat_min", "standing_min", "covered_share",
                    "longest_gap_min", "revisit_p50_min", "revisit_p90_min", "alerts", "alerts_acknowledged");
            table(ReportTables.patrollers(report), activity);
            table(ReportTables.beats(report), activity);
            table(ReportTables.days(report), null);
            table(ReportTables.alerts(report), Set.of("raised_at", "kind", "patroller", "beat", "reason",
                    "acknowledged_at", "minutes_to_acknowledge", "comment"));
            table(ReportTables.checkpointVisits(report), null);
            table(ReportTables.observationCategories(report), null);
            observations();
            Table busiest = ReportTables.streets(report, ReportTables.busiest(report, BUSIEST_STREETS));
            table(new Table(busiest.name(), "The " + BUSIEST_STREETS + " streets with the most patrol time",
                    busiest.columns(), busiest.rows()), Set.of("street_id", "name", "beat", "length_m", "visits",
                    "minutes_spent", "meters_walked", "longest_gap_min"));
            neverVisited();
        }

        private void neverVisited() throws IOException {
            List<StreetFigures> never = report.neverVisited();
            List<StreetFigures> listed = never.subList(0, Math.min(NEVER_VISITED_LISTED, never.size()));
            Table table = ReportTables.streets(report, listed);
            String title = "Streets never visited (" + never.size() + ")" + (never.size() > listed.size()
                    ? ", the first " + listed.size() + " listed; all are in the CSV export" : "");
            table(new Table(table.name(), title, table.columns(), table.rows()),
                    Set.of("street_id", "name", "beat", "length_m"));
        }

        private void observations() throws IOException {
            List<ShiftObservation> all = report.observations();
            List<ShiftObservation> listed = all.subList(0, Math.min(OBSERVATIONS_LISTED, all.size()));
            Table table = ReportTables.observations(report, listed);
            String title = "Observations (" + all.size() + ")" + (all.size() > listed.size()
                    ? ", the first " + listed.size() + " listed; all are in the CSV export" : "");
            table(new Table(table.name(), title, table.columns(), table.rows()), null);
        }

        /** Something drawn into a box on the page. */
        private interface Drawing {
            void draw(Canvas canvas, Canvas.Box box);
        }

        private void drawing(double height, Drawing drawing, String caption) throws IOException {
            if (caption != null) {
                heading(caption, 11);
            }
            room(height);
            drawing.draw(canvas, new Canvas.Box(MARGIN, y, pageWidth - 2 * MARGIN, height - 8));
            y += height;
        }

        private void table(Table table, Set<String> keep) throws IOException {
            List<Integer> shown = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                boolean forPeople = table.columns().get(i).kind() != Table.Kind.ID;
                if (forPeople && (keep == null || keep.contains(table.columns().get(i).csvName()))) {
                    shown.add(i);
                }
            }
            double[] widths = columnWidths(table, shown);
            room(3 * ROW + 14);
            heading(table.title(), 11);
            if (table.rows().isEmpty()) {
                line("None.", 8, regular);
                return;
            }
            header(table, shown, widths);
            for (List<Object> row : table.rows()) {
                if (y + ROW > pageHeight - MARGIN) {
                    newPage();
                    header(table, shown, widths);
                }
                cells(shown, widths, i -> ReportText.readable(row.get(i), table.columns().get(i).kind()), table);
            }
            y += 8;
        }

        /**
         * Column widths from their content: each column's widest cell (or its label at the smallest
         * header size), a text column at most 180 points. Number columns keep
         * their width; text columns share what is left, so long names are cut rather than numbers.
         */
        private double[] columnWidths(Table table, List<Integer> shown) {
            double available = pageWidth - 2 * MARGIN;
            double[] widths = new double[shown.size()];
            double numbers = 0;
            double texts = 0;
            for (int c = 0; c < shown.size(); c++) {
                int i = shown.get(c);
                Table.Column column = table.columns().get(i);
                double widest = canvas.width(column.label(), SMALLEST_HEADER, bold);
                for (List<Object> row : table.rows()) {
                    widest = Math.max(widest, canvas.width(ReportText.readable(row.get(i), column.kind()), 7, regular));
                }
                boolean text = column.kind() == Table.Kind.TEXT;
                widths[c] = (text ? Math.min(widest, WIDEST_TEXT_COLUMN) : widest) + 6;
                if (text) {
                    texts += widths[c];
                } else {
                    numbers += widths[c];
                }
            }
            if (numbers + texts > available) {
                shareOut(table, shown, widths, available - numbers);
            }
            double sum = 0;
            for (double width : widths) {
                sum += width;
            }
            for (int c = 0; c < widths.length; c++) {
                widths[c] *= available / sum;
            }
            return widths;
        }

        /**
         * Shares the room left by the number columns among the text columns: narrow ones keep their
         * width, the wider ones get equal shares of the rest (water filling).
         */
        private void shareOut(Table table, List<Integer> shown, double[] widths, double room) {
            List<Integer> texts = new ArrayList<>();
            for (int c = 0; c < shown.size(); c++) {
                if (table.columns().get(shown.get(c)).kind() == Table.Kind.TEXT) {
                    texts.add(c);
                }
            }
            texts.sort(java.util.Comparator.comparingDouble(c -> widths[c]));
            double left = Math.max(0, room);
            for (int k = 0; k < texts.size(); k++) {
                double share = left / (texts.size() - k);
                int c = texts.get(k);
                widths[c] = Math.min(widths[c], share);
                left -= widths[c];
            }
        }

        private void header(Table table, List<Integer> shown, double[] widths) {
            canvas.rect(MARGIN, y, pageWidth - 2 * MARGIN, ROW, HEADER);
            double x = MARGIN;
            for (int c = 0; c < shown.size(); c++) {
                Table.Column column = table.columns().get(shown.get(c));
                double size = 7;
                while (size > SMALLEST_HEADER && canvas.width(column.label(), size, bold) > widths[c] - 4) {
                    size -= 0.5;
                }
                String label = fit(column.label(), widths[c] - 4, size, bold);
                boolean number = column.kind() != Table.Kind.TEXT;
                canvas.text(number ? x + widths[c] - 2 : x + 2, y + 8, label, size, TEXT,
                        number ? Canvas.Align.END : Canvas.Align.START, bold);
                x += widths[c];
            }
            y += ROW;
        }

        private void cells(List<Integer> shown, double[] widths, java.util.function.IntFunction<String> text,
                Table table) {
            double x = MARGIN;
            for (int c = 0; c < shown.size(); c++) {
                String cell = fit(text.apply(shown.get(c)), widths[c] - 4, 7, regular);
                boolean number = table.columns().get(shown.get(c)).kind() != Table.Kind.TEXT;
                canvas.text(number ? x + widths[c] - 2 : x + 2, y + 8, cell, 7, TEXT,
                        number ? Canvas.Align.END : Canvas.Align.START, regular);
                x += widths[c];
            }
            y += ROW;
        }

        private String fit(String text, double width, double size, PDFont font) {
            return canvas.fit(text, width, size, font);
        }

        private void heading(String text, double size) throws IOException {
            room(size + 12);
            line(text, size, bold);
            y += 2;
        }

        private void line(String text, double size, PDFont font) throws IOException {
            room(size + 4);
            y += size + 2;
            canvas.text(MARGIN, y, text, size, TEXT, Canvas.Align.START, font);
            y += 2;
        }

        private void room(double height) throws IOException {
            if (y + height > pageHeight - MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            stream.setLineCapStyle(1);
            stream.setLineJoinStyle(1);
            canvas = new PdfCanvas(stream, pageHeight, fonts);
            pages++;
            footer();
            y = MARGIN;
        }

        private void footer() {
            String source = report.attribution() == null ? "Street network without attribution"
                    : "Map data " + report.attribution();
            canvas.text(MARGIN, pageHeight - 20, "Rounds patrol report, page " + pages, 7, TEXT, Canvas.Align.START);
            canvas.text(pageWidth - MARGIN, pageHeight - 20, source, 7, TEXT, Canvas.Align.END);
        }
    }
}
