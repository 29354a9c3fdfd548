package dev.rounds.reports;

import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Opens PDFs the way a reader would, with Debian's poppler-utils ({@code pdftoppm}, {@code pdftotext}).
 * A machine without them fails the test with the package to install; it never skips.
 */
final class Poppler {
    private Poppler() {
    }

    /** The text of the whole document, in reading layout. */
    static String text(Path pdf) throws IOException, InterruptedException {
        Path out = pdf.resolveSibling(pdf.getFileName() + ".txt");
        run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), out.toString());
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Every page rendered to an image at the given resolution. */
    static List<BufferedImage> pages(Path pdf, int dpi) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(pdf.getParent(), "pages");
        run("pdftoppm", "-png", "-r", String.valueOf(dpi), pdf.toString(), dir.resolve("page").toString());
        List<BufferedImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path png : files.sorted().toList()) {
                images.add(ImageIO.read(png.toFile()));
            }
        }
        return images;
    }

    /** Share of pixels that are not near-white. */
    static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) < 235 || ((rgb >> 8) & 0xff) < 235 || (rgb & 0xff) < 235) {
                    inked++;
                }
            }
        }
        return inked / (double) ((long) image.getWidth() * image.getHeight());
    }

    /** Number of pixels close to the colour (each channel within 40). */
    static long pixelsNear(BufferedImage image, java.awt.Color color) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - color.getRed()) < 40
                        && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) < 40
                        && Math.abs((rgb & 0xff) - color.getBlue()) < 40) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: install Debian's poppler-utils "
                    + "(apt-get install poppler-utils; .ci/run does it)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + output);
        }
    }
}
