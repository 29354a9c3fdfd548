package dev.rounds.bench.matching;

import com.graphhopper.matching.MapMatching;
import dev.rounds.matching.LiveMatcher;
import dev.rounds.matching.MapMatcher;
import dev.rounds.matching.MatchSettings;
import dev.rounds.matching.Ping;
import dev.rounds.matching.Traversal;
import dev.rounds.matching.simulation.RouteMismatch;
import dev.rounds.matching.simulation.SimulatedTrace;
import dev.rounds.matching.simulation.TraceSimulator;
import dev.rounds.network.LatLon;
import dev.rounds.network.Profiles;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rounds' map matcher against GraphHopper's on simulated patrols over a shared extract: for every
 * sampling interval (5, 15, 30, 60 s) and GPS error (5, 10, 20, 40 m), the same seeded traces go to
 * both matchers (same sigma = the GPS error); prints pings per second (fastest of 3 runs, single
 * thread) and the mean route mismatch (5 m corridor, over the traces GraphHopper could match) of
 * each, the ratios, and the live matcher's mismatch at three lags.
 *
 * <p>Run: {@code java -Xmx2g -jar rounds-bench/target/rounds-bench.jar matching [--map osm/krems-2013.osm.gz]
 * [--traces 20] [--route-m 2000] [--gh-beta 2] [--data DIR]} (a map path is taken as given, else
 * under the shared data folder).
 */
