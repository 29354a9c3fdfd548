package dev.rounds.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.coverage.PositionFix;
import dev.rounds.coverage.Shift;
import dev.rounds.coverage.StreetVisit;
import dev.rounds.rounds.Round;
import dev.rounds.simulation.PatrolSimulator;
import dev.rounds.simulation.PhoneModel;
import dev.rounds.simulation.SimulatedPatrol;
import dev.rounds.simulation.SimulatedPing;
import dev.rounds.simulation.WalkedStreet;
import dev.rounds.simulation.WalkerBehaviour;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The distance walked, measured from fixes, against the simulator's ground truth of metres walked:
 * close with a perfect phone (only the corners cut between fixes and the 15 m minimum step); on a
 * typical phone, counting every step adds the GPS jitter and jumps, and the default rule (15 m
 * minimum step, 3 m/s) keeps most of them out.
 */
class DistanceAgainstTruthTest {

    @Test
    void aPerfectPhoneMeasuresTheDistanceReallyWalked() {
        double[] measuredAndTrue = walk(PhoneModel.PERFECT, WalkerBehaviour.EXACT, ReportSettings.DEFAULTS);
        assertThat(measuredAndTrue[0] / measuredAndTrue[1]).isBetween(0.93, 1.0);
    }

    @Test
    void onATypicalPhoneTheDistanceRuleKeepsJitterAndJumpsOut() {
        double[] raw = walk(PhoneModel.TYPICAL, WalkerBehaviour.ON_FOOT,
                ReportSettings.DEFAULTS.withDistanceRule(0, Double.POSITIVE_INFINITY));
        double[] stepped = walk(PhoneModel.TYPICAL, WalkerBehaviour.ON_FOOT, ReportSettings.DEFAULTS);
        System.out.printf("DistanceAgainstTruthTest: typical phone, every step %.3f x, default rule %.3f x the "
                + "distance walked%n", raw[0] / raw[1], stepped[0] / stepped[1]);
        assertThat(raw[0] / raw[1]).isGreaterThan(1.15);
        assertThat(stepped[0] / stepped[1]).isBetween(0.95, 1.10);
    }

    private static double[] walk(PhoneModel phone, WalkerBehaviour walker, ReportSettings settings) {
        SimulatedPatrols town = SimulatedPatrols.twoDays();
        Instant start = SimulatedPatrols.DAY_ONE;
        Shift shift = new Shift("s", "p", 0, start, start.plus(Duration.ofHours(3)));
        Round round = town.plan.beat(0).round();
        SimulatedPatrol patrol = new PatrolSimulator(town.network, walker, phone, 3)
                .simulate("p", round.edgeSequence(), round.startNode(), start, shift.end());
        double truth = 0;
        List<StreetVisit> visits = new java.util.ArrayList<>();
        for (WalkedStreet w : patrol.walked()) {
            if (shift.covers(w.exit())) {
                truth += w.share() * town.network.edgeLengthMeters(w.edge());
                visits.add(new StreetVisit("p", w.edge(), w.entry(), w.exit(), w.share()));
            }
        }
        List<PositionFix> fixes = patrol.pings().stream()
                .map((SimulatedPing s) -> new PositionFix("p", s.fixTime(), s.lat(), s.lon(), false)).toList();
        PatrolReport report = new ReportBuilder(settings, dev.rounds.network.ProgressListener.NONE).build(new ReportInput(town.network, town.area, start,
                shift.end(), null, null, ReportInput.listSource(List.of(shift), visits, Map.of("p", fixes),
                List.of())));
        return new double[] {report.total().distanceMeters(), truth};
    }
}
