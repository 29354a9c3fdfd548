package dev.rounds.storage;

/**
 * The rules of a beat's checkpoint tour (see docs/guard-tour.md).
 *
 * @param windowMinutes every checkpoint is due once per window, counted from the shift start
 * @param graceMinutes  a visit this long after the window is late; none by then is missed
 * @param startMinutes  a round with nothing done this long after its window opened is not started on time
 */
public record TourRules(long areaId, String beat, boolean inOrder, int windowMinutes, int graceMinutes,
        int startMinutes) {

    /** The rules of a beat nobody has set: any order, 60 min windows, 10 min grace, 15 min to start. */
    public static TourRules defaults(long areaId, String beat) {
        return new TourRules(areaId, beat, false, 60, 10, 15);
    }

    public TourRules {
        if (windowMinutes <= 0 || graceMinutes < 0 || startMinutes < 0) {
            throw new StoreRefusal(StoreRefusal.Kind.INVALID, "a tour needs windowMinutes > 0 and graceMinutes, "
                    + "startMinutes >= 0; got " + windowMinutes + ", " + graceMinutes + ", " + startMinutes);
        }
    }
}
