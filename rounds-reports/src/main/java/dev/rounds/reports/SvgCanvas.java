package dev.rounds.reports;

import java.awt.Color;
import java.util.Locale;

/** A {@link Canvas} that writes inline SVG elements for the HTML report. */
final class SvgCanvas implements Canvas {
    private final StringBuilder svg = new StringBuilder();
    private final double width;
    private final double height;

    SvgCanvas(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, Color color, double strokeWidth) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(hex(color)).append("\" stroke-width=\"")
                .append(number(strokeWidth)).append("\" points=\"");
        for (int i = 0; i < count; i++) {
            svg.append(i == 0 ? "" : " ").append(number(xs[i])).append(',').append(number(ys[i]));
        }
        svg.append("\"/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, Color fill) {
        svg.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" width=\"")
                .append(number(w)).append("\" height=\"").append(number(h)).append("\" fill=\"").append(hex(fill))
                .append("\"/>\n");
    }

    @Override
    public void text(double x, double y, String text, double size, Color color, Align align) {
        String anchor = switch (align) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        svg.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append("\" font-size=\"")
                .append(number(size)).append("\" fill=\"").append(hex(color)).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(HtmlReportWriter.escape(text)).append("</text>\n");
    }

    /** The whole drawing as an {@code <svg>} element that scales with the page. */
    String toSvg(String label) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + number(width) + " " + number(height)
                + "\" role=\"img\" aria-label=\"" + HtmlReportWriter.escape(label)
                + "\" font-family=\"Helvetica, Arial, sans-serif\">\n" + svg + "</svg>\n";
    }

    private static String hex(Color color) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
