package dev.rounds.network;

/** Distances on the Earth's surface, in metres, on a sphere of mean radius. */
public final class Earth {
    /** Mean Earth radius used everywhere in Rounds, in metres. */
    public static final double RADIUS_METERS = 6_371_008.8;

    private Earth() {
    }

    /** Great-circle distance between two points given in degrees (haversine formula). */
    public static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinPhi = Math.sin(dPhi / 2);
        double sinLambda = Math.sin(dLambda / 2);
        double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        return 2 * RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
