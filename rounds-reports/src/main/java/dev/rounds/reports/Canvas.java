package dev.rounds.reports;

import java.awt.Color;

/**
 * The few drawing operations the map and the charts need, in points with y growing downwards, so
 * that one drawing code serves the HTML report (SVG) and the PDF report (PDFBox).
 */
interface Canvas {
    /** Where a text's anchor point lies: at its start, middle or end. */
    enum Align { START, MIDDLE, END }

    void polyline(double[] xs, double[] ys, int count, Color color, double width);

    void rect(double x, double y, double width, double height, Color fill);

    void text(double x, double y, String text, double size, Color color, Align align);

    /** A rectangle on the canvas. */
    record Box(double x, double y, double width, double height) {
        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }
    }
}
