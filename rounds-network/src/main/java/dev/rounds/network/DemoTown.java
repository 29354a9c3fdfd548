package dev.rounds.network;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A plausible small town, generated deterministically from a seed: a jittered street grid with
 * irregular blocks, named main roads, a river crossed by a few bridges, a park with footpaths and
 * some dead ends. About 1,000 to 3,000 edges. It is the embedded default map when no map is given,
 * so that Rounds can be tried without downloading anything. Not OSM data: it carries no attribution.
 */
public final class DemoTown {
    private static final int COLUMNS = 30;
    private static final int ROWS = 24;
    private static final double SPACING_METERS = 75;
    private static final double CENTER_LAT = 47.3500;
    private static final double CENTER_LON = 8.5200;
    private static final String[] ROW_NAMES = {"Elm", "Oak", "Birch", "Maple", "Cedar", "Willow", "Ash", "Pine",
        "Rowan", "Hazel", "Linden", "Poplar", "Alder", "Beech", "Cherry", "Holly", "Juniper", "Larch", "Myrtle",
        "Olive", "Plane", "Quince", "Spruce", "Yew"};
    private static final String[] COLUMN_NAMES = {"Abbey", "Bell", "Church", "Dock", "Forge", "Garden", "Harbour",
        "Inn", "King", "Lark", "Mill", "North", "Orchard", "Park", "Queen", "Rope", "School", "Tanner", "Union",
        "Vine", "Well", "York", "Baker", "Castle", "Dyer", "Fuller", "Glover", "Hatter", "Mason", "Weaver"};

    private final SplittableRandom random;
    private final StreetNetworkBuilder builder;
    private final LocalProjection projection = LocalProjection.around(CENTER_LAT, CENTER_LON);
    private final double[][] x = new double[COLUMNS][ROWS];
    private final double[][] y = new double[COLUMNS][ROWS];
    private final int mainRow = ROWS / 2;
    private final int[] mainColumns = {COLUMNS / 3, 2 * COLUMNS / 3};
    private final int parkColumn = 4;
    private final int parkRow = 15;
    private final int parkWidth = 5;
    private final int parkHeight = 4;
    private long nextWayId = 1;
    private long nextNodeId = 1_000_000;

    private DemoTown(long seed) {
        this.random = new SplittableRandom(seed);
        this.builder = new StreetNetworkBuilder(Profiles.FOOT, null);
    }

    /** Generates the town for this seed; the same seed always gives the same network. */
    public static ImportResult generate(long seed) {
        DemoTown town = new DemoTown(seed);
        town.placeIntersections();
        town.addGridStreets();
        town.addPark();
        town.addDeadEnds();
        return town.builder.build();
    }

    private void placeIntersections() {
        for (int i = 0; i < COLUMNS; i++) {
            for (int j = 0; j < ROWS; j++) {
                double jitter = SPACING_METERS * 0.18;
                x[i][j] = (i - COLUMNS / 2.0) * SPACING_METERS + random.nextDouble(-jitter, jitter);
                y[i][j] = (j - ROWS / 2.0) * SPACING_METERS + random.nextDouble(-jitter, jitter);
                builder.node(nodeId(i, j), projection.lat(y[i][j]), projection.lon(x[i][j]));
            }
        }
    }

    private static long nodeId(int i, int j) {
        return 1L + i * 1000L + j;
    }

    /** Height of the river's centre line at this x, in metres; it meanders across the town. */
    private double riverY(double atX) {
        return -4.3 * SPACING_METERS + 90 * Math.sin(atX / 260.0) + 40 * Math.sin(atX / 97.0 + 1.3);
    }

    private boolean inPark(int i, int j) {
        return i > parkColumn && i < parkColumn + parkWidth && j > parkRow && j < parkRow + parkHeight;
    }

    private boolean parkInterior(int i0, int j0, int i1, int j1) {
        boolean inside0 = i0 >= parkColumn && i0 <= parkColumn + parkWidth && j0 >= parkRow && j0 <= parkRow + parkHeight;
        boolean inside1 = i1 >= parkColumn && i1 <= parkColumn + parkWidth && j1 >= parkRow && j1 <= parkRow + parkHeight;
        return inside0 && inside1 && (inPark(i0, j0) || inPark(i1, j1)
                || (i0 != i1 && (j0 != parkRow && j0 != parkRow + parkHeight))
                || (j0 != j1 && (i0 != parkColumn && i0 != parkColumn + parkWidth)));
    }

