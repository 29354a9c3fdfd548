package dev.rounds.bench.planning;

import dev.rounds.network.ProgressListener;
import dev.rounds.network.Profiles;
import dev.rounds.network.StreetMaps;
import dev.rounds.network.StreetNetwork;
import java.nio.file.Path;
import java.util.Locale;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.ChinesePostman;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedPseudograph;

/**
 * One run of JGraphT's {@code ChinesePostman} on a beat cut from an extract, in its own JVM so that
 * the benchmark can stop it at a time cap. Prints {@code length_m ms}.
 *
 * <p>Run by {@link RoundsBenchmark}: {@code JGraphTPostmanRun EXTRACT EDGES}.
 */
public final class JGraphTPostmanRun {
    private JGraphTPostmanRun() {
    }

    public static void main(String[] args) {
        StreetNetwork network = StreetMaps.importFile(Path.of(args[0]), Profiles.FOOT, ProgressListener.NONE).network();
        int[] beat = BeatCutter.ball(network, BeatCutter.centralNode(network), Integer.parseInt(args[1]));
        StreetNetwork sub = network.subnetwork(beat).network();
        Graph<Integer, DefaultWeightedEdge> graph = toJGraphT(sub);
        long started = System.nanoTime();
        double length = new ChinesePostman<Integer, DefaultWeightedEdge>().getCPPSolution(graph).getWeight();
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "%.6f %d%n", length, ms);
    }

    /** The network as a weighted pseudograph: node ids as vertices, one edge per street segment. */
    static Graph<Integer, DefaultWeightedEdge> toJGraphT(StreetNetwork network) {
        Graph<Integer, DefaultWeightedEdge> graph = new WeightedPseudograph<>(DefaultWeightedEdge.class);
        for (int n = 0; n < network.nodeCount(); n++) {
            graph.addVertex(n);
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            DefaultWeightedEdge edge = graph.addEdge(network.edgeFrom(e), network.edgeTo(e));
            graph.setEdgeWeight(edge, network.edgeLengthMeters(e));
        }
        return graph;
    }
}
