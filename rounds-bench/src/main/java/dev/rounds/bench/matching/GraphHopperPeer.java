package dev.rounds.bench.matching;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.matching.MapMatching;
import com.graphhopper.matching.MatchResult;
import com.graphhopper.matching.Observation;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import com.graphhopper.util.shapes.GHPoint;
import dev.rounds.matching.Ping;
import dev.rounds.network.LatLon;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GraphHopper's map matching (10.2) on the same OSM file, imported with its stock foot profile
 * ({@code foot.json} custom model; encoded values {@code foot_access, hike_rating, mtb_rating,
 * foot_priority, foot_average_speed}). Sigma and beta are set explicitly on every matcher.
 */
final class GraphHopperPeer implements AutoCloseable {
    private final GraphHopper hopper;

    GraphHopperPeer(Path osmFile, Path cacheDir) {
        hopper = new GraphHopper();
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(cacheDir.toString());
        hopper.setEncodedValuesString("foot_access, hike_rating, mtb_rating, foot_priority, foot_average_speed");
        hopper.setProfiles(new Profile("foot").setCustomModel(GHUtility.loadCustomModelFromJar("foot.json")));
        hopper.importOrLoad();
    }

    /** A matcher with GraphHopper's measurement error sigma and transition beta set as given. */
    MapMatching matcher(double sigmaMeters, double betaMeters) {
        MapMatching matching = MapMatching.fromGraphHopper(hopper, new PMap().putObject("profile", "foot"));
        matching.setMeasurementErrorSigma(sigmaMeters);
        matching.setTransitionProbabilityBeta(betaMeters);
        return matching;
    }

    /** The matched route's geometry, or null when GraphHopper refuses the trace (broken sequence). */
    static List<LatLon> match(MapMatching matching, List<Ping> pings) {
        List<Observation> observations = new ArrayList<>(pings.size());
        for (Ping ping : pings) {
            observations.add(new Observation(new GHPoint(ping.lat(), ping.lon())));
        }
        MatchResult result;
        try {
            result = matching.match(observations);
        } catch (IllegalArgumentException e) {
            return null;
        }
        PointList points = result.getMergedPath().calcPoints();
        List<LatLon> route = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            route.add(new LatLon(points.getLat(i), points.getLon(i)));
        }
        return route;
    }

    @Override
    public void close() {
        hopper.close();
    }
}
