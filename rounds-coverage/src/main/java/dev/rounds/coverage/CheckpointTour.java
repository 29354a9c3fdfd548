package dev.rounds.coverage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A beat's checkpoints and the rules for visiting them: every checkpoint is due once per
 * {@code window} (windows start at the shift's start); a visit within {@code grace} after a window
 * ended is late, none by then is missed; a round with nothing done {@code startGrace} after its
 * window opened is not started on time.
 *
 * @param checkpoints the beat's checkpoints; kept sorted by sequence (then id)
 * @param inOrder     whether checkpoints must be visited by increasing sequence
 * @param window      how often every checkpoint is due, positive
 * @param grace       how long after a window's end a visit still counts for it (late), not negative
 * @param startGrace  how long after a window opened something of the round must have happened, not
 *                    negative; zero turns the not-started rule off
 */
public record CheckpointTour(int beat, List<Checkpoint> checkpoints, boolean inOrder, Duration window,
        Duration grace, Duration startGrace) {

    private static final Comparator<Checkpoint> TOUR_ORDER = Comparator.comparingInt(Checkpoint::sequence)
            .thenComparing(Checkpoint::id);

    public CheckpointTour {
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(startGrace, "startGrace");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the tour of beat " + beat + " needs a positive window (every"
                    + " checkpoint is due once per window), got " + window);
        }
        if (grace.isNegative() || startGrace.isNegative()) {
            throw new IllegalArgumentException("the tour of beat " + beat + " needs grace and start grace of zero or"
                    + " more, got grace " + grace + " and start grace " + startGrace);
        }
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(TOUR_ORDER);
        Set<String> ids = new HashSet<>();
        for (Checkpoint checkpoint : sorted) {
            if (checkpoint.beat() != beat) {
                throw new IllegalArgumentException("checkpoint '" + checkpoint.id() + "' (" + checkpoint.name()
                        + ") is on beat " + checkpoint.beat() + " but this tour is for beat " + beat
                        + "; put it in the tour of beat " + checkpoint.beat());
            }
            if (!ids.add(checkpoint.id())) {
                throw new IllegalArgumentException("checkpoint id '" + checkpoint.id() + "' appears twice in the tour"
                        + " of beat " + beat + "; give each checkpoint its own id");
            }
        }
        checkpoints = List.copyOf(sorted);
    }

    /** A tour in any order with the documented defaults: windows of 60 min, grace 10 min, start grace 15 min. */
    public static CheckpointTour defaults(int beat, List<Checkpoint> checkpoints) {
        return new CheckpointTour(beat, checkpoints, false, Duration.ofMinutes(60), Duration.ofMinutes(10),
                Duration.ofMinutes(15));
    }

    Optional<Checkpoint> checkpoint(String id) {
        return checkpoints.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The checkpoints visited just before this one in an in-order tour: those of the next lower sequence. */
    List<Checkpoint> predecessors(Checkpoint checkpoint) {
        OptionalInt previous = checkpoints.stream().mapToInt(Checkpoint::sequence)
                .filter(s -> s < checkpoint.sequence()).max();
        if (previous.isEmpty()) {
            return List.of();
        }
        return checkpoints.stream().filter(c -> c.sequence() == previous.getAsInt()).toList();
    }
}
