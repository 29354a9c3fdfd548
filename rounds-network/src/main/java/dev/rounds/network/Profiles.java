package dev.rounds.network;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The built-in profiles, looked up by name. */
public final class Profiles {
    /** On foot: every street and way a person may walk, except motorways and closed ways. */
    public static final Profile FOOT = new Profile(
            "foot",
            Set.of("primary", "primary_link", "secondary", "secondary_link", "tertiary", "tertiary_link",
                    "unclassified", "residential", "living_street", "pedestrian", "footway", "path", "steps",
                    "service", "track", "road", "cycleway", "bridleway"),
            Set.of("private", "no"),
            List.of("foot"),
            Set.of("yes", "designated", "permissive"),
            Set.of("no", "private", "use_sidepath"),
            false,
            4.0);

    /** By car: drivable ways; one-way information is kept. */
    public static final Profile CAR = new Profile(
            "car",
            Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
                    "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential",
                    "living_street", "service", "road"),
            Set.of("private", "no", "agricultural", "forestry", "delivery"),
            List.of("motorcar", "motor_vehicle", "vehicle"),
            Set.of("yes", "designated", "permissive", "destination"),
            Set.of("no", "private"),
            true,
            30.0);

    private static final Map<String, Profile> BY_NAME = new TreeMap<>(Map.of(FOOT.name(), FOOT, CAR.name(), CAR));

    private Profiles() {
    }

    /** The profile with this name, or an error that lists the valid names. */
    public static Profile named(String name) {
        Profile profile = BY_NAME.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("unknown profile '" + name + "', choose one of: "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return profile;
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
