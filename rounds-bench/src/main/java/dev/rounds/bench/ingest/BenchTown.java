package dev.rounds.bench.ingest;

import dev.rounds.beats.Beat;
import dev.rounds.network.LatLon;
import dev.rounds.network.ProgressListener;
import dev.rounds.server.RoundsServer;
import dev.rounds.server.plans.PlanRequest;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.storage.Area;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The generated town the live benchmarks patrol: an 8-beat plan, activated, and walks along its rounds. */
final class BenchTown {
    private BenchTown() {
    }

    /** Plans the generated town (seed 1) in 8 beats and makes it the server's active plan. */
    static PlannedArea activate(RoundsServer server) throws InterruptedException {
        Area town = server.areas().generateTown(1);
        long job = server.plans().start(town.id(), new PlanRequest(8, null, null, null, null, null, 1L)).id();
        PlannedArea planned = server.plans().await(job, Duration.ofMinutes(5), ProgressListener.NONE);
        server.storage().activatePlan(planned.areaId(), planned.version());
        server.patrol().activate(planned);
        return planned;
    }

    /** Points along each beat's round, about one per metre of walking, to send as positions. */
    static List<List<LatLon>> walks(PlannedArea planned) {
        List<List<LatLon>> walks = new ArrayList<>();
        for (Beat beat : planned.plan().beats()) {
            List<LatLon> points = new ArrayList<>();
            int node = beat.round().startNode();
            for (int e : beat.round().edgeSequence()) {
                boolean forward = planned.network().edgeFrom(e) == node;
                double length = planned.network().edgeLengthMeters(e);
                for (double m = 0; m < length; m += 1.0) {
                    points.add(planned.network().pointAlong(e, forward ? m : length - m));
                }
                node = planned.network().otherEnd(e, node);
            }
            walks.add(points);
        }
        return walks;
    }
}
