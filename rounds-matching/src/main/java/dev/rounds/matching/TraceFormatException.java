package dev.rounds.matching;

/** A trace file that cannot be read; the message names the file, the line or point, and what is wrong. */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
