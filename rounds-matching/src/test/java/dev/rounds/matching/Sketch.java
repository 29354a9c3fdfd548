package dev.rounds.matching;

import dev.rounds.network.Profiles;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetNetwork;
import dev.rounds.network.StreetNetworkBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A hand-drawn street network in metres (x east, y north) around 45°N 19°E, and walks over it that
 * produce pings: the fixtures of the matching tests.
 */
final class Sketch {
    static final double LAT0 = 45.0;
    static final double LON0 = 19.0;
    static final double METERS_PER_DEGREE = 111_195.08;
    static final Instant START = Instant.parse("2026-01-01T08:00:00Z");
    private final StreetNetworkBuilder builder = new StreetNetworkBuilder(Profiles.FOOT, null).keepAllComponents();
    private long nextWay = 1;
    private StreetNetwork network;

    static double lat(double yMeters) {
        return LAT0 + yMeters / METERS_PER_DEGREE;
    }

    static double lon(double xMeters) {
        return LON0 + xMeters / (METERS_PER_DEGREE * Math.cos(Math.toRadians(LAT0)));
    }

    Sketch node(long id, double x, double y) {
        builder.node(id, lat(y), lon(x));
        return this;
    }

    Sketch street(String name, long... nodes) {
        builder.way(nextWay++, nodes, Map.of("highway", "residential", "name", name));
        return this;
    }

    StreetNetwork network() {
        if (network == null) {
            network = builder.build().network();
        }
        return network;
    }

    MapMatcher matcher() {
        return new MapMatcher(SpatialIndex.of(network()), MatchSettings.defaults());
    }

    String name(Traversal t) {
        return network().edgeName(t.edge());
    }

    /** Pings along a polyline of (x, y) corners every {@code stepMeters}, one per {@code interval}. */
    static final class Walk {
        final List<Ping> pings = new ArrayList<>();
        Instant time = START;
        private final Duration interval;
        private final Random random;
        private final double noiseMeters;
        private double accuracyMeters = Double.NaN;
        private double x;
        private double y;

        Walk(Duration interval, long seed, double noiseMeters, double x, double y) {
            this.interval = interval;
            this.random = new Random(seed);
            this.noiseMeters = noiseMeters;
            this.x = x;
            this.y = y;
            ping(x, y);
        }

        /** Pings from now on report this accuracy. */
        Walk accuracy(double meters) {
            accuracyMeters = meters;
            return this;
        }

        Walk to(double toX, double toY, double stepMeters) {
            double length = Math.hypot(toX - x, toY - y);
            int steps = Math.max(1, (int) Math.round(length / stepMeters));
            double fromX = x;
            double fromY = y;
            for (int i = 1; i <= steps; i++) {
                x = fromX + (toX - fromX) * i / steps;
                y = fromY + (toY - fromY) * i / steps;
                tick();
                ping(x, y);
            }
            return this;
        }

        Walk stand(Duration duration) {
            for (Duration stood = Duration.ZERO; stood.compareTo(duration) < 0; stood = stood.plus(interval)) {
                tick();
                ping(x, y);
            }
            return this;
        }

        Walk pause(Duration duration) {
            time = time.plus(duration);
            return this;
        }

        /** Jumps without pings (a teleport, used after a pause). */
        Walk jumpTo(double toX, double toY) {
            x = toX;
            y = toY;
            tick();
            ping(x, y);
            return this;
        }

        /** One ping off the walk by (dx, dy), in place of the next ping. */
        Walk outlier(double dx, double dy) {
            tick();
            pings.add(Ping.of(lat(y + dy), lon(x + dx), time));
            return this;
        }

        Walk pingAt(double px, double py) {
            tick();
            pings.add(Ping.of(lat(py), lon(px), time));
            return this;
        }

        private void tick() {
            time = time.plus(interval);
        }

        private void ping(double px, double py) {
            double nx = noiseMeters * random.nextGaussian();
            double ny = noiseMeters * random.nextGaussian();
            pings.add(new Ping(lat(py + ny), lon(px + nx), time, accuracyMeters));
        }
    }
}
