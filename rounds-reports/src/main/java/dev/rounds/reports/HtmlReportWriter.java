package dev.rounds.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a report as one self-contained HTML page (inline CSS and SVG, no scripts, nothing loaded
 * from the network) that prints well: summary, the two coverage maps, the charts and every table.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final String STYLE = """
            body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:1100px}
            h1{font-size:1.6em;margin-bottom:0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:.8em;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px}
            td.n{text-align:right;white-space:nowrap}th{background:#eee}.figures{display:flex;flex-wrap:wrap;gap:1em}
            .figures>figure{flex:1 1 480px;margin:0}svg{width:100%;height:auto}.empty{font-size:1.2em;color:#a00}
            .attribution{font-size:.8em;color:#555}
            @media print{body{margin:0}h2{break-after:avoid}figure,tr{break-inside:avoid}}
            """;

    @Override
    public void write(PatrolReport report, OutputStream out) throws IOException {
        Writer html = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        html.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Patrol report "
                + escape(ReportText.scope(report)) + "</title>\n<style>" + STYLE + "</style></head><body>\n");
        html.write("<h1>Patrol report</h1>\n<p>" + escape(ReportText.scope(report)) + "</p>\n");
        if (!report.hasData()) {
            html.write("<p class=\"empty\">" + escape(report.noDataMessage()) + "</p>\n");
        } else {
            writeBody(report, html);
        }
        html.write("<p class=\"attribution\">" + escape(report.attribution() == null
                ? "Street network without attribution (not OpenStreetMap data)." : "Map data " + report.attribution())
                + "</p>\n</body></html>\n");
        html.flush();
    }

    private static void writeBody(PatrolReport report, Writer html) throws IOException {
        html.write("<h2>Summary</h2>\n<ul>\n");
        for (String line : ReportText.summary(report)) {
            html.write("<li>" + escape(line) + "</li>\n");
        }
        html.write("</ul>\n<h2>Coverage map</h2>\n<div class=\"figures\">\n");
        html.write(map(report, CoverageMapDrawing.Mode.VISITS, "Streets by visits"));
        html.write(map(report, CoverageMapDrawing.Mode.LONGEST_GAP, "Streets by longest gap"));
        html.write("</div>\n<h2>Charts</h2>\n<div class=\"figures\">\n");
        html.write(chart(report, 300, (c, b) -> ReportCharts.coverageOverShift(c, b, report), "coverage"));
        html.write(chart(report, 300, (c, b) -> ReportCharts.roundsPerPatroller(c, b, report), "rounds"));
        html.write(chart(report, 300, (c, b) -> ReportCharts.revisitHistogram(c, b, report), "revisits"));
        html.write(chart(report, 420, (c, b) -> ReportCharts.roundsPerDay(c, b, report), "days"));
        html.write("</div>\n");
        for (Table table : ReportTables.all(report)) {
            writeTable(table, html);
        }
    }

    private static String map(PatrolReport report, CoverageMapDrawing.Mode mode, String caption) {
        SvgCanvas canvas = new SvgCanvas(520, 460);
        CoverageMapDrawing.draw(canvas, report, new Canvas.Box(5, 5, 510, 450), mode);
        return "<figure>" + canvas.toSvg(caption) + "<figcaption>" + escape(caption) + "</figcaption></figure>\n";
    }

    /** Something that draws into a box. */
    private interface Drawing {
        void draw(Canvas canvas, Canvas.Box box);
    }

    private static String chart(PatrolReport report, double height, Drawing drawing, String label) {
        SvgCanvas canvas = new SvgCanvas(520, height);
        drawing.draw(canvas, new Canvas.Box(5, 5, 510, height - 10));
        return "<figure>" + canvas.toSvg(label) + "</figure>\n";
    }

    private static void writeTable(Table table, Writer html) throws IOException {
        html.write("<h2 id=\"" + table.name() + "\">" + escape(table.title()) + "</h2>\n");
        if (table.rows().isEmpty()) {
            html.write("<p>None.</p>\n");
            return;
        }
        html.write("<table><thead><tr>");
        for (Table.Column column : table.columns()) {
            if (column.kind() != Table.Kind.ID) {
                html.write("<th>" + escape(column.label()) + "</th>");
            }
        }
        html.write("</tr></thead><tbody>\n");
        for (List<Object> row : table.rows()) {
            html.write("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Table.Kind kind = table.columns().get(i).kind();
                if (kind == Table.Kind.ID) {
                    continue;
                }
                html.write(kind == Table.Kind.TEXT ? "<td>" : "<td class=\"n\">");
                html.write(escape(ReportText.readable(row.get(i), kind)) + "</td>");
            }
            html.write("</tr>\n");
        }
        html.write("</tbody></table>\n");
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
