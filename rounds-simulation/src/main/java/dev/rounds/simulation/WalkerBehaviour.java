package dev.rounds.simulation;

import java.time.Duration;

/**
 * How a virtual patroller walks: speed and its spread between streets, and how often they pause,
 * skip a dead end, turn back halfway down a street, or take a detour into a side street.
 *
 * @param meanSpeedMps        mean walking speed in metres per second
 * @param speedSpread         relative spread of the speed between streets (0.15 = ±15 % typical)
 * @param pauseChance         chance of a pause at each intersection
 * @param meanPause           mean length of a pause (exponentially distributed)
 * @param skipDeadEndChance   chance of leaving out an out-and-back dead end of the round
 * @param doubleBackChance    chance of walking part of a street, turning back, then walking it whole
 * @param detourChance        chance of walking into a side street off the round and back
 */
public record WalkerBehaviour(
        double meanSpeedMps,
        double speedSpread,
        double pauseChance,
        Duration meanPause,
        double skipDeadEndChance,
        double doubleBackChance,
        double detourChance) {

    /** A patroller on foot, a little slower than a walk to work. */
    public static final WalkerBehaviour ON_FOOT = new WalkerBehaviour(1.2, 0.15, 0.03, Duration.ofMinutes(2),
            0.05, 0.03, 0.02);

    /** A walker who follows the round exactly at constant speed (for tests of the rest). */
    public static final WalkerBehaviour EXACT = new WalkerBehaviour(1.2, 0, 0, Duration.ofSeconds(1), 0, 0, 0);

    public WalkerBehaviour {
        if (!(meanSpeedMps > 0)) {
            throw new IllegalArgumentException("walking speed must be positive, got " + meanSpeedMps + " m/s");
        }
        for (double chance : new double[] {pauseChance, skipDeadEndChance, doubleBackChance, detourChance}) {
            if (!(chance >= 0 && chance <= 1)) {
                throw new IllegalArgumentException("chances must be within 0..1, got " + chance);
            }
        }
        if (!(speedSpread >= 0 && speedSpread < 1)) {
            throw new IllegalArgumentException("speed spread must be within 0..1, got " + speedSpread);
        }
    }
}
