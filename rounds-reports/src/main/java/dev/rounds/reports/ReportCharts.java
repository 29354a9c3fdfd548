package dev.rounds.reports;

import java.util.ArrayList;
import java.util.List;

/** The report's charts, each drawn into a box: coverage over the shift, rounds, revisits, days. */
final class ReportCharts {
    private ReportCharts() {
    }

    static void coverageOverShift(Canvas canvas, Canvas.Box box, PatrolReport report) {
        List<String> labels = new ArrayList<>();
        double[] share = new double[report.coverageByHour().size()];
        for (HourCoverage hour : report.coverageByHour()) {
            labels.add("h" + (hour.hourOfShift() + 1));
            share[hour.hourOfShift()] = 100 * hour.coveredShare();
        }
        BarChart.draw(canvas, box, "Coverage over the shift (beat streets visited in each hour)", labels,
                List.of(new BarChart.Series("covered", BarChart.BLUE, share)), 100, "%");
    }

    static void roundsPerPatroller(Canvas canvas, Canvas.Box box, PatrolReport report) {
        List<String> labels = new ArrayList<>();
        double[] done = new double[report.patrollers().size()];
        double[] planned = new double[done.length];
        for (int i = 0; i < done.length; i++) {
            PatrollerFigures p = report.patrollers().get(i);
            labels.add(report.patrollerName(p.patrollerId()));
            done[i] = p.figures().roundsCompleted();
            planned[i] = p.figures().roundsPlanned();
        }
        BarChart.draw(canvas, box, "Rounds per patroller against the plan", labels,
                List.of(new BarChart.Series("completed", BarChart.BLUE, done),
                        new BarChart.Series("planned", BarChart.LIGHT_BLUE, planned)), 0, "");
    }

    static void revisitHistogram(Canvas canvas, Canvas.Box box, PatrolReport report) {
        IntervalSpread spread = report.total().revisits();
        List<String> labels = new ArrayList<>();
        double[] counts = new double[spread.bins().size()];
        long width = spread.binWidth().toMinutes();
        for (int i = 0; i < counts.length; i++) {
            labels.add(i == counts.length - 1 ? ">" + i * width : i * width + "-" + (i + 1) * width);
            counts[i] = spread.bins().get(i);
        }
        BarChart.draw(canvas, box, "Revisit intervals (minutes between two visits to a street)", labels,
                List.of(new BarChart.Series("revisits", BarChart.BLUE, counts)), 0, "");
    }

    static void roundsPerDay(Canvas canvas, Canvas.Box box, PatrolReport report) {
        List<String> labels = new ArrayList<>();
        double[] done = new double[report.days().size()];
        double[] planned = new double[done.length];
        double[] covered = new double[done.length];
        for (int i = 0; i < done.length; i++) {
            DayFigures day = report.days().get(i);
            labels.add(day.date().toString().substring(5));
            done[i] = day.roundsCompleted();
            planned[i] = day.roundsPlanned();
            covered[i] = 100 * day.coveredShare();
        }
        Canvas.Box upper = new Canvas.Box(box.x(), box.y(), box.width(), box.height() / 2 - 4);
        Canvas.Box lower = new Canvas.Box(box.x(), box.y() + box.height() / 2 + 4, box.width(), box.height() / 2 - 4);
        BarChart.draw(canvas, upper, "Rounds per day", labels, List.of(
                new BarChart.Series("completed", BarChart.BLUE, done),
                new BarChart.Series("planned", BarChart.LIGHT_BLUE, planned)), 0, "");
        BarChart.draw(canvas, lower, "Coverage per day (beat streets covered per shift)", labels,
                List.of(new BarChart.Series("covered", BarChart.BLUE, covered)), 100, "%");
    }
}
