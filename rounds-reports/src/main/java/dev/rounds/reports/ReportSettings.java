package dev.rounds.reports;

import dev.rounds.coverage.CoverageConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a report counts: the time zone its days are in, what counts as standing, and the coverage
 * rules (share of a beat that completes a round) it shares with live coverage.
 *
 * @param zone                  days of the per-day comparison are calendar days here
 * @param standingRadiusMeters  fixes within this radius of where a stop began count as standing
 * @param minimumStanding       a stop shorter than this is not counted (a pause at a crossing)
 * @param coverage              round completion rule, as live coverage uses it
 * @param minimumStepMeters     distance walked counts a step from the last counted fix once it is at
 *                              least this long, so that GPS jitter while standing or walking slowly
 *                              is not added up; 0 counts every step between fixes
 * @param maximumSpeedMps       a fix farther from the last counted fix than this speed allows is a GPS
 *                              jump and is passed over (infinity keeps every fix)
 */
public record ReportSettings(ZoneId zone, double standingRadiusMeters, Duration minimumStanding,
        CoverageConfig coverage, double minimumStepMeters, double maximumSpeedMps) {

    /** UTC days, 25 m and 2 minutes for standing, the default coverage rules, 15 m steps and 3 m/s (on foot). */
    public static final ReportSettings DEFAULTS = new ReportSettings(ZoneId.of("UTC"), 25, Duration.ofMinutes(2),
            CoverageConfig.DEFAULTS, 15, 3);

    public ReportSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(coverage, "coverage");
        if (!(standingRadiusMeters > 0)) {
            throw new IllegalArgumentException("standingRadiusMeters must be positive, got " + standingRadiusMeters);
        }
        if (!(maximumSpeedMps > 0)) {
            throw new IllegalArgumentException("maximumSpeedMps must be positive, got " + maximumSpeedMps);
        }
        if (!(minimumStepMeters >= 0)) {
            throw new IllegalArgumentException("minimumStepMeters must be zero or positive, got " + minimumStepMeters);
        }
        if (minimumStanding == null || minimumStanding.isNegative()) {
            throw new IllegalArgumentException("minimumStanding must be zero or positive, got " + minimumStanding);
        }
    }

    /** The same settings with another distance rule; (0, infinity) counts every step between fixes. */
    public ReportSettings withDistanceRule(double newMinimumStepMeters, double newMaximumSpeedMps) {
        return new ReportSettings(zone, standingRadiusMeters, minimumStanding, coverage, newMinimumStepMeters,
                newMaximumSpeedMps);
    }

    /** The same settings with days counted in another zone. */
    public ReportSettings withZone(ZoneId newZone) {
        return new ReportSettings(newZone, standingRadiusMeters, minimumStanding, coverage, minimumStepMeters,
                maximumSpeedMps);
    }
}
