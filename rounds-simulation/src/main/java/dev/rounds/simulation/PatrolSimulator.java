package dev.rounds.simulation;

import dev.rounds.network.LatLon;
import dev.rounds.network.StreetNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A virtual patroller walking their round again and again through a shift, and their phone
 * reporting positions as a real one does. Deterministic for a seed.
 *
 * <p>First the walk is laid out as timed legs along streets (with pauses, dead ends skipped,
 * turn-backs and detours as {@link WalkerBehaviour} says), which also gives the ground truth of the
 * streets walked. Then fixes are sampled from the legs every {@link PhoneModel#interval()}, with a
 * first-order Gauss-Markov drift plus white noise and rare jumps, and delivery delayed through
 * signal losses.
 */
public final class PatrolSimulator {
    private static final double METERS_PER_DEGREE = 111_195.0;
    private final StreetNetwork network;
    private final WalkerBehaviour walker;
    private final PhoneModel phone;
    private final SplittableRandom random;

    public PatrolSimulator(StreetNetwork network, WalkerBehaviour walker, PhoneModel phone, long seed) {
        this.network = network;
        this.walker = walker;
        this.phone = phone;
        this.random = new SplittableRandom(seed);
    }

    /** A stretch of time spent moving along one street (or standing, when the offsets are equal). */
    record Leg(int edge, double fromOffset, double toOffset, Instant start, Instant end) {
        double offsetAt(Instant time) {
            long total = Duration.between(start, end).toMillis();
            if (total == 0) {
                return toOffset;
            }
            double t = Math.max(0, Math.min(1, Duration.between(start, time).toMillis() / (double) total));
            return fromOffset + t * (toOffset - fromOffset);
        }

        double speedMps() {
            long millis = Duration.between(start, end).toMillis();
            return millis == 0 ? 0 : Math.abs(toOffset - fromOffset) / (millis / 1000.0);
        }
    }

    /**
     * Walks the round (a closed walk of edge ids starting at {@code startNode}) repeatedly from
     * {@code start} until {@code end}.
     */
    public SimulatedPatrol simulate(String deviceId, int[] round, int startNode, Instant start, Instant end) {
        checkRound(round, startNode);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the patrol must end after it starts: " + start + " .. " + end);
        }
        List<Leg> legs = new ArrayList<>();
        List<WalkedStreet> walked = new ArrayList<>();
        layOut(round, startNode, start, end, legs, walked);
        List<SimulatedPing> pings = sample(deviceId, legs, start, end);
        return new SimulatedPatrol(pings, walked);
    }

    private void checkRound(int[] round, int startNode) {
        if (round.length == 0) {
            throw new IllegalArgumentException("the round has no streets");
        }
        int node = startNode;
        for (int i = 0; i < round.length; i++) {
            int e = round[i];
            if (e < 0 || e >= network.edgeCount()) {
                throw new IllegalArgumentException("round step " + i + " names edge " + e + ", not in the network");
            }
            if (network.edgeFrom(e) != node && network.edgeTo(e) != node) {
                throw new IllegalArgumentException("round step " + i + " (edge " + e + ") does not start at node " + node
                        + " where the previous step ended");
            }
            node = network.otherEnd(e, node);
        }
        if (node != startNode) {
            throw new IllegalArgumentException("the round ends at node " + node + ", not where it started (" + startNode
                    + ")");
        }
    }

    private void layOut(int[] round, int startNode, Instant start, Instant end, List<Leg> legs,
            List<WalkedStreet> walked) {
        Instant t = start;
        int node = startNode;
        while (t.isBefore(end)) {
            for (int i = 0; i < round.length && t.isBefore(end); i++) {
                int e = round[i];
                if (isDeadEndOutAndBack(round, i, node) && chance(walker.skipDeadEndChance())) {
                    i++;
                    continue;
                }
                if (chance(walker.pauseChance())) {
                    t = pause(e, node, t, legs);
                }
                if (chance(walker.detourChance())) {
                    t = detour(e, node, t, legs, walked);
                }
                if (chance(walker.doubleBackChance())) {
                    t = turnBack(e, node, t, legs, walked);
                }
                t = walk(e, node, t, legs, walked);
                node = network.otherEnd(e, node);
            }
        }
    }

    private boolean isDeadEndOutAndBack(int[] round, int i, int node) {
        int e = round[i];
        int far = network.otherEnd(e, node);
        return i + 1 < round.length && round[i + 1] == e && far != node && network.adjacentEdgeCount(far) == 1;
    }

    private boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    private double speed() {
        double factor = 1 + walker.speedSpread() * random.nextGaussian();
        return Math.max(0.4, Math.min(2.5, walker.meanSpeedMps() * Math.max(0.3, factor)));
    }

    private double offsetOf(int edge, int node) {
        return network.edgeFrom(edge) == node ? 0 : network.edgeLengthMeters(edge);
    }

    private Instant leg(int edge, double from, double to, Instant t, double speedMps, List<Leg> legs) {
        Instant end = t.plusMillis(Math.round(Math.abs(to - from) / speedMps * 1000));
        legs.add(new Leg(edge, from, to, t, end));
        return end;
    }

    private Instant walk(int edge, int node, Instant t, List<Leg> legs, List<WalkedStreet> walked) {
        double from = offsetOf(edge, node);
        double to = network.edgeFrom(edge) == network.edgeTo(edge) ? network.edgeLengthMeters(edge)
                : network.edgeLengthMeters(edge) - from;
        Instant end = leg(edge, from, to, t, speed(), legs);
        walked.add(new WalkedStreet(edge, t, end, 1));
        return end;
    }

    private Instant pause(int edge, int node, Instant t, List<Leg> legs) {
        double offset = offsetOf(edge, node);
        long millis = Math.round(-Math.log(1 - random.nextDouble()) * walker.meanPause().toMillis());
        Instant end = t.plusMillis(Math.max(1000, millis));
        legs.add(new Leg(edge, offset, offset, t, end));
        return end;
    }

    private Instant turnBack(int edge, int node, Instant t, List<Leg> legs, List<WalkedStreet> walked) {
        double from = offsetOf(edge, node);
        double share = 0.3 + 0.4 * random.nextDouble();
        double length = network.edgeLengthMeters(edge);
        double turn = from == 0 ? share * length : length - share * length;
        double speed = speed();
        Instant mid = leg(edge, from, turn, t, speed, legs);
        Instant back = leg(edge, turn, from, mid, speed, legs);
        walked.add(new WalkedStreet(edge, t, back, share));
        return back;
    }

    private Instant detour(int planned, int node, Instant t, List<Leg> legs, List<WalkedStreet> walked) {
        int options = network.adjacentEdgeCount(node);
        int side = network.adjacentEdge(node, random.nextInt(options));
        if (side == planned || network.edgeFrom(side) == network.edgeTo(side)) {
            return t;
        }
        Instant out = walk(side, node, t, legs, walked);
        return walk(side, network.otherEnd(side, node), out, legs, walked);
    }

    private List<SimulatedPing> sample(String deviceId, List<Leg> legs, Instant start, Instant end) {
        List<SimulatedPing> pings = new ArrayList<>();
        GpsError error = new GpsError();
        Instant dropoutUntil = Instant.MIN;
        double hoursPerFix = phone.interval().toMillis() / 3_600_000.0;
        int legIndex = 0;
        for (Instant fix = start; fix.isBefore(end); fix = fix.plus(phone.interval())) {
            while (legIndex < legs.size() - 1 && !legs.get(legIndex).end().isAfter(fix)) {
                legIndex++;
            }
            Leg leg = legs.get(legIndex);
            double offset = leg.offsetAt(fix);
            LatLon truth = network.pointAlong(leg.edge(), offset);
            double[] err = error.next(phone.interval());
            double lat = truth.lat() + err[1] / METERS_PER_DEGREE;
            double lon = truth.lon() + err[0] / (METERS_PER_DEGREE * Math.cos(Math.toRadians(truth.lat())));
            if (!fix.isBefore(dropoutUntil) && chance(phone.dropoutsPerHour() * hoursPerFix)) {
                long lossMillis = Math.round(-Math.log(1 - random.nextDouble()) * phone.meanDropout().toMillis());
                dropoutUntil = fix.plusMillis(Math.max(phone.interval().toMillis(), lossMillis));
            }
            Instant deliver = fix.isBefore(dropoutUntil) ? dropoutUntil
                    : fix.plusMillis(300 + random.nextInt(1700));
            double accuracy = Math.max(3, Math.round(Math.hypot(phone.noiseSigmaMeters(), phone.driftSigmaMeters())
                    * (0.8 + 0.4 * random.nextDouble())));
            int battery = (int) Math.max(5, 100 - Duration.between(start, fix).toMinutes() * 8 / 60);
            pings.add(new SimulatedPing(deviceId, fix, deliver, round7(lat), round7(lon), accuracy, leg.speedMps(),
                    bearing(leg), battery, chance(phone.sosPerHour() * hoursPerFix)));
        }
        pings.sort(Comparator.comparing(SimulatedPing::deliverAt).thenComparing(SimulatedPing::fixTime));
        return List.copyOf(pings);
    }

    private double bearing(Leg leg) {
        if (leg.fromOffset() == leg.toOffset()) {
            return 0;
        }
        double direction = Math.signum(leg.toOffset() - leg.fromOffset());
        double mid = (leg.fromOffset() + leg.toOffset()) / 2;
        LatLon a = network.pointAlong(leg.edge(), mid - direction);
        LatLon b = network.pointAlong(leg.edge(), mid + direction);
        double dx = (b.lon() - a.lon()) * Math.cos(Math.toRadians(a.lat()));
        double dy = b.lat() - a.lat();
        double degrees = Math.toDegrees(Math.atan2(dx, dy));
        return Math.round((degrees + 360) % 360);
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** GPS error in metres east and north: Gauss-Markov drift plus white noise plus rare jumps. */
    private final class GpsError {
        private double driftX = phone.driftSigmaMeters() * random.nextGaussian();
        private double driftY = phone.driftSigmaMeters() * random.nextGaussian();

        double[] next(Duration step) {
            double rho = Math.exp(-step.toMillis() / (double) Math.max(1, phone.driftCorrelation().toMillis()));
            double innovation = Math.sqrt(1 - rho * rho) * phone.driftSigmaMeters();
            driftX = rho * driftX + innovation * random.nextGaussian();
            driftY = rho * driftY + innovation * random.nextGaussian();
            double x = driftX + phone.noiseSigmaMeters() * random.nextGaussian();
            double y = driftY + phone.noiseSigmaMeters() * random.nextGaussian();
            if (chance(phone.outlierChance())) {
                double angle = random.nextDouble() * 2 * Math.PI;
                x += phone.outlierMeters() * Math.cos(angle);
                y += phone.outlierMeters() * Math.sin(angle);
            }
            return new double[] {x, y};
        }
    }
}
