package dev.rounds.cli;

/** Input the user can fix; its message says how. Reported as one line with exit code 2. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
