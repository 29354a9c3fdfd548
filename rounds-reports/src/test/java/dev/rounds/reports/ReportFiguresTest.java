package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.network.Earth;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report's figures against a second, plain computation written here from the simulated
 * ground truth (visits and fixes of two days of simulated shifts): loops over lists, no shared code
 * with the report engine except the data records and the haversine distance.
 */
class ReportFiguresTest {
    static final double METERS = 1e-6;
    static SimulatedPatrols data;
    static PatrolReport report;

    @BeforeAll
    static void build() {
        data = SimulatedPatrols.twoDays();
        report = new ReportBuilder().build(data.wholePeriod());
    }

    @Test
    void theSimulationIsNotTrivial() {
        assertThat(report.total().shifts()).isEqualTo(6);
        assertThat(report.total().roundsCompleted()).isPositive();
        assertThat(report.total().offBeat()).isPositive();
        assertThat(report.total().standing()).isPositive();
        assertThat(report.total().revisits().count()).isGreaterThan(100);
        assertThat(report.alerts()).isNotEmpty();
        assertThat(report.neverVisited()).isNotEmpty();
    }

    @Test
    void perPatrollerFiguresEqualThePlainComputation() {
        assertThat(report.patrollers()).extracting(PatrollerFigures::patrollerId)
                .containsExactly("patroller-a", "patroller-b", "patroller-c");
        for (PatrollerFigures figures : report.patrollers()) {
            expectFigures(figures.figures(), s -> s.patrollerId().equals(figures.patrollerId()));
        }
    }

    @Test
    void perBeatFiguresEqualThePlainComputation() {
        assertThat(report.beats()).extracting(BeatFigures::beat).containsExactly(0, 1, 2);
        for (BeatFigures figures : report.beats()) {
            expectFigures(figures.figures(), s -> s.beat() == figures.beat());
            assertThat(figures.streetLengthMeters()).isCloseTo(beatLength(figures.beat()), within(METERS));
        }
        expectFigures(report.total(), s -> true);
    }

    private void expectFigures(ActivityFigures actual, Predicate<Shift> which) {
        List<Shift> shifts = data.shifts.stream().filter(which).toList();
        assertThat(actual.shifts()).isEqualTo(shifts.size());
        int rounds = 0;
        int planned = 0;
        double distance = 0;
        long onBeat = 0;
        long offBeat = 0;
        long standing = 0;
        double covered = 0;
        double beatMeters = 0;
        long longestGap = 0;
        List<Long> revisits = new ArrayList<>();
        for (Shift shift : shifts) {
            List<StreetVisit> visits = visitsOf(shift);
            List<PositionFix> fixes = fixesOf(shift);
            rounds += roundsCompleted(shift, visits);
            planned += data.area.beat(shift.beat()).roundsPerShift();
            distance += distance(fixes);
            for (StreetVisit v : visits) {
                long millis = v.exit().toEpochMilli() - v.entry().toEpochMilli();
                if (data.area.edgeBeat(v.edge()) == shift.beat()) {
                    onBeat += millis;
                } else {
                    offBeat += millis;
                }
            }
            standing += standingMillis(fixes);
            covered += covered(shift, visits, shift.start(), shift.end());
            beatMeters += beatLength(shift.beat());
            for (int e = 0; e < data.area.edgeCount(); e++) {
                if (data.area.edgeBeat(e) == shift.beat()) {
                    List<Long> times = exitTimes(visits, e);
                    longestGap = Math.max(longestGap, longestGap(shift, times));
                    for (int i = 1; i < times.size(); i++) {
                        revisits.add(times.get(i) - times.get(i - 1));
                    }
                }
            }
        }
        assertThat(actual.roundsCompleted()).isEqualTo(rounds);
        assertThat(actual.roundsPlanned()).isEqualTo(planned);
        assertThat(actual.distanceMeters()).isCloseTo(distance, within(METERS));
        assertThat(actual.onBeat().toMillis()).isEqualTo(onBeat);
        assertThat(actual.offBeat().toMillis()).isEqualTo(offBeat);
        assertThat(actual.standing().toMillis()).isEqualTo(standing);
        assertThat(actual.coveredMeters()).isCloseTo(covered, within(METERS));
        assertThat(actual.beatMeters()).isCloseTo(beatMeters, within(METERS));
        assertThat(actual.longestGap().toMillis()).isEqualTo(longestGap);
        revisits.sort(Comparator.naturalOrder());
        assertThat(actual.revisits().count()).isEqualTo(revisits.size());
        assertThat(actual.revisits().p50().toMillis()).isEqualTo(nearestRank(revisits, 50));
        assertThat(actual.revisits().p10().toMillis()).isEqualTo(nearestRank(revisits, 10));
        assertThat(actual.revisits().p90().toMillis()).isEqualTo(nearestRank(revisits, 90));
        assertThat(actual.revisits().max().toMillis()).isEqualTo(revisits.get(revisits.size() - 1));
        assertThat(actual.revisits().bins().stream().mapToInt(Integer::intValue).sum()).isEqualTo(revisits.size());
        List<ReportAlert> alerts = data.alerts.stream()
                .filter(a -> shifts.stream().anyMatch(s -> s.shiftId().equals(a.alert().shiftId()))).toList();
        assertThat(actual.alerts().raised()).isEqualTo(alerts.size());
        assertThat(actual.alerts().acknowledged()).isEqualTo(alerts.stream().filter(a -> a.acknowledgedAt() != null)
                .count());
    }

