package dev.rounds.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of Rounds' PDFs: DejaVu Sans and DejaVu Sans Bold (from the Maven artifact
 * {@code net.sf.jasperreports:jasperreports-fonts}; DejaVu's licence is in that jar), embedded in
 * each document as subsets of the glyphs it uses, so that names in Polish, Czech, Greek or Cyrillic
 * print as written. A character DejaVu has no glyph for (Chinese, Japanese, most emoji) prints as
 * its compatibility decomposition without accents when the font has that (a fullwidth letter, a
 * ligature), else as '?': a name never breaks a report. Not thread-safe: one instance per document.
 */
final class PdfFonts {
    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    final PDFont regular;
    final PDFont bold;
    private final Map<PDFont, Map<Integer, Boolean>> hasGlyph = new HashMap<>();

    private PdfFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** Loads both fonts into the document; they are subset when the document is saved. */
    static PdfFonts embed(PDDocument document) throws IOException {
        return new PdfFonts(load(document, "DejaVuSans.ttf"), load(document, "DejaVuSans-Bold.ttf"));
    }

    private static PDFont load(PDDocument document, String file) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(DEJAVU + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + DEJAVU + file + " is not on the class path: the PDF writers "
                        + "need the jar net.sf.jasperreports:jasperreports-fonts (a dependency of rounds-reports)");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    /**
     * The text as the font can show it: each character it has a glyph for as it is, line breaks and
     * tabs as spaces, any other as its accent-less compatibility form when the font has that, else '?'.
     */
    String printable(String text, PDFont font) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c)) {
                s.append(' ');
            } else if (shows(font, c)) {
                s.appendCodePoint(c);
            } else {
                s.append(substitute(c, font));
            }
        });
        return s.toString();
    }

    private String substitute(int c, PDFont font) {
        String plain = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        if (plain.isEmpty() || plain.codePoints().anyMatch(p -> !shows(font, p))) {
            return "?";
        }
        return plain;
    }

    private boolean shows(PDFont font, int codePoint) {
        return hasGlyph.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, c -> {
            if (Character.isISOControl(c)) {
                return false;
            }
            try {
                font.encode(new String(Character.toChars(c)));
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
