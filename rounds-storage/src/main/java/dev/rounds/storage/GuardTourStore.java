package dev.rounds.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The guard-tour records: checkpoints and their visits, each beat's tour rules, observations and
 * their categories. Every write is one transaction; a refused write leaves nothing behind.
 */
public interface GuardTourStore {

    /** Adds a checkpoint with a fresh secret code; refuses an unknown area. */
    StoredCheckpoint createCheckpoint(long areaId, String beat, String name, int sequence, double lat, double lon);

    /** The checkpoints of an area still in use, by beat and sequence. */
    List<StoredCheckpoint> checkpoints(long areaId);

    /** One checkpoint, retired or not. */
    Optional<StoredCheckpoint> checkpoint(long id);

    /** The checkpoint (in use) whose QR code or tag carries this code. */
    Optional<StoredCheckpoint> checkpointByCode(String code);

    /** Takes a checkpoint out of use; its visits stay. */
    StoredCheckpoint retireCheckpoint(long id);

    /** Sets the rules of a beat's tour. */
    TourRules saveTourRules(TourRules rules);

    /** The rules set for the beats of an area (beats without rules use {@link TourRules#defaults}). */
    List<TourRules> tourRules(long areaId);

    /** Records a checkpoint visit during a shift; refuses an unknown checkpoint or shift. */
    CheckpointVisit recordVisit(long checkpointId, long shiftId, Instant at, Double lat, Double lon, String method,
            String status);

    /** The checkpoint visits of a shift, by time. */
    List<CheckpointVisit> visitsOfShift(long shiftId);

    /** Checkpoint visits made within [from, to), by time. */
    List<CheckpointVisit> visitsBetween(Instant from, Instant to);

    /** The categories an observation may have, in the admin's order. */
    List<String> observationCategories();

    /** Replaces the categories (at least one; names are trimmed, 1 to 60 characters, no duplicates). */
    List<String> saveObservationCategories(List<String> categories);

    /** Stores an observation made during a shift; refuses a category not in the list. */
    Observation recordObservation(long shiftId, String category, String note, Instant at, Double lat, Double lon,
            Photo photo);

    /** Observations made within [from, to), newest first. */
    List<Observation> observationsBetween(Instant from, Instant to);

    /** One observation. */
    Optional<Observation> observation(long id);

    /** The photo of an observation, if it has one. */
    Optional<Photo> observationPhoto(long id);

    /**
     * Removes the photos of observations made before {@code cutoff} (retention); the observation
     * itself, its category, note, time and place stay. Returns how many photos were removed.
     */
    int deletePhotosBefore(Instant cutoff);
}
