package dev.rounds.reports;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart drawn on a {@link Canvas}: one group of bars per label, one bar per series,
 * a zero-based value axis with grid lines at round steps, a title and a legend.
 */
final class BarChart {
    static final Color BLUE = new Color(0x31, 0x6b, 0xb4);
    static final Color LIGHT_BLUE = new Color(0xa6, 0xc8, 0xe8);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);

    /** One series: its name in the legend, its colour and one value per label. */
    record Series(String name, Color color, double[] values) {
    }

    private BarChart() {
    }

    /**
     * @param axisMax the top of the value axis, or 0 to fit the largest value
     * @param unit    appended to the axis labels ("%", "")
     */
    static void draw(Canvas canvas, Canvas.Box box, String title, List<String> labels, List<Series> series,
            double axisMax, String unit) {
        canvas.text(box.x(), box.y() + 10, title, 10, TEXT, Canvas.Align.START);
        Canvas.Box plot = new Canvas.Box(box.x() + 34, box.y() + 30, box.width() - 40, box.height() - 52);
        double step = axisMax > 0 ? axisMax / 4 : niceStep(series);
        double top = axisMax > 0 ? axisMax : Math.max(1, Math.ceil(largest(series) / step)) * step;
        int lines = (int) Math.round(top / step);
        for (int g = 0; g <= lines; g++) {
            double y = plot.bottom() - plot.height() * g / lines;
            canvas.polyline(new double[] {plot.x(), plot.right()}, new double[] {y, y}, 2, GRID, 0.5);
            canvas.text(plot.x() - 3, y + 3, number(step * g) + unit, 7, TEXT, Canvas.Align.END);
        }
        if (labels.isEmpty()) {
            canvas.text(plot.x() + plot.width() / 2, plot.y() + plot.height() / 2, "no data", 9, TEXT,
                    Canvas.Align.MIDDLE);
            return;
        }
        double groupWidth = plot.width() / labels.size();
        double barWidth = groupWidth * 0.8 / series.size();
        int labelStep = Math.max(1, (int) Math.ceil(labels.size() * 28 / plot.width()));
        for (int i = 0; i < labels.size(); i++) {
            for (int s = 0; s < series.size(); s++) {
                double value = Math.max(0, Math.min(top, series.get(s).values()[i]));
                double height = top == 0 ? 0 : plot.height() * value / top;
                canvas.rect(plot.x() + i * groupWidth + groupWidth * 0.1 + s * barWidth, plot.bottom() - height,
                        barWidth, height, series.get(s).color());
            }
            if (i % labelStep == 0) {
                canvas.text(plot.x() + (i + 0.5) * groupWidth, plot.bottom() + 9, labels.get(i), 7, TEXT,
                        Canvas.Align.MIDDLE);
            }
        }
        legend(canvas, box, series);
    }

    private static void legend(Canvas canvas, Canvas.Box box, List<Series> series) {
        double x = box.x() + 34;
        for (Series s : series) {
            canvas.rect(x, box.bottom() - 9, 10, 6, s.color());
            canvas.text(x + 13, box.bottom() - 3, s.name(), 7, TEXT, Canvas.Align.START);
            x += 24 + 4.2 * s.name().length();
        }
    }

    /** The smallest of 1, 2, 5 × 10^k that splits the largest value into at most five steps. */
    private static double niceStep(List<Series> series) {
        double max = largest(series);
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max / 5)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude * 5 >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double largest(List<Series> series) {
        double max = 0;
        for (Series s : series) {
            for (double v : s.values()) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
