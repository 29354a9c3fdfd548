package dev.rounds.reports;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A {@link Canvas} on one PDF page's content stream: flips y (PDF's origin is the bottom left) and
 * writes text in the document's embedded Unicode fonts ({@link PdfFonts}), so a street or patroller
 * name in Polish, Greek or Cyrillic prints as written; a character the fonts lack never breaks the
 * report (it prints as '?').
 */
final class PdfCanvas implements Canvas {
    private final PDPageContentStream stream;
    private final double pageHeight;
    private final PdfFonts fonts;

    PdfCanvas(PDPageContentStream stream, double pageHeight, PdfFonts fonts) {
        this.stream = stream;
        this.pageHeight = pageHeight;
        this.fonts = fonts;
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
        text(x, y, text, size, color, align, fonts.regular);
    }

    /** Text in the given font, one of the document's {@link PdfFonts}. */
    void text(double x, double y, String text, double size, Color color, Align align, PDFont font) {
        String shown = fonts.printable(text, font);
        double width = width(shown, size, font);
        double left = switch (align) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
        try {
            stream.setNonStrokingColor(color);
            stream.beginText();
            stream.setFont(font, (float) size);
            stream.newLineAtOffset((float) left, (float) (pageHeight - y));
            stream.showText(shown);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width of the text in points at this size. */
    double width(String text, double size, PDFont font) {
        try {
            return font.getStringWidth(fonts.printable(text, font)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text, cut and ended with "..." where it is wider than {@code width}. */
    String fit(String text, double width, double size, PDFont withFont) {
        if (width(text, size, withFont) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(cut + "...", size, withFont) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "...";
    }
}
