package dev.rounds.network;

/** Told how far a long task has got; implementations must be cheap, they are called often. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being done, in a few words
     * @param done  units done so far
     * @param total units in all, or -1 when unknown
     */
    void progress(String stage, long done, long total);
}
