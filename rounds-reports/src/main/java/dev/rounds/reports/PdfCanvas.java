package dev.rounds.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A {@link Canvas} on one PDF page's content stream: flips y (PDF's origin is the bottom left) and
 * replaces characters the standard fonts cannot encode (WinAnsi) with '?', so that a street name in
 * Cyrillic or Greek never breaks the report; the CSV, GeoJSON and HTML outputs keep every name whole.
 */
final class PdfCanvas implements Canvas {
    private final PDPageContentStream stream;
    private final double pageHeight;
    private final PDFont font;
    private final Map<Character, Boolean> encodable = new HashMap<>();

    PdfCanvas(PDPageContentStream stream, double pageHeight, PDFont font) {
        this.stream = stream;
        this.pageHeight = pageHeight;
        this.font = font;
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count, Color color, double width) {
        try {
            stream.setStrokingColor(color);
            stream.setLineWidth((float) width);
            stream.moveTo((float) xs[0], (float) (pageHeight - ys[0]));
            for (int i = 1; i < count; i++) {
                stream.lineTo((float) xs[i], (float) (pageHeight - ys[i]));
            }
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill) {
        if (width <= 0 || height <= 0) {
            return;
        }
        try {
            stream.setNonStrokingColor(fill);
            stream.addRect((float) x, (float) (pageHeight - y - height), (float) width, (float) height);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void text(double x, double y, String text, double size, Color color, Align align) {
        text(x, y, text, size, color, align, font);
    }

    void text(double x, double y, String text, double size, Color color, Align align, PDFont withFont) {
        String safe = safe(text);
        double width = width(safe, size, withFont);
        double left = switch (align) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
        try {
            stream.setNonStrokingColor(color);
            stream.beginText();
            stream.setFont(withFont, (float) size);
            stream.newLineAtOffset((float) left, (float) (pageHeight - y));
            stream.showText(safe);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width of the text in points at this size. */
    double width(String text, double size, PDFont withFont) {
        try {
            return withFont.getStringWidth(safe(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every character the standard font cannot show replaced by '?'. */
    String safe(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            s.append(encodable.computeIfAbsent(c, this::canEncode) ? c : '?');
        }
        return s.toString();
    }

    private boolean canEncode(char c) {
        if (Character.isISOControl(c)) {
            return false;
        }
        try {
            font.encode(String.valueOf(c));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
