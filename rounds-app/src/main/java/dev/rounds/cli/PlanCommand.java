package dev.rounds.cli;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.beats.PreviousStreets;
import dev.rounds.export.PlanFiles;
import dev.rounds.feasibility.FeasibilityAnswer;
import dev.rounds.feasibility.FeasibilityCheck;
import dev.rounds.feasibility.ShiftRules;
import dev.rounds.feasibility.Target;
import dev.rounds.network.ImportResult;
import dev.rounds.network.LatLon;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.SpatialIndex;
import dev.rounds.network.StreetCandidate;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.Round;
import dev.rounds.rounds.RoundPlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rounds plan}: splits the streets into beats, plans each beat's shortest round and says
 * honestly whether a target of rounds per shift (or a revisit interval) can be met.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan K balanced beats and their shortest rounds, or the fewest beats that meet a target.",
            "Example: rounds plan --map monaco.osm.pbf --patrollers 12 --out plan/",
            "Writes DIR/streets.geojson, beats.geojson, rounds.geojson, rounds.gpx and plan.json.",
            "Re-plan after a small change (one patroller more or less, a few new streets) with",
            "--from-plan OLD_DIR: streets keep their beat unless balancing needs them elsewhere.",
            "--seed also seeds the planning (and the generated town).",
            "With --profile car the rounds are drives that obey one-way streets: planned by a heuristic, not",
            "proven shortest; plan.json gives each round's lower bound and round_over_lower_bound."})
final class PlanCommand implements Callable<Integer> {
    /** A base farther than this from every street is taken for a typing mistake. */
    private static final double MAX_BASE_DISTANCE_METERS = 2000;
    /** A previous plan that holds fewer of the map's streets than this is taken for another map. */
    private static final double MIN_MATCHED_SHARE = 0.5;

    @Mixin
    MapSource source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Goal goal;

    /** Exactly one of: how many patrollers, or what they must achieve. */
    static final class Goal {
        @Option(names = "--patrollers", paramLabel = "K", required = true, description = "number of beats to plan")
        Integer patrollers;

        @Option(names = "--target-rounds", paramLabel = "N", required = true,
                description = "find the fewest patrollers so that every beat gets N rounds a shift")
        Integer targetRounds;

        @Option(names = "--max-revisit-minutes", paramLabel = "M", required = true,
                description = "find the fewest patrollers so that every street is revisited within M minutes")
        Double maxRevisitMinutes;
    }

    @Option(names = "--speed-kmh", paramLabel = "KMH",
            description = "patrol speed (default: the profile's, 4 on foot, 30 by car)")
    Double speedKmh;

    @Option(names = "--shift-hours", paramLabel = "H", defaultValue = "8",
            description = "shift length (default: ${DEFAULT-VALUE})")
    double shiftHours;

    @Option(names = "--available", paramLabel = "SHARE", defaultValue = "0.8",
            description = "share of the shift spent patrolling (default: ${DEFAULT-VALUE})")
    double available;

    @Option(names = "--base", paramLabel = "LAT,LON",
            description = "station: rounds start at the beat point nearest it; the walk there is reported")
    String base;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder for the plan files")
    Path out;

