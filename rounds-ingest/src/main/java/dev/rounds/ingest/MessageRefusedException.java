package dev.rounds.ingest;

/** A device message that cannot be decoded; carries the reason code and a message saying what to fix. */
public final class MessageRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final DropReason reason;

    /** A refusal with its reason and a message for the sender. */
    public MessageRefusedException(DropReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the message was refused. */
    public DropReason reason() {
        return reason;
    }
}
