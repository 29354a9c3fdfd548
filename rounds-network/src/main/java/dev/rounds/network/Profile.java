package dev.rounds.network;

import java.util.Map;
import java.util.Set;

/**
 * Which OpenStreetMap ways a patrol can use, as data: the accepted highway classes, the access
 * values that close a way, the mode-specific tags that open or close it again, and whether
 * one-way restrictions apply.
 *
 * @param name           profile name as given on the command line
 * @param highways       highway=* values that are part of the network
 * @param closingAccess  access=* values that exclude a way unless a mode tag re-opens it
 * @param modeTags       mode-specific access tags checked in order (e.g. foot, or motor_vehicle, motorcar)
 * @param modeOpen       values of a mode tag that allow the way even if access closes it
 * @param modeClosed     values of a mode tag that exclude the way
 * @param onewayApplies  whether oneway=*, junction=roundabout and motorways restrict direction
 * @param speedKmh       default travel speed for this profile
 */
public record Profile(
        String name,
        Set<String> highways,
        Set<String> closingAccess,
        java.util.List<String> modeTags,
        Set<String> modeOpen,
        Set<String> modeClosed,
        boolean onewayApplies,
        double speedKmh) {

    /** Decides whether a way with these tags belongs to the network. */
    public boolean accepts(Map<String, String> tags) {
        String highway = tags.get("highway");
        if (highway == null || !highways.contains(highway)) {
            return false;
        }
        if ("yes".equals(tags.get("area")) && !"pedestrian".equals(highway) && !"footway".equals(highway)) {
            return false;
        }
        for (String modeTag : modeTags) {
            String value = tags.get(modeTag);
            if (value != null) {
                if (modeClosed.contains(value)) {
                    return false;
                }
                if (modeOpen.contains(value)) {
                    return true;
                }
            }
        }
        String access = tags.get("access");
        return access == null || !closingAccess.contains(access);
    }

    /** The direction rule for a way: 0 both ways, 1 only along the way, -1 only against it. */
    public int onewayDirection(Map<String, String> tags) {
        if (!onewayApplies) {
            return 0;
        }
        String oneway = tags.get("oneway");
        if (oneway != null) {
            switch (oneway) {
                case "yes", "true", "1":
                    return 1;
                case "-1", "reverse":
                    return -1;
                case "no", "false", "0":
                    return 0;
                default:
                    break;
            }
        }
        String highway = tags.get("highway");
        if ("roundabout".equals(tags.get("junction")) || "motorway".equals(highway)) {
            return 1;
        }
        return 0;
    }
}
