package dev.rounds.reports;

import dev.rounds.network.LocalProjection;
import dev.rounds.network.StreetNetwork;
import java.awt.Color;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the coverage map: every street of the report coloured by its visits per shift on its beat,
 * or by the longest time it went unvisited against its beat's round duration (the planned revisit
 * interval; live alerts fire at 1.5 times it); streets outside the report's scope in light grey. The
 * legend and the map data's attribution are drawn under the map.
 */
final class CoverageMapDrawing {
    static final Color RED = new Color(0xd7, 0x30, 0x27);
    static final Color ORANGE = new Color(0xfc, 0x8d, 0x59);
    static final Color LIGHT_GREEN = new Color(0x91, 0xcf, 0x60);
    static final Color GREEN = new Color(0x1a, 0x98, 0x50);
    static final Color DARK_GREEN = new Color(0x00, 0x5a, 0x32);
    static final Color GREY = new Color(0xbb, 0xbb, 0xbb);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final double LEGEND_HEIGHT = 30;

    /** What the colours show. */
    enum Mode { VISITS, LONGEST_GAP }

    private CoverageMapDrawing() {
    }

    static void draw(Canvas canvas, PatrolReport report, Canvas.Box box, Mode mode) {
        Canvas.Box map = new Canvas.Box(box.x(), box.y(), box.width(), box.height() - LEGEND_HEIGHT);
        StreetNetwork network = report.network();
        double[] b = network.bounds();
        LocalProjection projection = LocalProjection.around((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
        double spanX = Math.max(1, projection.x(b[3]) - projection.x(b[1]));
        double spanY = Math.max(1, projection.y(b[2]) - projection.y(b[0]));
        double scale = Math.min(map.width() / spanX, map.height() / spanY);
        double left = map.x() + (map.width() - spanX * scale) / 2;
        double top = map.y() + (map.height() - spanY * scale) / 2;
        Map<Integer, StreetFigures> streets = new HashMap<>();
        report.streets().forEach(s -> streets.put(s.edge(), s));
        Map<Integer, BeatFigures> beats = new HashMap<>();
        report.beats().forEach(beat -> beats.put(beat.beat(), beat));
        for (int pass = 0; pass < 2; pass++) {
            for (int e = 0; e < network.edgeCount(); e++) {
                StreetFigures street = streets.get(e);
                boolean inScope = street != null && street.inScope();
                if ((pass == 0) == inScope) {
                    continue;
                }
                Color color = street == null ? GREY : colour(street, mode, beats);
                double[] xs = new double[network.edgePointCount(e)];
                double[] ys = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = left + (projection.x(network.edgePointLon(e, i)) - projection.x(b[1])) * scale;
                    ys[i] = top + (projection.y(b[2]) - projection.y(network.edgePointLat(e, i))) * scale;
                }
                canvas.polyline(xs, ys, xs.length, color, inScope ? 1.6 : 0.6);
            }
        }
        legend(canvas, box, mode, report.attribution());
    }

    static Color colour(StreetFigures street, Mode mode, Map<Integer, BeatFigures> beats) {
        BeatFigures beat = beats.get(street.beat());
        if (mode == Mode.VISITS) {
            int shifts = beat == null ? 0 : beat.figures().shifts();
            if (street.visits() == 0) {
                return street.inScope() ? RED : GREY;
            }
            double perShift = shifts == 0 ? 0 : street.visits() / (double) shifts;
            return perShift < 1 ? ORANGE : perShift < 2 ? LIGHT_GREEN : perShift < 4 ? GREEN : DARK_GREEN;
        }
        Duration gap = street.longestGap();
        if (gap == null || beat == null) {
            return GREY;
        }
        double rounds = gap.toMillis() / (double) beat.roundDuration().toMillis();
        return rounds <= 1 ? DARK_GREEN : rounds <= 1.5 ? LIGHT_GREEN : rounds <= 2 ? ORANGE : RED;
    }

    private static void legend(Canvas canvas, Canvas.Box box, Mode mode, String attribution) {
        List<Color> colours = mode == Mode.VISITS ? List.of(RED, ORANGE, LIGHT_GREEN, GREEN, DARK_GREEN, GREY)
                : List.of(DARK_GREEN, LIGHT_GREEN, ORANGE, RED, GREY);
        List<String> labels = mode == Mode.VISITS
                ? List.of("never visited", "< 1 visit per shift", "1-2", "2-4", "4 or more", "outside / no shift")
                : List.of("longest gap <= 1 round", "1-1.5 rounds", "1.5-2 rounds", "over 2 rounds", "no shift on its beat");
        double x = box.x();
        double y = box.bottom() - LEGEND_HEIGHT + 10;
        for (int i = 0; i < colours.size(); i++) {
            canvas.rect(x, y - 6, 14, 6, colours.get(i));
            canvas.text(x + 17, y, labels.get(i), 7, TEXT, Canvas.Align.START);
            x += 22 + 4.2 * labels.get(i).length();
        }
        String source = attribution == null ? "Map: street network without attribution" : "Map data "
                + attribution;
        canvas.text(box.right(), box.bottom() - 4, source, 7, TEXT, Canvas.Align.END);
    }
}