    @Test
    void streetEffortEqualsThePlainComputation() {
        Map<Integer, StreetFigures> byEdge = new HashMap<>();
        report.streets().forEach(s -> byEdge.put(s.edge(), s));
        assertThat(byEdge).hasSize(data.network.edgeCount());
        int never = 0;
        for (int e = 0; e < data.network.edgeCount(); e++) {
            int visits = 0;
            long millis = 0;
            double meters = 0;
            for (Shift shift : data.shifts) {
                for (StreetVisit v : visitsOf(shift)) {
                    if (v.edge() == e) {
                        visits++;
                        millis += v.exit().toEpochMilli() - v.entry().toEpochMilli();
                        meters += v.share() * data.network.edgeLengthMeters(e);
                    }
                }
            }
            StreetFigures street = byEdge.get(e);
            assertThat(street.visits()).as("visits of street %d", e).isEqualTo(visits);
            assertThat(street.timeSpent().toMillis()).isEqualTo(millis);
            assertThat(street.metersWalked()).isCloseTo(meters, within(METERS));
            assertThat(street.name()).isEqualTo(data.network.edgeName(e));
            never += visits == 0 ? 1 : 0;
            expectStreetGap(street, e);
        }
        assertThat(report.neverVisited()).hasSize(never);
    }

    private void expectStreetGap(StreetFigures street, int edge) {
        Long longest = null;
        for (Shift shift : data.shifts) {
            if (data.area.edgeBeat(edge) == shift.beat()) {
                long gap = longestGap(shift, exitTimes(visitsOf(shift), edge));
                longest = longest == null ? gap : Math.max(longest, gap);
            }
        }
        assertThat(street.longestGap() == null ? null : street.longestGap().toMillis()).isEqualTo(longest);
    }

    @Test
    void coveragePerHourOfShiftEqualsThePlainComputation() {
        assertThat(report.coverageByHour()).hasSize(6);
        for (HourCoverage hour : report.coverageByHour()) {
            double covered = 0;
            double beat = 0;
            for (Shift shift : data.shifts) {
                Instant from = shift.start().plus(Duration.ofHours(hour.hourOfShift()));
                covered += covered(shift, visitsOf(shift), from, from.plus(Duration.ofHours(1)));
                beat += beatLength(shift.beat());
            }
            assertThat(hour.shifts()).isEqualTo(6);
            assertThat(hour.coveredMeters()).isCloseTo(covered, within(METERS));
            assertThat(hour.beatMeters()).isCloseTo(beat, within(METERS));
        }
    }

