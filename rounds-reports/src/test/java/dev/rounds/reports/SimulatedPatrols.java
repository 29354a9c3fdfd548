package dev.rounds.reports;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.coverage.Alert;
import dev.rounds.coverage.AlertWatch;
import dev.rounds.coverage.BeatTarget;
import dev.rounds.coverage.CoverageConfig;
import dev.rounds.coverage.CoverageLedger;
import dev.rounds.coverage.PatrolArea;
import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.DemoTown;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.Round;
import dev.rounds.simulation.PatrolSimulator;
import dev.rounds.simulation.PhoneModel;
import dev.rounds.simulation.SimulatedPatrol;
import dev.rounds.simulation.SimulatedPing;
import dev.rounds.simulation.WalkedStreet;
import dev.rounds.simulation.WalkerBehaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic patrol data for report tests: the demo town split into beats by the planner, and
 * patrollers walking their beat's round on foot with typical phones ({@link PatrolSimulator}),
 * rotating over the first three beats from day to day (the other beats have nobody). The visits are the simulator's ground truth of streets walked,
 * the fixes its pings, and the alerts those that the live {@link AlertWatch} raises, minute by
 * minute; every second alert is acknowledged with a comment.
 */
final class SimulatedPatrols {
    static final int BEATS = 16;
    static final int PATROLLERS = 3;
    static final Instant DAY_ONE = Instant.parse("2026-11-02T06:00:00Z");
    static final Duration SHIFT = Duration.ofHours(6);
    static final double SPEED_MPS = 1.2;
    /** Two patrollers share a name (the report adds their ids), one name is outside Latin-1. */
    static final Map<String, String> NAMES = Map.of("patroller-a", "Anna Weber", "patroller-b", "Anna Weber",
            "patroller-c", "Łukasz Řehoř");

    final StreetNetwork network;
    final BeatPlan plan;
    final PatrolArea area;
    final List<Shift> shifts = new ArrayList<>();
    final List<StreetVisit> visits = new ArrayList<>();
    final Map<String, List<PositionFix>> fixes = new HashMap<>();
    final List<ReportAlert> alerts = new ArrayList<>();

    private static SimulatedPatrols cached;

    /** Two days of three patrollers on three of the beats, shared by the tests (generated once). */
    static synchronized SimulatedPatrols twoDays() {
        if (cached == null) {
            cached = new SimulatedPatrols(11, 2);
        }
        return cached;
    }

    SimulatedPatrols(long seed, int days) {
        network = DemoTown.generate(seed).network();
        plan = new BeatPlanner(network, ProgressListener.NONE).plan(BEATS, seed);
        area = new PatrolArea(lengths(network), plan.beatOfEdge(), targets(plan));
        for (int day = 0; day < days; day++) {
            for (int p = 0; p < PATROLLERS; p++) {
                simulate(seed, day, "patroller-" + (char) ('a' + p), (p + day) % PATROLLERS);
            }
        }
        raiseAlerts();
    }

    private static double[] lengths(StreetNetwork network) {
        double[] lengths = new double[network.edgeCount()];
        for (int e = 0; e < lengths.length; e++) {
            lengths[e] = network.edgeLengthMeters(e);
        }
        return lengths;
    }

    private static List<BeatTarget> targets(BeatPlan plan) {
        List<BeatTarget> targets = new ArrayList<>();
        for (int b = 0; b < plan.beatCount(); b++) {
            Duration round = plan.beat(b).round().walkingTime(SPEED_MPS);
            targets.add(new BeatTarget(round, (int) (SHIFT.toMillis() / round.toMillis())));
        }
        return targets;
    }

    private void simulate(long seed, int day, String patroller, int beat) {
        ShiftData data = shiftData(seed, day, patroller, beat);
        shifts.add(data.shift());
        visits.addAll(data.visits());
        fixes.computeIfAbsent(patroller, p -> new ArrayList<>()).addAll(data.fixes());
    }

