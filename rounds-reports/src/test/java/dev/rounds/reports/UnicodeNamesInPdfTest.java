package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Names in Polish, Czech, Greek and Cyrillic print as written in both PDFs (the checkpoint sheet,
 * in bold, and the report), read back with PDFBox's text stripper; the font is embedded as a
 * subset; a script the font lacks (Japanese) prints as '?' instead of failing.
 */
class UnicodeNamesInPdfTest {
    static final List<String> NAMES = List.of("Łódź", "Řeka", "Αθήνα", "Москва");

    @Test
    void theCheckpointSheetPrintsTheNamesAsWritten() throws IOException {
        List<CheckpointSheet.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            entries.add(new CheckpointSheet.Entry(0, NAMES.get(i), "https://rounds.example.org/c/N" + i));
        }
        entries.add(new CheckpointSheet.Entry(0, "東京 gate", "https://rounds.example.org/c/T"));
        try (PDDocument pdf = Loader.loadPDF(CheckpointSheetTest.sheet(entries))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(NAMES).contains("?? gate").contains("Beat 0 \u2014 checkpoints");
            List<String> fonts = fontNames(pdf);
            assertThat(fonts).as("subsets of DejaVu Sans, nothing else").isNotEmpty()
                    .allMatch(name -> name.matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"));
            assertThat(fonts).anyMatch(name -> name.endsWith("+DejaVuSans-Bold"));
        }
    }

    @Test
    void theReportPrintsTheNamesAsWritten() throws IOException {
        TinyBlock block = new TinyBlock();
        List<ReportObservation> observations = NAMES.stream()
                .map(name -> new ReportObservation(TinyBlock.at(30), "hazard", "pothole near " + name, 47, 8, false))
                .toList();
        PatrolReport report = new ReportBuilder().build(new ReportInput(block.network, block.area,
                TinyBlock.at(-60), TinyBlock.at(120), null, null, ReportInput.listSource(List.of(block.shift),
                        block.visits, Map.of("p1", block.fixes), block.alerts, Map.of("p1", observations), Map.of())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter().write(report, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            for (String name : NAMES) {
                assertThat(text).contains("pothole near " + name);
            }
            assertThat(text).contains("Улица Ленина", "Baker's Lane, \"Old\"");
        }
    }

    private static List<String> fontNames(PDDocument pdf) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (var page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                names.add(font.getName());
                assertThat(font.isEmbedded()).isTrue();
            }
        }
        return names;
    }
}