    @Test
    void perDayComparisonEqualsThePlainComputation() {
        // The period runs 7 days from Nov 2, 06:00: every calendar day it touches is listed, for comparison.
        assertThat(report.days()).extracting(DayFigures::date).containsExactlyElementsOf(
                LocalDate.of(2026, 11, 2).datesUntil(LocalDate.of(2026, 11, 10)).toList());
        assertThat(report.days()).filteredOn(d -> d.shifts() > 0).extracting(DayFigures::date)
                .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
        assertThat(report.days()).filteredOn(d -> d.shifts() == 0)
                .allSatisfy(d -> assertThat(d.roundsCompleted() + d.distanceMeters() + d.coveredMeters()).isZero());
        for (DayFigures day : report.days().stream().filter(d -> d.shifts() > 0).toList()) {
            int rounds = 0;
            double covered = 0;
            for (Shift shift : data.shifts) {
                if (LocalDate.ofInstant(shift.start(), ZoneOffset.UTC).equals(day.date())) {
                    rounds += roundsCompleted(shift, visitsOf(shift));
                    covered += covered(shift, visitsOf(shift), shift.start(), shift.end());
                }
            }
            assertThat(day.shifts()).isEqualTo(3);
            assertThat(day.roundsCompleted()).isEqualTo(rounds);
            assertThat(day.coveredMeters()).isCloseTo(covered, within(METERS));
        }
    }

    @Test
    void filtersKeepOneBeatOrOnePatroller() {
        PatrolReport beatOne = new ReportBuilder().build(data.wholePeriod().forBeat(1));
        assertThat(beatOne.beats()).extracting(BeatFigures::beat).containsExactly(1);
        assertThat(beatOne.total().shifts()).isEqualTo(2);
        assertThat(beatOne.total()).isEqualTo(report.beats().get(1).figures());
        assertThat(beatOne.streets().stream().filter(StreetFigures::inScope))
                .allMatch(s -> data.area.edgeBeat(s.edge()) == 1)
                .hasSize(data.area.beatEdges(1).length);
        PatrolReport patroller = new ReportBuilder().build(data.wholePeriod().forPatroller("patroller-b"));
        assertThat(patroller.patrollers()).extracting(PatrollerFigures::patrollerId).containsExactly("patroller-b");
        assertThat(patroller.total()).isEqualTo(report.patrollers().get(1).figures());
    }

    @Test
    void aPeriodSplitIntoDaysAddsUp() {
        PatrolReport first = new ReportBuilder().build(data.input(SimulatedPatrols.DAY_ONE,
                SimulatedPatrols.DAY_ONE.plus(Duration.ofDays(1))));
        assertThat(first.total().shifts()).isEqualTo(3);
        assertThat(first.total().roundsCompleted()).isEqualTo(report.days().get(0).roundsCompleted());
        assertThat(first.total().distanceMeters()).isCloseTo(report.days().get(0).distanceMeters(), within(METERS));
    }

    // ---- the plain computation ----

    private static List<StreetVisit> visitsOf(Shift shift) {
        List<StreetVisit> own = new ArrayList<>();
        for (StreetVisit v : data.visits) {
            if (v.patrollerId().equals(shift.patrollerId()) && !v.exit().isBefore(shift.start())
                    && v.exit().isBefore(shift.end())) {
                own.add(v);
            }
        }
        own.sort(Comparator.comparing(StreetVisit::exit).thenComparing(StreetVisit::entry));
        return own;
    }

    private static List<PositionFix> fixesOf(Shift shift) {
        List<PositionFix> own = new ArrayList<>();
        for (PositionFix f : data.fixes.get(shift.patrollerId())) {
            if (!f.time().isBefore(shift.start()) && f.time().isBefore(shift.end())) {
                own.add(f);
            }
        }
        own.sort(Comparator.comparing(PositionFix::time));
        return own;
    }