public final class MatchingBenchmark {
    private static final int[] INTERVALS_S = {5, 15, 30, 60};
    private static final double[] ERRORS_M = {5, 10, 20, 40};
    private static final double CORRIDOR_M = 5;
    /** Each matcher runs every condition this often; the fastest run counts (the machine is shared). */
    private static final int REPETITIONS = 3;

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        StreetNetwork network = StreetMaps.importFile(o.map, Profiles.FOOT, ProgressListener.NONE).network();
        SpatialIndex index = SpatialIndex.of(network);
        Path cache = Files.createTempDirectory("rounds-gh-");
        try (GraphHopperPeer peer = new GraphHopperPeer(o.map, cache)) {
            System.out.printf("map %s: %d nodes, %d edges; %d traces of %.0f m per condition; GraphHopper beta %.1f%n",
                    o.map.getFileName(), network.nodeCount(), network.edgeCount(), o.traces, o.routeMeters, o.ghBeta);
            TraceSimulator simulator = new TraceSimulator(network);
            warmUp(simulator, index, peer, o);
            System.out.println("interval error | rounds pings/s mismatch | GH pings/s mismatch fails | speed x  mismatch diff"
                    + " | live mismatch: 5 pings/60 s, 20/10 min, 40/30 min");
            for (int seconds : INTERVALS_S) {
                for (double error : ERRORS_M) {
                    List<SimulatedTrace> traces = traces(simulator, o, seconds, error, 1);
                    System.out.println(runCondition(network, index, peer, o, seconds, error, traces));
                }
            }
        } finally {
            deleteRecursively(cache);
        }
    }

    private static List<SimulatedTrace> traces(TraceSimulator simulator, Options o, int seconds, double error, long salt) {
        List<SimulatedTrace> traces = new ArrayList<>();
        for (int i = 0; i < o.traces; i++) {
            long seed = salt * 1_000_000 + seconds * 10_000L + (long) error * 100 + i;
            traces.add(simulator.simulate(seed, o.routeMeters, Duration.ofSeconds(seconds), error));
        }
        return traces;
    }

    private static void warmUp(TraceSimulator simulator, SpatialIndex index, GraphHopperPeer peer, Options o) {
        for (int seconds : INTERVALS_S) {
            List<SimulatedTrace> traces = traces(simulator, o, seconds, 10, 2);
            MapMatcher ours = new MapMatcher(index, MatchSettings.defaults().withSigmaMeters(10));
            MapMatching theirs = peer.matcher(10, o.ghBeta);
            for (SimulatedTrace t : traces) {
                ours.match(t.pings());
                GraphHopperPeer.match(theirs, t.pings());
            }
        }
    }

    private static String runCondition(StreetNetwork network, SpatialIndex index, GraphHopperPeer peer, Options o,
            int seconds, double error, List<SimulatedTrace> traces) {
        MapMatcher ours = new MapMatcher(index, MatchSettings.defaults().withSigmaMeters(error));
        MapMatching theirs = peer.matcher(error, o.ghBeta);
        int pings = traces.stream().mapToInt(t -> t.pings().size()).sum();

        List<List<Traversal>> ourResults = new ArrayList<>();
        double ourSeconds = Double.POSITIVE_INFINITY;
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            ourResults.clear();
            long start = System.nanoTime();
            for (SimulatedTrace t : traces) {
                ourResults.add(ours.match(t.pings()).traversals());
            }
            ourSeconds = Math.min(ourSeconds, (System.nanoTime() - start) / 1e9);
        }

        List<List<LatLon>> theirResults = new ArrayList<>();
        double theirSeconds = Double.POSITIVE_INFINITY;
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            theirResults.clear();
            long start = System.nanoTime();
            for (SimulatedTrace t : traces) {
                theirResults.add(GraphHopperPeer.match(theirs, t.pings()));
            }
            theirSeconds = Math.min(theirSeconds, (System.nanoTime() - start) / 1e9);
        }

        double ourSum = 0;
        double theirSum = 0;
        double liveShortSum = 0;
        double liveLongSum = 0;
        double liveLongestSum = 0;
        int compared = 0;
        for (int i = 0; i < traces.size(); i++) {
            if (theirResults.get(i) == null) {
                continue;
            }
            SimulatedTrace t = traces.get(i);
            compared++;
            ourSum += RouteMismatch.fraction(t.trueRoute(), RouteMismatch.polylines(network, ourResults.get(i)), CORRIDOR_M);
            theirSum += RouteMismatch.fraction(t.trueRoute(), List.of(theirResults.get(i)), CORRIDOR_M);
            liveShortSum += RouteMismatch.fraction(t.trueRoute(),
                    RouteMismatch.polylines(network, live(ours, t.pings(), 5, Duration.ofSeconds(60))), CORRIDOR_M);
            liveLongSum += RouteMismatch.fraction(t.trueRoute(),
                    RouteMismatch.polylines(network, live(ours, t.pings(), 20, Duration.ofMinutes(10))), CORRIDOR_M);
            liveLongestSum += RouteMismatch.fraction(t.trueRoute(),
                    RouteMismatch.polylines(network, live(ours, t.pings(), 40, Duration.ofMinutes(30))), CORRIDOR_M);
        }
        double ourRate = pings / ourSeconds;
        double theirRate = pings / theirSeconds;
        double ourMismatch = ourSum / compared;
        double theirMismatch = theirSum / compared;
        return String.format("%3d s %4.0f m | %10.0f %8.3f | %8.0f %8.3f %3d/%d | %6.1f %+9.3f | %8.3f %8.3f %8.3f",
                seconds, error, ourRate, ourMismatch, theirRate, theirMismatch, traces.size() - compared,
                traces.size(), ourRate / theirRate, ourMismatch - theirMismatch, liveShortSum / compared,
                liveLongSum / compared, liveLongestSum / compared);
    }

    private static List<Traversal> live(MapMatcher matcher, List<Ping> pings, int maxPings, Duration maxDelay) {
        LiveMatcher live = matcher.live(maxPings, maxDelay);
        List<Traversal> out = new ArrayList<>();
        for (Ping ping : pings) {
            out.addAll(live.accept(ping));
        }
        out.addAll(live.finish());
        return out;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Command-line options with defaults. */
    private static final class Options {
        Path map;
        int traces = 20;
        double routeMeters = 2000;
        double ghBeta = 2.0;

        static Options parse(String[] args) {
            Options o = new Options();
            Path data = null;
            String map = "osm/krems-2013.osm.gz";
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--map" -> map = args[i + 1];
                    case "--data" -> data = Path.of(args[i + 1]);
                    case "--traces" -> o.traces = Integer.parseInt(args[i + 1]);
                    case "--route-m" -> o.routeMeters = Double.parseDouble(args[i + 1]);
                    case "--gh-beta" -> o.ghBeta = Double.parseDouble(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --map FILE --data DIR --traces N --route-m M --gh-beta B");
                }
            }
            o.map = Files.exists(Path.of(map)) ? Path.of(map)
                    : (data != null ? data : dev.rounds.testkit.DataFolder.require()).resolve(map);
            return o;
        }
    }
}
