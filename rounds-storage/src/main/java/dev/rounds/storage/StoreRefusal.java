package dev.rounds.storage;

/** A write storage will not do, with a message saying why; nothing of it was written. */
public final class StoreRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kind of refusal, which the API maps to a status. */
    public enum Kind {
        /** The value clashes with an existing one (a taken id, an overlapping shift). */
        CONFLICT,
        /** The request refers to something that does not exist. */
        NOT_FOUND,
        /** The value itself is wrong. */
        INVALID
    }

    private final Kind kind;

    /** A refusal of the given kind. */
    public StoreRefusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** What kind of refusal this is. */
    public Kind kind() {
        return kind;
    }
}
