package dev.rounds.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Round progress worked by hand on a tiny area.
 *
 * <pre>
 *   beat 0: edges 0,1,2,3, 100 m each (400 m, round 20 min, 3 rounds a shift)
 *   beat 1: edges 4,5, 250 m each
 * </pre>
 */
class CoverageLedgerTest {
    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    static PatrolArea area() {
        return new PatrolArea(new double[] {100, 100, 100, 100, 250, 250}, new int[] {0, 0, 0, 0, 1, 1},
                List.of(new BeatTarget(Duration.ofMinutes(20), 3), new BeatTarget(Duration.ofMinutes(30), 2)));
    }

    static StreetVisit visit(String who, int edge, int minute, double share) {
        return new StreetVisit(who, edge, T0.plusSeconds(minute * 60L - 60), T0.plusSeconds(minute * 60L), share);
    }

    static CoverageLedger ledgerWithShift() {
        CoverageLedger ledger = new CoverageLedger(area(), CoverageConfig.DEFAULTS);
        ledger.addShift(new Shift("s1", "ana", 0, T0, T0.plus(Duration.ofHours(8))));
        return ledger;
    }

    @Test
    void roundCompletesWhenNinetyFivePercentOfTheBeatIsCovered() {
        CoverageLedger ledger = ledgerWithShift();
        ledger.record(visit("ana", 0, 5, 1));
        ledger.record(visit("ana", 1, 10, 1));
        ledger.record(visit("ana", 2, 15, 1));
        RoundProgress progress = ledger.progress("s1");
        assertThat(progress.coveredMeters()).isEqualTo(300);
        assertThat(progress.coveredShare()).isEqualTo(0.75);
        assertThat(progress.roundsCompleted()).isZero();
        ledger.record(visit("ana", 3, 19, 1));
        progress = ledger.progress("s1");
        assertThat(progress.roundsCompleted()).isEqualTo(1);
        assertThat(progress.roundsPlanned()).isEqualTo(3);
        assertThat(progress.completedAt()).containsExactly(T0.plusSeconds(19 * 60));
        assertThat(progress.currentRoundStart()).isEqualTo(T0.plusSeconds(19 * 60));
        assertThat(progress.coveredMeters()).isZero();
    }