    /** Replays the round rule: a round completes when 95 % of the beat's length is walked since it began. */
    private static int roundsCompleted(Shift shift, List<StreetVisit> visits) {
        Map<Integer, Double> walked = new HashMap<>();
        int rounds = 0;
        for (StreetVisit v : visits) {
            if (data.area.edgeBeat(v.edge()) != shift.beat()) {
                continue;
            }
            walked.merge(v.edge(), v.share(), Double::sum);
            double covered = 0;
            for (var entry : walked.entrySet()) {
                covered += Math.min(1, entry.getValue()) * data.network.edgeLengthMeters(entry.getKey());
            }
            if (covered >= 0.95 * beatLength(shift.beat()) - 1e-9) {
                rounds++;
                walked.clear();
            }
        }
        return rounds;
    }

    /** Steps from the last counted fix that are at least 15 m long and need at most 3 m/s. */
    private static double distance(List<PositionFix> fixes) {
        double sum = 0;
        int last = 0;
        for (int i = 1; i < fixes.size(); i++) {
            double meters = Earth.distanceMeters(fixes.get(last).lat(), fixes.get(last).lon(), fixes.get(i).lat(),
                    fixes.get(i).lon());
            double seconds = (fixes.get(i).time().toEpochMilli() - fixes.get(last).time().toEpochMilli()) / 1000.0;
            if (meters >= 15 && meters <= 3 * seconds) {
                sum += meters;
                last = i;
            }
        }
        return sum;
    }

    /** Stops: from each fix, extend while the next fix is within 25 m of it; keep stops of 2 minutes or more. */
    private static long standingMillis(List<PositionFix> fixes) {
        long sum = 0;
        int i = 0;
        while (i < fixes.size()) {
            int j = i;
            while (j + 1 < fixes.size() && Earth.distanceMeters(fixes.get(i).lat(), fixes.get(i).lon(),
                    fixes.get(j + 1).lat(), fixes.get(j + 1).lon()) <= 25) {
                j++;
            }
            long stop = fixes.get(j).time().toEpochMilli() - fixes.get(i).time().toEpochMilli();
            if (stop >= 120_000) {
                sum += stop;
            }
            i = j + 1;
        }
        return sum;
    }

    private static double covered(Shift shift, List<StreetVisit> visits, Instant from, Instant to) {
        Map<Integer, Double> share = new HashMap<>();
        for (StreetVisit v : visits) {
            if (data.area.edgeBeat(v.edge()) == shift.beat() && !v.exit().isBefore(from) && v.exit().isBefore(to)) {
                share.merge(v.edge(), v.share(), Double::sum);
            }
        }
        double meters = 0;
        for (var entry : share.entrySet()) {
            meters += Math.min(1, entry.getValue()) * data.network.edgeLengthMeters(entry.getKey());
        }
        return meters;
    }

    private static List<Long> exitTimes(List<StreetVisit> visits, int edge) {
        List<Long> times = new ArrayList<>();
        for (StreetVisit v : visits) {
            if (v.edge() == edge) {
                times.add(v.exit().toEpochMilli());
            }
        }
        return times;
    }

    private static long longestGap(Shift shift, List<Long> exits) {
        List<Long> points = new ArrayList<>();
        points.add(shift.start().toEpochMilli());
        points.addAll(exits);
        points.add(shift.end().toEpochMilli());
        long longest = 0;
        for (int i = 1; i < points.size(); i++) {
            longest = Math.max(longest, points.get(i) - points.get(i - 1));
        }
        return longest;
    }

    private static long nearestRank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent * sorted.size() / 100.0);
        return sorted.get(Math.max(1, rank) - 1);
    }

    private static double beatLength(int beat) {
        double sum = 0;
        for (int e = 0; e < data.network.edgeCount(); e++) {
            if (data.area.edgeBeat(e) == beat) {
                sum += data.network.edgeLengthMeters(e);
            }
        }
        return sum;
    }
}
