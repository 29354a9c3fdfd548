package dev.rounds.network;

/** A map file that cannot be read; the message says which file, what is wrong and how to fix it. */
public final class MapReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MapReadException(String message) {
        super(message);
    }

    public MapReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
