package dev.rounds.network;

/** A WGS84 position in degrees. */
public record LatLon(double lat, double lon) {
    public LatLon {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("not a position: " + lat + "," + lon
                    + " (latitude must be within -90..90 and longitude within -180..180)");
        }
    }

    /** Parses "LAT,LON" as written on the command line. */
    public static LatLon parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected LAT,LON such as 43.7384,7.4246 but got '" + text + "'");
        }
        try {
            return new LatLon(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected LAT,LON such as 43.7384,7.4246 but got '" + text + "'", e);
        }
    }

    public double distanceMeters(LatLon other) {
        return Earth.distanceMeters(lat, lon, other.lat, other.lon);
    }
}
