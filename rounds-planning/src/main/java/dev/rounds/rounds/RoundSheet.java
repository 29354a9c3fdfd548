package dev.rounds.rounds;

import dev.rounds.network.Profiles;
import dev.rounds.network.StreetNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The round as a patroller reads it: consecutive steps along the same street merged into one leg
 * with its distance ("Rue Grimaldi 240 m, then Boulevard Albert 1er 410 m, ...").
 */
public final class RoundSheet {
    private final List<Leg> legs;
    private final String through;

    private RoundSheet(List<Leg> legs, String through) {
        this.legs = List.copyOf(legs);
        this.through = through;
    }

    /** One stretch along a street; {@code deadhead} when it only walks through (already covered). */
    public record Leg(String street, double lengthMeters, boolean deadhead) {
    }

    /** Builds the sheet of a round over the network it was planned on. */
    public static RoundSheet of(Round round, StreetNetwork network) {
        List<Leg> legs = new ArrayList<>();
        for (int step = 0; step < round.stepCount(); step++) {
            int edge = round.edgeAt(step);
            String street = label(network, edge);
            boolean deadhead = round.isDeadhead(step);
            double length = network.edgeLengthMeters(edge);
            Leg last = legs.isEmpty() ? null : legs.get(legs.size() - 1);
            if (last != null && last.street().equals(street) && last.deadhead() == deadhead) {
                legs.set(legs.size() - 1, new Leg(street, last.lengthMeters() + length, deadhead));
            } else {
                legs.add(new Leg(street, length, deadhead));
            }
        }
        return new RoundSheet(legs, Profiles.CAR.name().equals(network.profileName()) ? "drive through" : "walk through");
    }

    private static String label(StreetNetwork network, int edge) {
        String name = network.edgeName(edge);
        return name.isEmpty() ? "unnamed " + network.edgeHighway(edge) : name;
    }

    public List<Leg> legs() {
        return legs;
    }

    /** How a leg that is not patrolled is named: "walk through", or "drive through" by car. */
    public String through() {
        return through;
    }

    /**
     * The sheet as one line of text; walk-through legs are marked "(walk through)", or "(drive
     * through)" for the car profile, whose legs follow the driving direction.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Leg leg : legs) {
            if (out.length() > 0) {
                out.append(", then ");
            }
            out.append(leg.street()).append(' ').append(String.format(Locale.ROOT, "%.0f m", leg.lengthMeters()));
            if (leg.deadhead()) {
                out.append(" (").append(through).append(')');
            }
        }
        return out.toString();
    }
}