    @Test
    void halvesOfAStreetAddUpAndRepeatsDoNotCountTwice() {
        CoverageLedger ledger = ledgerWithShift();
        ledger.record(visit("ana", 0, 2, 0.5));
        ledger.record(visit("ana", 0, 3, 0.5));
        ledger.record(visit("ana", 0, 4, 1));
        ledger.record(visit("ana", 1, 5, 0.3));
        assertThat(ledger.progress("s1").coveredMeters()).isCloseTo(130, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void otherBeatsAndOtherPatrollersDoNotAdvanceTheRoundButCountForTheStreet() {
        CoverageLedger ledger = ledgerWithShift();
        ledger.record(visit("ana", 4, 5, 1));
        ledger.record(visit("ben", 0, 6, 1));
        assertThat(ledger.progress("s1").coveredMeters()).isZero();
        assertThat(ledger.lastVisit(0)).contains(T0.plusSeconds(360));
        assertThat(ledger.lastVisit(4)).contains(T0.plusSeconds(300));
        assertThat(ledger.lastVisit(1)).isEmpty();
        assertThat(ledger.visitsBetween(0, T0, T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(ledger.visitTimesBetween(0, T0, T0.plusSeconds(3600))).containsExactly(T0.plusSeconds(360));
        assertThat(ledger.visitTimesBetween(0, T0.plusSeconds(361), T0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void visitsOutsideTheShiftDoNotCount() {
        CoverageLedger ledger = new CoverageLedger(area(), CoverageConfig.DEFAULTS);
        ledger.addShift(new Shift("s1", "ana", 0, T0.plusSeconds(3600), T0.plusSeconds(7200)));
        ledger.record(visit("ana", 0, 30, 1));
        ledger.record(visit("ana", 1, 70, 1));
        assertThat(ledger.progress("s1").coveredMeters()).isEqualTo(100);
        assertThat(ledger.visitsBetween(0, T0, T0.plusSeconds(7200))).isEqualTo(1);
    }

    @Test
    void duplicateVisitIsIgnored() {
        CoverageLedger ledger = ledgerWithShift();
        assertThat(ledger.record(visit("ana", 0, 5, 0.5))).isTrue();
        assertThat(ledger.record(visit("ana", 0, 5, 0.5))).isFalse();
        assertThat(ledger.progress("s1").coveredMeters()).isEqualTo(50);
        assertThat(ledger.visitsBetween(0, T0, T0.plusSeconds(3600))).isEqualTo(1);
    }

    @Test
    void replacingAPatrollersVisitsKeepsOthersAndRecomputesLastVisits() {
        CoverageLedger ledger = ledgerWithShift();
        ledger.record(visit("ana", 0, 5, 1));
        ledger.record(visit("ana", 1, 10, 1));
        ledger.record(visit("ben", 1, 8, 1));
        ledger.replaceVisits("ana", T0, T0.plusSeconds(3600), List.of(visit("ana", 2, 12, 1)));
        assertThat(ledger.lastVisit(0)).isEmpty();
        assertThat(ledger.lastVisit(1)).contains(T0.plusSeconds(8 * 60));
        assertThat(ledger.lastVisit(2)).contains(T0.plusSeconds(12 * 60));
        assertThat(ledger.progress("s1").coveredMeters()).isEqualTo(100);
        assertThat(ledger.shiftVisits("s1")).extracting(StreetVisit::edge).containsExactly(2);
    }

    @Test
    void badInputIsRefusedWithAReason() {
        CoverageLedger ledger = ledgerWithShift();
        assertThatThrownBy(() -> ledger.record(visit("ana", 99, 5, 1))).hasMessageContaining("edge 99 is not in the area");
        assertThatThrownBy(() -> ledger.addShift(new Shift("s2", "ben", 7, T0, T0.plusSeconds(60))))
                .hasMessageContaining("beat 7");
        assertThatThrownBy(() -> visit("ana", 0, 5, 1.5)).hasMessageContaining("within (0, 1]");
        assertThatThrownBy(() -> ledger.progress("nope")).hasMessageContaining("no shift 'nope'");
    }

    /** Shuffled, duplicated and late arrivals end in the same state as in-order arrival. */
    @Test
    void arrivalOrderDoesNotChangeTheOutcome() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<StreetVisit> visits = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String who = random.nextInt(5) == 0 ? "ben" : "ana";
                double share = random.nextBoolean() ? 1 : 0.25 + random.nextInt(3) * 0.25;
                visits.add(visit(who, random.nextInt(6), 1 + random.nextInt(400), share));
            }
            CoverageLedger inOrder = ledgerWithShift();
            visits.stream().sorted(StreetVisit.TIME_ORDER).forEach(inOrder::record);
            List<StreetVisit> arrivals = new ArrayList<>(visits);
            arrivals.addAll(visits.subList(0, 10));
            Collections.shuffle(arrivals, random);
            CoverageLedger shuffled = new CoverageLedger(area(), CoverageConfig.DEFAULTS);
            int shiftAddedAt = random.nextInt(arrivals.size());
            for (int i = 0; i < arrivals.size(); i++) {
                if (i == shiftAddedAt) {
                    shuffled.addShift(new Shift("s1", "ana", 0, T0, T0.plus(Duration.ofHours(8))));
                }
                shuffled.record(arrivals.get(i));
            }
            assertThat(shuffled.progress("s1")).as("seed %d", seed).isEqualTo(inOrder.progress("s1"));
            for (int e = 0; e < 6; e++) {
                assertThat(shuffled.lastVisit(e)).as("seed %d edge %d", seed, e).isEqualTo(inOrder.lastVisit(e));
                assertThat(shuffled.visitsBetween(e, T0, T0.plusSeconds(3 * 3600)))
                        .isEqualTo(inOrder.visitsBetween(e, T0, T0.plusSeconds(3 * 3600)));
            }
        }
    }
}
