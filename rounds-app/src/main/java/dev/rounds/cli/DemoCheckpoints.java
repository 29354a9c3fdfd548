package dev.rounds.cli;

import dev.rounds.beats.Beat;
import dev.rounds.network.LatLon;
import dev.rounds.network.StreetNetwork;
import dev.rounds.server.RoundsServer;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.simulation.SimulatedPatrol;
import dev.rounds.simulation.WalkedStreet;
import dev.rounds.storage.GuardTourStore;
import dev.rounds.storage.Shift;
import dev.rounds.storage.StoredCheckpoint;
import dev.rounds.storage.TourRules;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's guard tour: two checkpoints on each beat's round (a third and two thirds of the way
 * round), tour windows as long as the beat's round, and virtual patrollers who scan a checkpoint
 * when they walk past it, as a patroller taps the QR code with their phone. One scan in ten is
 * forgotten, so the live map shows what a missed checkpoint looks like.
 */
final class DemoCheckpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCheckpoints.class);
    private static final double FORGET_SHARE = 0.1;

    private final RoundsServer server;
    private final Clock clock;
    private final List<PlannedScan> pending = new ArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rounds-demo-scans");
        t.setDaemon(true);
        return t;
    });

    /** A scan a virtual patroller makes when passing a checkpoint. */
    record PlannedScan(Instant at, StoredCheckpoint checkpoint, Shift shift) {
    }

    private DemoCheckpoints(RoundsServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /**
     * Places the checkpoints (unless the area has some already), sets each beat's tour window to its
     * round time, and schedules the scans of the simulated walks.
     */
    static DemoCheckpoints start(RoundsServer server, PlannedArea planned, List<SimulatedPatrol> walks,
            List<Shift> shifts, Clock clock, long seed) {
        GuardTourStore tour = server.storage().guardTour();
        if (tour.checkpoints(planned.areaId()).isEmpty()) {
            place(tour, planned);
        }
        List<StoredCheckpoint> checkpoints = tour.checkpoints(planned.areaId());
        server.patrol().toursChanged();
        DemoCheckpoints scans = new DemoCheckpoints(server, clock);
        Random random = new Random(seed);
        for (int beat = 0; beat < walks.size(); beat++) {
            scans.plan(planned, checkpoints, walks.get(beat), shifts.get(beat), random);
        }
        scans.pending.sort(Comparator.comparing(PlannedScan::at));
        scans.thread.scheduleWithFixedDelay(scans::deliverDue, 200, 200, TimeUnit.MILLISECONDS);
        return scans;
    }

    private static void place(GuardTourStore tour, PlannedArea planned) {
        StreetNetwork network = planned.network();
        for (Beat beat : planned.plan().beats()) {
            int[] walk = beat.round().edgeSequence();
            for (int k = 1; k <= 2; k++) {
                int edge = walk[walk.length * k / 3];
                LatLon at = network.pointAlong(edge, network.edgeLengthMeters(edge) / 2);
                String street = network.edgeName(edge);
                String name = (k == 1 ? "Gate " : "Door ") + (char) ('A' + beat.index() % 26)
                        + (street == null || street.isBlank() ? "" : ", " + street);
                tour.createCheckpoint(planned.areaId(), Integer.toString(beat.index()), name, k, at.lat(), at.lon());
            }
            int window = (int) Math.ceil(planned.roundTime(beat.index()).toSeconds() / 60.0 * 1.1);
            tour.saveTourRules(new TourRules(planned.areaId(), Integer.toString(beat.index()), false,
                    Math.max(window, 10), 10, 15));
        }
    }

    private void plan(PlannedArea planned, List<StoredCheckpoint> checkpoints, SimulatedPatrol walk, Shift shift,
            Random random) {
        for (StoredCheckpoint checkpoint : checkpoints) {
            if (!checkpoint.beat().equals(shift.beat())) {
                continue;
            }
            int edge = nearestEdge(planned, checkpoint);
            for (WalkedStreet walked : walk.walked()) {
                if (walked.edge() == edge && walked.share() > 0.5 && random.nextDouble() >= FORGET_SHARE) {
                    Instant middle = walked.entry().plus(java.time.Duration.between(walked.entry(), walked.exit())
                            .dividedBy(2));
                    pending.add(new PlannedScan(middle, checkpoint, shift));
                }
            }
        }
    }

    /** The street of the checkpoint's beat whose middle is nearest to it (where the demo placed it). */
    private static int nearestEdge(PlannedArea planned, StoredCheckpoint checkpoint) {
        StreetNetwork network = planned.network();
        int best = -1;
        double bestMeters = Double.MAX_VALUE;
        for (int e = 0; e < network.edgeCount(); e++) {
            LatLon middle = network.pointAlong(e, network.edgeLengthMeters(e) / 2);
            double meters = dev.rounds.network.Earth.distanceMeters(middle.lat(), middle.lon(), checkpoint.lat(),
                    checkpoint.lon());
            if (meters < bestMeters && planned.plan().beatOf(e) == Integer.parseInt(checkpoint.beat())) {
                bestMeters = meters;
                best = e;
            }
        }
        return best;
    }

    private synchronized void deliverDue() {
        Instant now = clock.instant();
        while (!pending.isEmpty() && !pending.get(0).at().isAfter(now)) {
            PlannedScan scan = pending.remove(0);
            try {
                String status = server.patrol().checkpointScanned(scan.checkpoint(), scan.shift(), scan.at(),
                        scan.checkpoint().lat(), scan.checkpoint().lon());
                server.storage().guardTour().recordVisit(scan.checkpoint().id(), scan.shift().id(), scan.at(),
                        scan.checkpoint().lat(), scan.checkpoint().lon(), "qr", status);
            } catch (RuntimeException e) {
                LOG.warn("demo scan of {} failed: {}", scan.checkpoint().name(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
