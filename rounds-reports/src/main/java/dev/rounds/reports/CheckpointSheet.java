package dev.rounds.reports;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The printable sheet of checkpoint QR codes (A4 PDF): one page per beat, or more for a beat with
 * more than {@value #PER_PAGE} checkpoints, titled "Beat N — checkpoints". Each checkpoint gets a
 * cell with the QR code of its URL, drawn as vector squares so it prints sharp at any size, its
 * name below (in DejaVu Sans, so names in any European script print) and the URL in small text,
 * inside a light frame to cut along. Beats are in ascending
 * order, checkpoints of a beat in the order given (their tour sequence).
 */
public final class CheckpointSheet {
    static final int COLUMNS = 2;
    static final int ROWS = 3;
    static final int PER_PAGE = COLUMNS * ROWS;
    /** Longest URL accepted; a QR code at error correction M holds about twice that, but gets hard to scan. */
    static final int MAX_URL_LENGTH = 1000;
    private static final double PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final double PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final double MARGIN = 40;
    private static final double GRID_TOP = 80;
    private static final double GRID_BOTTOM = PAGE_HEIGHT - 44;
    private static final double CELL_WIDTH = (PAGE_WIDTH - 2 * MARGIN) / COLUMNS;
    private static final double CELL_HEIGHT = (GRID_BOTTOM - GRID_TOP) / ROWS;
    private static final double QR_SIDE = 170;
    private static final double QR_TOP_PADDING = 12;
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color FRAME = new Color(0xbb, 0xbb, 0xbb);

    /**
     * One checkpoint on the sheet.
     *
     * @param beat the beat whose page it goes on, 0 or more
     * @param name the name printed under the code
     * @param url  what the QR code holds: {@code https://<server>/c/<code>}
     */
    public record Entry(int beat, String name, String url) {
        public Entry {
            if (beat < 0) {
                throw new IllegalArgumentException("checkpoint '" + name + "' has beat " + beat
                        + ": beats are numbered from 0");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a checkpoint on beat " + beat + " has no name: give each one a name");
            }
            if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
                throw new IllegalArgumentException("checkpoint '" + name + "' needs a URL of 1 to " + MAX_URL_LENGTH
                        + " characters for its QR code");
            }
        }
    }

    private CheckpointSheet() {
    }

    /** Writes the sheet of these checkpoints; with none, one page that says so. The caller closes {@code out}. */
    public static void write(List<Entry> checkpoints, OutputStream out) throws IOException {
        List<List<Entry>> pages = pages(checkpoints);
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Checkpoint QR codes");
            document.getDocumentInformation().setCreator("Rounds");
            PdfFonts fonts = PdfFonts.embed(document);
            PDFont regular = fonts.regular;
            PDFont bold = fonts.bold;
            try {
                for (int p = 0; p < Math.max(1, pages.size()); p++) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                        PdfCanvas canvas = new PdfCanvas(stream, PAGE_HEIGHT, fonts);
                        if (pages.isEmpty()) {
                            canvas.text(MARGIN, GRID_TOP - 30, "No checkpoints to print.", 16, TEXT,
                                    Canvas.Align.START, bold);
                        } else {
                            drawPage(stream, canvas, pages, p, bold, regular);
                        }
                        canvas.text(PAGE_WIDTH / 2, PAGE_HEIGHT - 20, "Rounds checkpoints, page " + (p + 1) + " of "
                                + Math.max(1, pages.size()), 8, TEXT, Canvas.Align.MIDDLE, regular);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            document.save(out);
        }
    }

    /** The checkpoints of each page: beats ascending, each beat starting on a new page. */
    static List<List<Entry>> pages(List<Entry> checkpoints) {
        List<Entry> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingInt(Entry::beat));
        List<List<Entry>> pages = new ArrayList<>();
        List<Entry> page = null;
        for (Entry entry : sorted) {
            if (page == null || page.size() == PER_PAGE || page.get(0).beat() != entry.beat()) {
                page = new ArrayList<>();
                pages.add(page);
            }
            page.add(entry);
        }
        return pages;
    }

    private static void drawPage(PDPageContentStream stream, PdfCanvas canvas, List<List<Entry>> pages, int p,
            PDFont bold, PDFont regular) {
        List<Entry> entries = pages.get(p);
        int beat = entries.get(0).beat();
        boolean continued = p > 0 && pages.get(p - 1).get(0).beat() == beat;
        canvas.text(MARGIN, GRID_TOP - 30, "Beat " + beat + " \u2014 checkpoints" + (continued ? " (continued)" : ""),
                18, TEXT, Canvas.Align.START, bold);
        for (int slot = 0; slot < entries.size(); slot++) {
            drawCell(stream, canvas, entries.get(slot), slot, bold, regular);
        }
    }

    private static void drawCell(PDPageContentStream stream, PdfCanvas canvas, Entry entry, int slot, PDFont bold,
            PDFont regular) {
        Canvas.Box cell = cell(slot);
        canvas.polyline(new double[] {cell.x(), cell.right(), cell.right(), cell.x(), cell.x()},
                new double[] {cell.y(), cell.y(), cell.bottom(), cell.bottom(), cell.y()}, 5, FRAME, 0.5);
        Canvas.Box qr = qrBox(slot);
        drawQr(stream, matrix(entry.url()), qr);
        double middle = cell.x() + cell.width() / 2;
        double width = cell.width() - 16;
        double nameSize = fittingSize(canvas, entry.name(), width, 13, 8, bold);
        canvas.text(middle, qr.bottom() + 18, fit(canvas, entry.name(), width, nameSize, bold), nameSize, TEXT,
                Canvas.Align.MIDDLE, bold);
        double urlSize = fittingSize(canvas, entry.url(), width, 8, 5, regular);
        canvas.text(middle, qr.bottom() + 32, fit(canvas, entry.url(), width, urlSize, regular), urlSize, TEXT,
                Canvas.Align.MIDDLE, regular);
    }

    /** The cell of a slot on the page (0 top left, row by row), in points from the top left. */
    static Canvas.Box cell(int slot) {
        return new Canvas.Box(MARGIN + (slot % COLUMNS) * CELL_WIDTH, GRID_TOP + (slot / COLUMNS) * CELL_HEIGHT,
                CELL_WIDTH, CELL_HEIGHT);
    }

    /** Where a slot's QR code is drawn, its quiet zone included, in points from the top left. */
    static Canvas.Box qrBox(int slot) {
        Canvas.Box cell = cell(slot);
        return new Canvas.Box(cell.x() + (cell.width() - QR_SIDE) / 2, cell.y() + QR_TOP_PADDING, QR_SIDE, QR_SIDE);
    }

    /**
     * The code's modules with the standard quiet zone of 4 modules, at error correction M (15 %). A
     * URL that is not plain ASCII is encoded as UTF-8 with an ECI marker; a plain one without, as
     * the server's device QR codes are, which every scanner reads.
     */
    private static BitMatrix matrix(String url) {
        Map<EncodeHintType, Object> hints = new java.util.EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (!java.nio.charset.StandardCharsets.US_ASCII.newEncoder().canEncode(url)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        try {
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + url + "' as a QR code: " + e.getMessage(), e);
        }
    }

    /** Fills each horizontal run of dark modules as one rectangle, all in one path (no seams between them). */
    private static void drawQr(PDPageContentStream stream, BitMatrix matrix, Canvas.Box box) {
        double module = box.width() / matrix.getWidth();
        try {
            stream.setNonStrokingColor(Color.BLACK);
            for (int y = 0; y < matrix.getHeight(); y++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (!matrix.get(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, y)) {
                        x++;
                    }
                    stream.addRect((float) (box.x() + start * module),
                            (float) (PAGE_HEIGHT - box.y() - (y + 1) * module), (float) ((x - start) * module),
                            (float) module);
                }
            }
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest size from {@code largest} down to {@code smallest} at which the text fits the width. */
    private static double fittingSize(PdfCanvas canvas, String text, double width, double largest, double smallest,
            PDFont font) {
        double size = largest;
        while (size > smallest && canvas.width(text, size, font) > width) {
            size -= 0.5;
        }
        return size;
    }

    private static String fit(PdfCanvas canvas, String text, double width, double size, PDFont font) {
        return canvas.fit(text, width, size, font);
    }
}
