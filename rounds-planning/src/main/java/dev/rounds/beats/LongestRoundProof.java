package dev.rounds.beats;

import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.RoundPlanner;
import java.util.Arrays;
import java.util.Locale;

/**
 * Proves, for a small walking network, that no plan of K contiguous beats has all its rounds within
 * a given length: the lower bound that tells whether a plan's longest round is the best there is.
 *
 * <p>Every beat of such a plan would be a connected street set with a round within the length
 * ({@link ConnectedStreetSets} lists them all), and the beats would hold every street once: a set
 * partition. {@link BeatCountBound} then shows with street weights that any such partition needs
 * more than K sets, or does not; a street whose own round trip is already longer settles it at once.
 *
 * <p>Meant for networks of at most a few hundred streets and lengths of a few beats' worth: the number
 * of sets grows about exponentially with the streets a beat can hold, hence the limit on it.
 */
public final class LongestRoundProof {
    private LongestRoundProof() {
    }

    /** What was shown about plans of {@code beats} beats with every round at most {@code capMeters}. */
    public record Result(int beats, double capMeters, boolean noSuchPlan, String reason, int streetSets,
            double beatsAtLeast) {
    }

    public static Result check(StreetNetwork network, int beats, double capMeters, int maxSets, int maxPivots) {
        RoundPlanner planner = new RoundPlanner(network);
        for (int street = 0; street < network.edgeCount(); street++) {
            double alone = planner.shortestRoundTripMeters(street);
            if (alone > capMeters) {
                return new Result(beats, capMeters, true, String.format(Locale.ROOT,
                        "street %d (%s) alone takes a %.1f m round trip", street, network.edgeName(street), alone),
                        0, Double.POSITIVE_INFINITY);
            }
        }
        ConnectedStreetSets.Pool pool = new ConnectedStreetSets(network, planner).upTo(capMeters, maxSets);
        BeatCountBound.Certificate certificate = BeatCountBound.certify(network.edgeCount(), pool.sets(), maxPivots);
        boolean proven = certificate.beatsAtLeast() > beats + 1e-6;
        return new Result(beats, capMeters, proven, String.format(Locale.ROOT,
                "%d connected street sets have a round of at most %.1f m; street weights with no set over %.6f"
                        + " total %.4f, so a plan of them needs at least %.4f beats", pool.size(), capMeters,
                certificate.heaviestSetWeight(), Arrays.stream(certificate.streetWeights()).sum(),
                certificate.beatsAtLeast()), pool.size(), certificate.beatsAtLeast());
    }
}
