package dev.rounds.ingest;

/** An alarm a device raised with a ping; {@link #SOS} is the patroller's emergency button. */
public enum Alarm {
    /** No alarm. */
    NONE,
    /** Emergency raised by the patroller (OsmAnd {@code alarm=sos}); handled with top priority. */
    SOS,
    /** Any other alarm the device named; the raw name is kept in the ping's attributes. */
    OTHER;

    /** The alarm for a device's alarm name, {@link #NONE} for {@code null} or blank. */
    public static Alarm fromName(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        return "sos".equalsIgnoreCase(name.trim()) ? SOS : OTHER;
    }
}