    /** Simulates one shift of the patroller on the beat, on the given day after {@link #DAY_ONE}. */
    ShiftData shiftData(long seed, int day, String patroller, int beat) {
        Instant start = DAY_ONE.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(7L * beat));
        Shift shift = new Shift(patroller + "-day" + day, patroller, beat, start, start.plus(SHIFT));
        Round round = plan.beat(beat).round();
        PatrolSimulator simulator = new PatrolSimulator(network, WalkerBehaviour.ON_FOOT, PhoneModel.TYPICAL,
                seed * 100 + day * 10 + beat);
        SimulatedPatrol patrol = simulator.simulate(patroller, round.edgeSequence(), round.startNode(), start,
                shift.end());
        List<StreetVisit> walked = new ArrayList<>();
        for (WalkedStreet street : patrol.walked()) {
            walked.add(new StreetVisit(patroller, street.edge(), street.entry(), street.exit(), street.share()));
        }
        List<PositionFix> own = new ArrayList<>();
        for (SimulatedPing ping : patrol.pings()) {
            own.add(new PositionFix(patroller, ping.fixTime(), ping.lat(), ping.lon(), ping.sos()));
        }
        return new ShiftData(shift, walked, own, List.of());
    }

    /**
     * A source that simulates each shift only when the report asks for it, as a database cursor
     * would read it: {@code days} days of the three patrollers, nothing held between shifts.
     */
    ShiftSource lazySource(long seed, int days, int[] handedOut) {
        return (from, to, sink) -> {
            for (int day = 0; day < days; day++) {
                for (int p = 0; p < PATROLLERS; p++) {
                    ShiftData data = shiftData(seed, day, "patroller-" + (char) ('a' + p), (p + day) % PATROLLERS);
                    if (!data.shift().start().isBefore(from) && data.shift().start().isBefore(to)) {
                        handedOut[0]++;
                        sink.accept(data);
                    }
                }
            }
        };
    }

    /** Replays everything through the live alert rules, a minute at a time. */
    private void raiseAlerts() {
        CoverageLedger ledger = new CoverageLedger(area, CoverageConfig.DEFAULTS);
        shifts.forEach(ledger::addShift);
        AlertWatch watch = new AlertWatch(ledger);
        List<StreetVisit> byExit = new ArrayList<>(visits);
        byExit.sort(StreetVisit.TIME_ORDER);
        List<PositionFix> byTime = new ArrayList<>();
        fixes.values().forEach(byTime::addAll);
        byTime.sort(Comparator.comparing(PositionFix::time));
        Instant end = shifts.stream().map(Shift::end).max(Comparator.naturalOrder()).orElseThrow();
        int v = 0;
        int f = 0;
        List<Alert> raised = new ArrayList<>();
        for (Instant now = DAY_ONE; now.isBefore(end); now = now.plus(Duration.ofMinutes(1))) {
            for (; f < byTime.size() && byTime.get(f).time().isBefore(now); f++) {
                raised.addAll(watch.onFix(byTime.get(f)));
            }
            for (; v < byExit.size() && byExit.get(v).exit().isBefore(now); v++) {
                ledger.record(byExit.get(v));
                watch.onVisit(byExit.get(v));
            }
            if (!ledger.shiftsAt(now).isEmpty()) {
                raised.addAll(watch.evaluate(now));
            }
        }
        for (int i = 0; i < raised.size(); i++) {
            Alert alert = raised.get(i);
            alerts.add(i % 2 == 0 ? new ReportAlert(alert, alert.raisedAt().plus(Duration.ofMinutes(2 + i % 7)),
                    "checked by radio") : ReportAlert.open(alert));
        }
    }

    ReportInput input(Instant from, Instant to) {
        return new ReportInput(network, area, from, to, null, null,
                ReportInput.listSource(shifts, visits, fixes, alerts), NAMES);
    }

    ReportInput wholePeriod() {
        return input(DAY_ONE, DAY_ONE.plus(Duration.ofDays(7)));
    }
}