    private void addGridStreets() {
        for (int j = 0; j < ROWS; j++) {
            for (int i = 0; i + 1 < COLUMNS; i++) {
                boolean main = j == mainRow;
                if (parkInterior(i, j, i + 1, j) || crossesRiver(i, j, i + 1, j)
                        || (!main && skipForIrregularity(i, j))) {
                    continue;
                }
                street(i, j, i + 1, j, main ? "primary" : "residential",
                        main ? "High Street" : ROW_NAMES[j % ROW_NAMES.length] + " Street");
            }
        }
        for (int i = 0; i < COLUMNS; i++) {
            boolean main = i == mainColumns[0] || i == mainColumns[1];
            for (int j = 0; j + 1 < ROWS; j++) {
                if (parkInterior(i, j, i, j + 1) || crossesRiver(i, j, i, j + 1) && !isBridge(i)
                        || (!main && skipForIrregularity(i + 100, j))) {
                    continue;
                }
                String name = main ? (i == mainColumns[0] ? "Station Road" : "Market Road")
                        : COLUMN_NAMES[i % COLUMN_NAMES.length] + " Lane";
                street(i, j, i, j + 1, main ? "secondary" : "residential", name);
            }
        }
    }

    private boolean skipForIrregularity(int i, int j) {
        return random.nextDouble() < 0.12 && i % 7 != 0 && j % 5 != 0;
    }

    private boolean crossesRiver(int i0, int j0, int i1, int j1) {
        return (y[i0][j0] - riverY(x[i0][j0])) * (y[i1][j1] - riverY(x[i1][j1])) < 0;
    }

    private boolean isBridge(int i) {
        return i == mainColumns[0] || i == mainColumns[1] || i == 5 || i == 25;
    }

    private void street(int i0, int j0, int i1, int j1, String highway, String name) {
        double mx = (x[i0][j0] + x[i1][j1]) / 2 + random.nextDouble(-6, 6);
        double my = (y[i0][j0] + y[i1][j1]) / 2 + random.nextDouble(-6, 6);
        long mid = nextNodeId++;
        builder.node(mid, projection.lat(my), projection.lon(mx));
        way(new long[] {nodeId(i0, j0), mid, nodeId(i1, j1)}, highway, name);
    }

    private void way(long[] refs, String highway, String name) {
        Map<String, String> tags = new HashMap<>();
        tags.put("highway", highway);
        if (name != null) {
            tags.put("name", name);
        }
        builder.way(nextWayId++, refs, tags);
    }

    /** Footpaths across the park: its diagonals, a path along its middle and a small loop. */
    private void addPark() {
        int i0 = parkColumn;
        int j0 = parkRow;
        int i1 = parkColumn + parkWidth;
        int j1 = parkRow + parkHeight;
        long centre = nextNodeId++;
        double cx = (x[i0][j0] + x[i1][j1]) / 2;
        double cy = (y[i0][j0] + y[i1][j1]) / 2;
        builder.node(centre, projection.lat(cy), projection.lon(cx));
        way(new long[] {nodeId(i0, j0), centre}, "footway", "Park Walk");
        way(new long[] {centre, nodeId(i1, j1)}, "footway", "Park Walk");
        way(new long[] {nodeId(i0, j1), centre}, "footway", null);
        way(new long[] {centre, nodeId(i1, j0)}, "footway", null);
        int jm = (j0 + j1) / 2;
        way(new long[] {nodeId(i0, jm), centre, nodeId(i1, jm)}, "path", "Pond Path");
        long[] loop = new long[7];
        for (int k = 0; k < 6; k++) {
            double angle = 2 * Math.PI * k / 6;
            loop[k] = nextNodeId++;
            builder.node(loop[k], projection.lat(cy + 55 * Math.sin(angle)), projection.lon(cx + 70 * Math.cos(angle)));
        }
        loop[6] = loop[0];
        way(loop, "footway", "Pond Loop");
        way(new long[] {centre, loop[0]}, "footway", null);
    }

    /** Short cul-de-sacs off the outer streets. */
    private void addDeadEnds() {
        for (int i = 1; i + 1 < COLUMNS; i++) {
            for (int j : new int[] {0, ROWS - 1}) {
                if (random.nextDouble() < 0.35) {
                    double dy = j == 0 ? -1 : 1;
                    long end = nextNodeId++;
                    builder.node(end, projection.lat(y[i][j] + dy * random.nextDouble(35, 70)),
                            projection.lon(x[i][j] + random.nextDouble(-10, 10)));
                    way(new long[] {nodeId(i, j), end}, "residential", COLUMN_NAMES[i % COLUMN_NAMES.length] + " Close");
                }
            }
        }
        for (int j = 1; j + 1 < ROWS; j++) {
            for (int i : new int[] {0, COLUMNS - 1}) {
                if (random.nextDouble() < 0.35) {
                    double dx = i == 0 ? -1 : 1;
                    long end = nextNodeId++;
                    builder.node(end, projection.lat(y[i][j] + random.nextDouble(-10, 10)),
                            projection.lon(x[i][j] + dx * random.nextDouble(35, 70)));
                    way(new long[] {nodeId(i, j), end}, "service", null);
                }
            }
        }
    }
}
