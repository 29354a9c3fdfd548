package dev.rounds.server.config;

/** The configuration is wrong; the message names the option and how to fix it. */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem with the configuration. */
    public InvalidConfigException(String message) {
        super(message);
    }

    /** A problem with the configuration and its cause. */
    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
