package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint sheet read back the way it is used: its text with PDFBox's text stripper (pages,
 * titles, names, URLs) and its QR codes rendered to pixels and decoded with ZXing's reader, so the
 * test proves the printed codes hold the checkpoints' URLs.
 */
class CheckpointSheetTest {
    static final int DPI = 150;

    /** Beat 2 has one checkpoint, beat 0 eight (two pages), given out of beat order. */
    static List<CheckpointSheet.Entry> checkpoints() {
        List<CheckpointSheet.Entry> entries = new ArrayList<>();
        entries.add(new CheckpointSheet.Entry(2, "Boiler room", "https://rounds.example.org/c/K2B0"));
        for (int i = 1; i <= 8; i++) {
            entries.add(new CheckpointSheet.Entry(0, "Gate " + i, "https://rounds.example.org/c/G" + i + "X7Q"));
        }
        return entries;
    }

    @Test
    void oneBeatPerPageFlowingOnWithNamesUrlsAndPageNumbers() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sheet(checkpoints()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            String first = text(pdf, 1);
            assertThat(first).contains("Beat 0 \u2014 checkpoints", "page 1 of 3");
            for (int i = 1; i <= 6; i++) {
                assertThat(first).contains("Gate " + i, "https://rounds.example.org/c/G" + i + "X7Q");
            }
            assertThat(first).doesNotContain("Gate 7", "Boiler room");
            String second = text(pdf, 2);
            assertThat(second).contains("Beat 0 \u2014 checkpoints (continued)", "Gate 7", "Gate 8",
                    "https://rounds.example.org/c/G8X7Q", "page 2 of 3").doesNotContain("Gate 6", "Boiler");
            assertThat(text(pdf, 3)).contains("Beat 2 \u2014 checkpoints", "Boiler room",
                    "https://rounds.example.org/c/K2B0", "page 3 of 3").doesNotContain("Gate");
            for (int p = 0; p < 3; p++) {
                assertThat(pdf.getPage(p).getResources().getXObjectNames()).as("vector squares, no images").isEmpty();
            }
        }
    }

    @Test
    void theQrCodesDecodeToTheUrls() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(sheet(checkpoints()))) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            BufferedImage first = renderer.renderImageWithDPI(0, DPI, ImageType.RGB);
            for (int slot = 0; slot < CheckpointSheet.PER_PAGE; slot++) {
                assertThat(decode(first, CheckpointSheet.qrBox(slot)))
                        .isEqualTo("https://rounds.example.org/c/G" + (slot + 1) + "X7Q");
            }
            BufferedImage last = renderer.renderImageWithDPI(2, DPI, ImageType.RGB);
            assertThat(decode(last, CheckpointSheet.qrBox(0))).isEqualTo("https://rounds.example.org/c/K2B0");
        }
        String unicode = "https://straż.example.pl/c/Łódź";
        try (PDDocument pdf = Loader.loadPDF(sheet(List.of(new CheckpointSheet.Entry(0, "Brama", unicode))))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, ImageType.RGB);
            assertThat(decode(page, CheckpointSheet.qrBox(0))).as("UTF-8 with an ECI marker").isEqualTo(unicode);
        }
    }

    @Test
    void noCheckpointsIsOnePageThatSaysSoAndBadEntriesAreRefused() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(sheet(List.of()))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text(pdf, 1)).contains("No checkpoints to print.");
        }
        assertThatThrownBy(() -> new CheckpointSheet.Entry(-1, "Gate", "https://x/c/1"))
                .hasMessageContaining("beats are numbered from 0");
        assertThatThrownBy(() -> new CheckpointSheet.Entry(0, " ", "https://x/c/1")).hasMessageContaining("no name");
        assertThatThrownBy(() -> new CheckpointSheet.Entry(0, "Gate", "")).hasMessageContaining("needs a URL");
    }

    static byte[] sheet(List<CheckpointSheet.Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CheckpointSheet.write(entries, out);
        return out.toByteArray();
    }

    static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    /** Decodes the one QR code inside the box (points from the top left) of a page rendered at {@link #DPI}. */
    static String decode(BufferedImage page, Canvas.Box box) throws Exception {
        double scale = DPI / 72.0;
        BufferedImage crop = page.getSubimage((int) (box.x() * scale), (int) (box.y() * scale),
                (int) (box.width() * scale), (int) (box.height() * scale));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(crop))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
    }
}
