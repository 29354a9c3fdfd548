package dev.rounds.matching.simulation;

import dev.rounds.matching.Ping;
import dev.rounds.network.LatLon;
import dev.rounds.network.LocalProjection;
import dev.rounds.network.StreetNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulates patrollers on real streets: a walk that keeps going without turning back (except at
 * dead ends), at 1.2 to 1.6 m/s, sampled every {@code interval}; each ping gets a slowly drifting
 * error (Ornstein-Uhlenbeck, 60 s correlation time, 0.6 of the GPS error) plus independent noise
 * (0.8 of it, so the total standard deviation is the GPS error), and 1 to 3 % of pings are
 * outliers thrown 100 to 300 m off. Everything is drawn from the seed.
 */
public final class TraceSimulator {
    private static final double DRIFT_SHARE = 0.6;
    private static final double NOISE_SHARE = 0.8;
    private static final double DRIFT_SECONDS = 60;
    private final StreetNetwork network;
    private final LocalProjection projection;

    public TraceSimulator(StreetNetwork network) {
        this.network = network;
        this.projection = LocalProjection.around(network);
    }

    /** A walk of about {@code lengthMeters}, pinged every {@code interval} with {@code gpsErrorMeters} error. */
    public SimulatedTrace simulate(long seed, double lengthMeters, Duration interval, double gpsErrorMeters) {
        Random random = new Random(seed);
        int[] edges = patrolRoute(random, lengthMeters);
        List<LatLon> route = geometry(edges);
        double speed = 1.2 + 0.4 * random.nextDouble();
        double outlierRate = 0.01 + 0.02 * random.nextDouble();
        return sample(random, edges, route, speed, interval.toMillis() / 1000.0, gpsErrorMeters, outlierRate);
    }

    private int[] patrolRoute(Random random, double lengthMeters) {
        int edge = random.nextInt(network.edgeCount());
        int node = random.nextBoolean() ? network.edgeFrom(edge) : network.edgeTo(edge);
        List<Integer> edges = new ArrayList<>();
        double length = 0;
        int previous = -1;
        while (length < lengthMeters && edges.size() < 10_000) {
            int next = nextEdge(random, node, previous);
            edges.add(next);
            length += network.edgeLengthMeters(next);
            node = network.otherEnd(next, node);
            previous = next;
        }
        return edges.stream().mapToInt(Integer::intValue).toArray();
    }

    private int nextEdge(Random random, int node, int previous) {
        int degree = network.adjacentEdgeCount(node);
        if (degree == 1) {
            return network.adjacentEdge(node, 0);
        }
        int choice;
        do {
            choice = network.adjacentEdge(node, random.nextInt(degree));
        } while (choice == previous);
        return choice;
    }

    private List<LatLon> geometry(int[] edges) {
        List<LatLon> points = new ArrayList<>();
        int node = startNode(edges);
        for (int e : edges) {
            boolean forward = network.edgeFrom(e) == node;
            int count = network.edgePointCount(e);
            for (int i = 0; i < count; i++) {
                int k = forward ? i : count - 1 - i;
                if (i > 0 || points.isEmpty()) {
                    points.add(new LatLon(network.edgePointLat(e, k), network.edgePointLon(e, k)));
                }
            }
            node = network.otherEnd(e, node);
        }
        return points;
    }

    private int startNode(int[] edges) {
        if (edges.length < 2) {
            return network.edgeFrom(edges[0]);
        }
        int a = network.edgeFrom(edges[0]);
        int b = network.edgeTo(edges[0]);
        boolean bTouchesNext = network.edgeFrom(edges[1]) == b || network.edgeTo(edges[1]) == b;
        return bTouchesNext && a != b ? a : b;
    }

    private SimulatedTrace sample(Random random, int[] edges, List<LatLon> route, double speed, double intervalSeconds,
            double errorMeters, double outlierRate) {
        double[] xs = new double[route.size()];
        double[] ys = new double[route.size()];
        double[] along = new double[route.size()];
        for (int i = 0; i < route.size(); i++) {
            xs[i] = projection.x(route.get(i).lon());
            ys[i] = projection.y(route.get(i).lat());
            along[i] = i == 0 ? 0 : along[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        double total = along[along.length - 1];
        double driftSigma = DRIFT_SHARE * errorMeters;
        double keep = Math.exp(-intervalSeconds / DRIFT_SECONDS);
        double driftX = driftSigma * random.nextGaussian();
        double driftY = driftSigma * random.nextGaussian();
        Instant start = Instant.parse("2026-01-01T08:00:00Z");
        List<Ping> pings = new ArrayList<>();
        int outliers = 0;
        int segment = 1;
        for (int k = 0; ; k++) {
            double position = Math.min(total, k * intervalSeconds * speed);
            while (segment < along.length - 1 && along[segment] < position) {
                segment++;
            }
            double span = along[segment] - along[segment - 1];
            double t = span == 0 ? 0 : (position - along[segment - 1]) / span;
            double x = xs[segment - 1] + t * (xs[segment] - xs[segment - 1]);
            double y = ys[segment - 1] + t * (ys[segment] - ys[segment - 1]);
            if (k > 0) {
                double innovation = driftSigma * Math.sqrt(1 - keep * keep);
                driftX = keep * driftX + innovation * random.nextGaussian();
                driftY = keep * driftY + innovation * random.nextGaussian();
            }
            double ex = driftX + NOISE_SHARE * errorMeters * random.nextGaussian();
            double ey = driftY + NOISE_SHARE * errorMeters * random.nextGaussian();
            if (k > 0 && position < total && random.nextDouble() < outlierRate) {
                double angle = 2 * Math.PI * random.nextDouble();
                double distance = 100 + 200 * random.nextDouble();
                ex = distance * Math.cos(angle);
                ey = distance * Math.sin(angle);
                outliers++;
            }
            Instant time = start.plusMillis(Math.round(k * intervalSeconds * 1000));
            pings.add(Ping.of(projection.lat(y + ey), projection.lon(x + ex), time));
            if (position >= total) {
                break;
            }
        }
        return new SimulatedTrace(pings, route, edges, outliers);
    }
}
