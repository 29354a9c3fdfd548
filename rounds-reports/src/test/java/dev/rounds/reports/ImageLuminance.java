package dev.rounds.reports;

import com.google.zxing.LuminanceSource;
import java.awt.image.BufferedImage;

/**
 * A rendered image as ZXing reads it: one grey byte per pixel (ZXing's own {@code javase} module
 * has this as {@code BufferedImageLuminanceSource}; it is a few lines, so tests do not pull that
 * module and its dependencies in).
 */
final class ImageLuminance extends LuminanceSource {
    private final byte[] grey;

    ImageLuminance(BufferedImage image) {
        super(image.getWidth(), image.getHeight());
        grey = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (306 * ((rgb >> 16) & 0xff) + 601 * ((rgb >> 8) & 0xff) + 117 * (rgb & 0xff)) >> 10;
                grey[y * image.getWidth() + x] = (byte) luminance;
            }
        }
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
        System.arraycopy(grey, y * getWidth(), out, 0, getWidth());
        return out;
    }

    @Override
    public byte[] getMatrix() {
        return grey;
    }
}