    @Option(names = "--from-plan", paramLabel = "PLAN",
            description = {"start from a plan written before (its folder, plan.json or streets.geojson): streets "
                + "are matched by geometry (a street split by a new crossing by position), keep their beat unless "
                + "balancing moves them; new streets join a beat they touch; with fewer patrollers the lightest beat "
                + "is shared out among its neighbours (the last beat takes its number), with more the longest "
                + "beat is split in two; needs --patrollers"})
    Path fromPlan;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Option(names = "--verbose", description = "show stack traces of failures")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        ShiftRules rules = rules();
        Target target = target();
        source.profile();
        ConsoleProgress console = new ConsoleProgress(spec.commandLine().getErr(), System.console() != null);
        ProgressListener progress = quiet ? ProgressListener.NONE : console;
        ImportResult imported = source.load(progress);
        StreetNetwork network = imported.network();
        LatLon station = station(network);
        BeatPlanner planner = new BeatPlanner(network, progress);
        BeatPlan plan;
        FeasibilityAnswer answer = null;
        if (fromPlan != null) {
            if (target != null) {
                throw new UserInputException("--from-plan needs --patrollers K (the number of beats of the new plan), "
                        + "not a target");
            }
            plan = replan(planner, network, stdout);
        } else if (target == null) {
            plan = planner.plan(checkedPatrollers(network), source.seed);
        } else {
            FeasibilityCheck check = new FeasibilityCheck(planner, rules, source.seed);
            if (check.isImpossible(target)) {
                throw new UserInputException(check.impossibility(target));
            }
            plan = check.smallestPlan(target, progress).orElseThrow(() -> new UserInputException(
                    check.impossibility(target)));
            answer = check.assess(plan, target, progress);
        }
        List<Round> rounds = roundsFrom(network, plan, station);
        console.done();
        new PlanFiles(network, plan, rounds, rules).writeAll(out, answer);
        printTable(stdout, network, plan, rounds, rules);
        printDriving(stdout, imported, rounds);
        if (answer != null) {
            stdout.println(answer.text());
        }
        stdout.printf("wrote %s (streets.geojson, beats.geojson, rounds.geojson, rounds.gpx, plan.json)%n", out);
        return 0;
    }

    /** Re-plans from the previous plan's streets and says how many were found and kept their beat. */
    private BeatPlan replan(BeatPlanner planner, StreetNetwork network, PrintWriter stdout) {
        PreviousStreets.Match match = PreviousPlanFile.read(fromPlan).match(network);
        if (match.matchedShare() < MIN_MATCHED_SHARE) {
            throw new UserInputException(String.format(Locale.ROOT, "--from-plan %s: only %.0f%% of this map's streets "
                    + "are in that plan; is it a plan of this map (and profile)?", fromPlan,
                    match.matchedShare() * 100));
        }
        int[] previous = match.beatOfEdge();
        BeatPlan plan = planner.replan(checkedPatrollers(network), source.seed, previous);
        int kept = 0;
        for (int e = 0; e < previous.length; e++) {
            kept += previous[e] == plan.beatOf(e) ? 1 : 0;
        }
        stdout.printf(Locale.ROOT, "re-planned from %s (%d beats): %d streets found by geometry, %d by position, %d new;"
                + " %d of %d streets (%.1f%%) kept their beat number%n", fromPlan, match.previousBeats(),
                match.byGeometry(), match.byPosition(), match.unmatched(), kept, previous.length,
                100.0 * kept / previous.length);
        return plan;
    }

    private ShiftRules rules() {
        if (!(shiftHours > 0 && shiftHours <= 24)) {
            throw new UserInputException("--shift-hours must be more than 0 and at most 24, got " + shiftHours);
        }
        double speed = speedKmh != null ? speedKmh : source.profile().speedKmh();
        return new ShiftRules(Duration.ofMillis(Math.round(shiftHours * 3_600_000)), available, speed);
    }

    private Target target() {
        if (goal.targetRounds != null) {
            return Target.roundsPerShift(goal.targetRounds);
        }
        if (goal.maxRevisitMinutes != null) {
            if (!(goal.maxRevisitMinutes > 0)) {
                throw new UserInputException("--max-revisit-minutes must be positive, got " + goal.maxRevisitMinutes);
            }
            return Target.maxRevisit(Duration.ofMillis(Math.round(goal.maxRevisitMinutes * 60_000)));
        }
        return null;
    }

    private int checkedPatrollers(StreetNetwork network) {
        int k = goal.patrollers;
        if (k < 1 || k > network.edgeCount()) {
            throw new UserInputException("--patrollers must be between 1 and the number of streets ("
                    + network.edgeCount() + "), got " + k);
        }
        return k;
    }

    private LatLon station(StreetNetwork network) {
        if (base == null) {
            return null;
        }
        String[] parts = base.split(",");
        LatLon position;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            position = new LatLon(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--base must be LAT,LON in degrees, e.g. 43.7384,7.4246; got '" + base + "'");
        }
        StreetCandidate nearest = SpatialIndex.of(network).nearest(position.lat(), position.lon(),
                MAX_BASE_DISTANCE_METERS);
        if (nearest == null) {
            throw new UserInputException(String.format(Locale.ROOT, "--base %s is more than %.0f m from every street "
                    + "of the map: check the order LAT,LON and the map area", base, MAX_BASE_DISTANCE_METERS));
        }
        return position;
    }

    private static List<Round> roundsFrom(StreetNetwork network, BeatPlan plan, LatLon station) {
        List<Round> rounds = new ArrayList<>();
        RoundPlanner planner = new RoundPlanner(network);
        for (int beat = 0; beat < plan.beatCount(); beat++) {
            rounds.add(station == null ? plan.beat(beat).round()
                    : planner.planFromBase(plan.beat(beat).edges(), station));
        }
        return rounds;
    }

    /** For cars: what the import left out for one-way streets, and how far the rounds may be from shortest. */
    private static void printDriving(PrintWriter out, ImportResult imported, List<Round> rounds) {
        if (imported.report().oneWayLeftOutEdges() > 0) {
            out.printf(Locale.ROOT, "left out %d streets (%.2f km) a car cannot drive there and back (one-way streets "
                    + "leading out of the map or into it)%n", imported.report().oneWayLeftOutEdges(),
                    imported.report().oneWayLeftOutLengthMeters() / 1000);
        }
        if (!imported.network().hasOnewayEdges()) {
            return;
        }
        double sum = 0;
        double worst = 0;
        for (Round round : rounds) {
            sum += round.gap();
            worst = Math.max(worst, round.gap());
        }
        out.printf(Locale.ROOT, "rounds are drives that obey one-way streets, planned by a heuristic: round / lower bound "
                + "mean %.3f, worst %.3f (1 would be proven shortest)%n", sum / rounds.size(), worst);
    }

    private static void printTable(PrintWriter out, StreetNetwork network, BeatPlan plan, List<Round> rounds,
            ShiftRules rules) {
        out.printf(Locale.ROOT, "%6s %8s %10s %10s %9s %9s %8s%n", "beat", "streets", "street km", "round km",
                "deadhead", "round min", "rounds");
        for (int beat = 0; beat < rounds.size(); beat++) {
            Round round = rounds.get(beat);
            out.printf(Locale.ROOT, "%6d %8d %10.2f %10.2f %8.1f%% %9.1f %8d%n", beat, round.beatEdges().length,
                    round.streetLengthMeters() / 1000, round.lengthMeters() / 1000, round.deadheadShare() * 100,
                    rules.roundTime(round.lengthMeters()).toMillis() / 60_000.0,
                    rules.roundsPerShift(round.lengthMeters()));
        }
        out.printf(Locale.ROOT, "%d beats over %.2f km of streets: longest round %.2f km (%.1f min), lower bound "
                + "%.2f km, longest/lower bound %.3f, balance (longest/mean) %.3f%n", plan.beatCount(),
                plan.totalStreetLengthMeters() / 1000, plan.longestRoundMeters() / 1000,
                rules.roundTime(plan.longestRoundMeters()).toMillis() / 60_000.0, plan.lowerBoundMeters() / 1000,
                plan.longestOverLowerBound(), plan.balance());
        if (network.attribution() != null) {
            out.println("map data " + network.attribution());
        }
    }
}
