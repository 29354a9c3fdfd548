package dev.rounds.server.patrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.coverage.BeatTarget;
import dev.rounds.coverage.PatrolArea;
import dev.rounds.export.StreetsGeoJson;
import dev.rounds.matching.MapMatcher;
import dev.rounds.matching.MatchSettings;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetNetwork;
import dev.rounds.server.plans.PlannedArea;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What does not change while a plan is active: the network and its index, the map matcher, the
 * beats as coverage sees them, and the streets and beat outlines as the live map draws them.
 */
final class LivePlan {
    final PlannedArea planned;
    final StreetNetwork network;
    final SpatialIndex index;
    final MapMatcher matcher;
    final PatrolArea area;
    final JsonNode streets;
    final Map<String, Object> outlines;

    LivePlan(PlannedArea planned, ObjectMapper json) {
        this.planned = planned;
        this.network = planned.network();
        this.index = SpatialIndex.of(network);
        this.matcher = new MapMatcher(index, MatchSettings.defaults());
        int[] beatOfEdge = planned.plan().beatOfEdge();
        double[] lengths = new double[network.edgeCount()];
        for (int e = 0; e < lengths.length; e++) {
            lengths[e] = network.edgeLengthMeters(e);
        }
        List<BeatTarget> targets = new ArrayList<>();
        for (int b = 0; b < planned.plan().beatCount(); b++) {
            double roundMeters = planned.plan().beat(b).roundLengthMeters();
            targets.add(new BeatTarget(planned.rules().roundTime(roundMeters), planned.rules().roundsPerShift(roundMeters)));
        }
        this.area = new PatrolArea(lengths, beatOfEdge, targets);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StreetsGeoJson.write(network, out, e -> Map.of("beat", beatOfEdge[e]));
            this.streets = json.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.outlines = BeatOutlines.geoJson(network, planned.plan());
    }
}
