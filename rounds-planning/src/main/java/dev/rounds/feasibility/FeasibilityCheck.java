package dev.rounds.feasibility;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.RoundPlanner;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Answers whether a beat plan meets a target of rounds per shift or a maximum revisit interval and,
 * when it does not, what it allows and how many patrollers would be needed, found by planning.
 *
 * <p>The smallest K is searched, not computed by a formula: it starts at the bound
 * ceil(total street length / longest allowed round) (a round is at least as long as its beat's
 * streets), grows by half until a plan meets the target, then bisects between the last K that
 * failed and the first that met it (assuming more patrollers never make the longest round longer,
 * which holds for the plans tried, not in general). No K can meet a target below the longest
 * single-street round trip, the round of a beat of one street.
 */
public final class FeasibilityCheck {
    private final BeatPlanner planner;
    private final ShiftRules rules;
    private final long seed;
    private final double longestSingleStreetRoundMeters;

    public FeasibilityCheck(BeatPlanner planner, ShiftRules rules, long seed) {
        this.planner = java.util.Objects.requireNonNull(planner, "planner");
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        this.seed = seed;
        this.longestSingleStreetRoundMeters = longestSingleStreetRound(planner.network());
    }

    private static double longestSingleStreetRound(StreetNetwork network) {
        RoundPlanner rounds = new RoundPlanner(network);
        double longest = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            longest = Math.max(longest, rounds.shortestRoundTripMeters(e));
        }
        return longest;
    }

    public ShiftRules rules() {
        return rules;
    }

    /** Whether no number of patrollers can meet the target. */
    public boolean isImpossible(Target target) {
        return !target.isMetBy(rules.roundTime(longestSingleStreetRoundMeters), rules);
    }

    /** Why no number of patrollers can meet the target, in one sentence. */
    public String impossibility(Target target) {
        return String.format(Locale.ROOT, "%s cannot be done by any number of patrollers: it needs rounds of at most "
                + "%s, but the longest street alone takes %s to walk and come back", capitalised(target.describe()),
                Minutes.format(target.maxRoundTime(rules)),
                Minutes.format(rules.roundTime(longestSingleStreetRoundMeters)));
    }

    /** Judges a plan; when it falls short, also searches the smallest K that meets the target. */
    public FeasibilityAnswer assess(BeatPlan plan, Target target, ProgressListener progress) {
        Duration longest = rules.roundTime(plan.longestRoundMeters());
        boolean meets = target.isMetBy(longest, rules);
        boolean possible = !isImpossible(target);
        OptionalInt smallest = meets || !possible ? OptionalInt.empty()
                : smallestPlan(target, progress).map(p -> OptionalInt.of(p.beatCount())).orElse(OptionalInt.empty());
        return answer(plan, target, meets, possible, smallest);
    }

    /** The plan with the fewest beats, found by planning, that meets the target; empty when impossible. */
    public java.util.Optional<BeatPlan> smallestPlan(Target target, ProgressListener progress) {
        if (isImpossible(target)) {
            return java.util.Optional.empty();
        }
        StreetNetwork network = planner.network();
        double maxRoundMeters = rules.lengthMetersWithin(target.maxRoundTime(rules));
        int low = (int) Math.max(1, Math.min(network.edgeCount(),
                Math.ceil(network.totalLengthMeters() / maxRoundMeters)));
        int failed = low - 1;
        BeatPlan met = null;
        for (int k = low; met == null; k = Math.min(network.edgeCount(), Math.max(k + 1, k * 3 / 2))) {
            BeatPlan plan = plan(k, progress);
            if (meets(plan, target)) {
                met = plan;
            } else if (k == network.edgeCount()) {
                return java.util.Optional.empty();
            } else {
                failed = k;
            }
        }
        while (met.beatCount() - failed > 1) {
            int middle = (failed + met.beatCount()) >>> 1;
            BeatPlan plan = plan(middle, progress);
            if (meets(plan, target)) {
                met = plan;
            } else {
                failed = middle;
            }
        }
        return java.util.Optional.of(met);
    }

    private BeatPlan plan(int k, ProgressListener progress) {
        progress.progress("trying " + k + " patrollers", k, planner.network().edgeCount());
        return planner.plan(k, seed);
    }

    private boolean meets(BeatPlan plan, Target target) {
        return target.isMetBy(rules.roundTime(plan.longestRoundMeters()), rules);
    }

    private FeasibilityAnswer answer(BeatPlan plan, Target target, boolean meets, boolean possible,
            OptionalInt smallest) {
        Duration longest = rules.roundTime(plan.longestRoundMeters());
        int rounds = rules.roundsPerShift(plan.longestRoundMeters());
        Duration maxRound = target.maxRoundTime(rules);
        Duration shortestPossible = rules.roundTime(longestSingleStreetRoundMeters);
        String text = text(plan.beatCount(), target, meets, possible, longest, rounds, maxRound, shortestPossible,
                smallest);
        return new FeasibilityAnswer(target, plan.beatCount(), rules.availableTime(), longest, rounds, maxRound, meets,
                possible, shortestPossible, smallest, text);
    }

    private String text(int k, Target target, boolean meets, boolean possible, Duration longest, int rounds,
            Duration maxRound, Duration shortestPossible, OptionalInt smallest) {
        String situation = String.format(Locale.ROOT, "the longest round takes %s, so %d %s in %s available hours",
                Minutes.format(longest), rounds, rounds == 1 ? "round fits" : "rounds fit",
                Minutes.hours(rules.availableTime()));
        String patrollers = k + (k == 1 ? " patroller" : " patrollers");
        if (meets) {
            return String.format(Locale.ROOT, "%s can be done with %s: %s.", capitalised(target.describe()),
                    patrollers, situation);
        }
        String need = String.format(Locale.ROOT, "%s would need rounds of at most %s", target.describe(),
                Minutes.format(maxRound));
        String verdict;
        if (!possible) {
            verdict = String.format(Locale.ROOT, "which no number of patrollers can reach: the longest street "
                    + "alone takes %s to walk and come back", Minutes.format(shortestPossible));
        } else if (smallest.isPresent()) {
            verdict = "which needs " + smallest.getAsInt() + " patrollers (found by planning)";
        } else {
            verdict = "which needs more patrollers (not searched)";
        }
        return String.format(Locale.ROOT, "%s cannot be done with %s: %s; %s, %s.", capitalised(target.describe()),
                patrollers, situation, need, verdict);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
