package dev.rounds.reports;

import dev.rounds.coverage.PatrolArea;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Makes a {@link PatrolReport} from a {@link ReportInput}, streaming: the shifts arrive one at a
 * time, each is reduced to its figures ({@link ShiftAnalysis}) and added to running totals per
 * patroller, beat, street, hour of shift and day, and its visits and fixes are then dropped. Memory
 * is O(streets + beats + patrollers + days + revisit intervals + alerts + observations), not O(fixes).
 *
 * <p>A shift is in the report when it starts within [from, to) and matches the beat and patroller
 * filters. Not thread-safe; one builder may make many reports.
 */
public final class ReportBuilder {
    /** Patrollers are listed by name as people sort them (Ł beside L), whatever their ids. */
    private static final Comparator<String> NAME_ORDER = java.text.Collator.getInstance(java.util.Locale.ROOT)::compare;
    private final ReportSettings settings;
    private final ProgressListener progress;

    public ReportBuilder(ReportSettings settings, ProgressListener progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    public ReportBuilder() {
        this(ReportSettings.DEFAULTS, ProgressListener.NONE);
    }

    public PatrolReport build(ReportInput input) {
        Run run = new Run(input);
        input.shifts().forEachShift(input.from(), input.to(), data -> {
            if (run.accepts(data)) {
                run.add(data);
            }
        });
        return run.report();
    }

    /** The running totals of one report. */
    private final class Run {
        final ReportInput input;
        final PatrolArea area;
        final ShiftAnalysis analysis;
        final ActivityTotals total = new ActivityTotals();
        final Map<String, ActivityTotals> patrollers = new TreeMap<>();
        final Map<Integer, ActivityTotals> beats = new TreeMap<>();
        final Map<LocalDate, DayTotals> days = new TreeMap<>();
        final List<double[]> hours = new ArrayList<>();
        final int[] streetVisits;
        final long[] streetMillis;
        final double[] streetMeters;
        final long[] streetGapMillis;
        final boolean[] beatWorked;
        final List<ReportAlert> alerts = new ArrayList<>();
        final List<ShiftObservation> observations = new ArrayList<>();
        final Map<Integer, Map<String, CheckpointTally>> checkpoints = new TreeMap<>();
        int shiftsSeen;

        Run(ReportInput input) {
            this.input = input;
            this.area = input.area();
            this.analysis = new ShiftAnalysis(area, settings);
            int edges = area.edgeCount();
            streetVisits = new int[edges];
            streetMillis = new long[edges];
            streetMeters = new double[edges];
            streetGapMillis = new long[edges];
            java.util.Arrays.fill(streetGapMillis, -1);
            beatWorked = new boolean[area.beatCount()];
        }

        boolean accepts(ShiftData data) {
            var shift = data.shift();
            return !shift.start().isBefore(input.from()) && shift.start().isBefore(input.to())
                    && (input.beat() == null || input.beat() == shift.beat())
                    && (input.patrollerId() == null || input.patrollerId().equals(shift.patrollerId()));
        }

        void add(ShiftData data) {
            if (data.shift().beat() >= area.beatCount()) {
                throw new IllegalArgumentException("shift " + data.shift().shiftId() + " is on beat "
                        + data.shift().beat() + " but the plan has beats 0.." + (area.beatCount() - 1));
            }
            ShiftFigures figures = analysis.analyse(data);
            total.add(figures);
            patrollers.computeIfAbsent(data.shift().patrollerId(), id -> new ActivityTotals()).add(figures);
            beats.computeIfAbsent(data.shift().beat(), b -> new ActivityTotals()).add(figures);
            days.computeIfAbsent(LocalDate.ofInstant(data.shift().start(), settings.zone()), d -> new DayTotals())
                    .add(figures);
            addHours(figures);
            addStreets(figures);
            alerts.addAll(figures.alerts());
            addObservationsAndCheckpoints(figures);
            beatWorked[data.shift().beat()] = true;
            progress.progress("shifts reported", ++shiftsSeen, -1);
        }

        private void addObservationsAndCheckpoints(ShiftFigures figures) {
            var shift = figures.shift();
            for (ReportObservation observation : figures.observations()) {
                observations.add(new ShiftObservation(shift.shiftId(), shift.patrollerId(), shift.beat(), observation));
            }
            for (ReportCheckpointVisit visit : figures.checkpointVisits()) {
                checkpoints.computeIfAbsent(visit.beat(), b -> new TreeMap<>())
                        .merge(shift.patrollerId(), CheckpointTally.NONE.plus(visit.status()), CheckpointTally::plus);
            }
        }

        private void addHours(ShiftFigures figures) {
            double[] covered = figures.hourCovered();
            for (int h = 0; h < covered.length; h++) {
                if (hours.size() == h) {
                    hours.add(new double[3]);
                }
                double[] hour = hours.get(h);
                hour[0]++;
                hour[1] += covered[h];
                hour[2] += figures.beatMeters();
            }
        }

        private void addStreets(ShiftFigures figures) {
            for (StreetVisit visit : figures.visits()) {
                int e = visit.edge();
                streetVisits[e]++;
                streetMillis[e] += Duration.between(visit.entry(), visit.exit()).toMillis();
                streetMeters[e] += visit.share() * area.edgeLengthMeters(e);
            }
            int[] edges = figures.beatEdges();
            for (int i = 0; i < edges.length; i++) {
                streetGapMillis[edges[i]] = Math.max(streetGapMillis[edges[i]], figures.gapMillis()[i]);
            }
        }

        PatrolReport report() {
            StreetNetwork network = input.network();
            Map<String, String> names = PatrolReport.shownNames(patrollerIds(), input.patrollerNames());
            Comparator<String> byName = Comparator.comparing(names::get, NAME_ORDER);
            return new PatrolReport(input.from(), input.to(), settings.zone(), input.beat(), input.patrollerId(),
                    network, network.attribution(), total.figures(), patrollerFigures(byName), beatFigures(),
                    streets(), hourCoverage(), dayFigures(), sortedAlerts(), checkpointFigures(byName),
                    sortedObservations(), names);
        }

        /** Every patroller id the report names: of its shifts, alerts and the filter. */
        private java.util.Set<String> patrollerIds() {
            java.util.Set<String> ids = new java.util.HashSet<>(patrollers.keySet());
            alerts.stream().map(a -> a.alert().patrollerId()).filter(Objects::nonNull).forEach(ids::add);
            if (input.patrollerId() != null) {
                ids.add(input.patrollerId());
            }
            return ids;
        }

        private List<CheckpointFigures> checkpointFigures(Comparator<String> byName) {
            List<CheckpointFigures> list = new ArrayList<>();
            checkpoints.forEach((beat, byPatroller) -> byPatroller.forEach(
                    (patroller, tally) -> list.add(new CheckpointFigures(beat, patroller, tally))));
            list.sort(Comparator.comparingInt(CheckpointFigures::beat)
                    .thenComparing(CheckpointFigures::patrollerId, byName.thenComparing(id -> id)));
            return list;
        }

        private List<ShiftObservation> sortedObservations() {
            observations.sort(Comparator.comparing((ShiftObservation o) -> o.observation().time())
                    .thenComparing(ShiftObservation::shiftId));
            return observations;
        }

        private List<PatrollerFigures> patrollerFigures(Comparator<String> byName) {
            return patrollers.entrySet().stream().sorted(Map.Entry.comparingByKey(byName.thenComparing(id -> id)))
                    .map(e -> new PatrollerFigures(e.getKey(), e.getValue().figures())).toList();
        }

        private List<BeatFigures> beatFigures() {
            return beats.entrySet().stream().map(e -> new BeatFigures(e.getKey(),
                    area.beatLengthMeters(e.getKey()), area.beat(e.getKey()).roundDuration(), e.getValue().figures()))
                    .toList();
        }

        private List<StreetFigures> streets() {
            List<StreetFigures> streets = new ArrayList<>();
            for (int e = 0; e < area.edgeCount(); e++) {
                boolean inScope = inScope(e);
                if (inScope || streetVisits[e] > 0) {
                    streets.add(new StreetFigures(e, input.network().edgeName(e), area.edgeBeat(e),
                            area.edgeLengthMeters(e), streetVisits[e], Duration.ofMillis(streetMillis[e]),
                            streetMeters[e], streetGapMillis[e] < 0 ? null : Duration.ofMillis(streetGapMillis[e]),
                            inScope));
                }
            }
            return streets;
        }

        private boolean inScope(int edge) {
            if (input.beat() != null) {
                return area.edgeBeat(edge) == input.beat();
            }
            return input.patrollerId() == null || beatWorked[area.edgeBeat(edge)];
        }

        private List<HourCoverage> hourCoverage() {
            List<HourCoverage> list = new ArrayList<>();
            for (int h = 0; h < hours.size(); h++) {
                double[] hour = hours.get(h);
                list.add(new HourCoverage(h, (int) hour[0], hour[1], hour[2]));
            }
            return list;
        }

        /**
         * Every day of the period, days without a shift included (as zeros), so that weeks compare day
         * by day; a period longer than {@link #MAX_DAY_ROWS} days lists only the days with shifts.
         */
        private List<DayFigures> dayFigures() {
            LocalDate first = LocalDate.ofInstant(input.from(), settings.zone());
            LocalDate last = LocalDate.ofInstant(input.to().minusNanos(1), settings.zone());
            if (!last.isBefore(first) && first.until(last, java.time.temporal.ChronoUnit.DAYS) < MAX_DAY_ROWS) {
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    days.computeIfAbsent(day, d -> new DayTotals());
                }
            }
            return days.entrySet().stream().map(e -> e.getValue().figures(e.getKey())).toList();
        }

        private List<ReportAlert> sortedAlerts() {
            alerts.sort(Comparator.comparing((ReportAlert a) -> a.alert().raisedAt())
                    .thenComparing(a -> a.alert().key()));
            return alerts;
        }
    }

    /** Periods up to this many days list every day, shifts or not. */
    static final int MAX_DAY_ROWS = 400;

    /** One calendar day's running totals. */
    private static final class DayTotals {
        int shifts;
        int roundsCompleted;
        int roundsPlanned;
        double coveredMeters;
        double beatMeters;
        double distanceMeters;

        void add(ShiftFigures figures) {
            shifts++;
            roundsCompleted += figures.roundsCompleted();
            roundsPlanned += figures.roundsPlanned();
            coveredMeters += figures.coveredMeters();
            beatMeters += figures.beatMeters();
            distanceMeters += figures.distanceMeters();
        }

        DayFigures figures(LocalDate date) {
            return new DayFigures(date, shifts, roundsCompleted, roundsPlanned, coveredMeters, beatMeters,
                    distanceMeters);
        }
    }
}
