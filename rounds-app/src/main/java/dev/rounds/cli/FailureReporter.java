package dev.rounds.cli;

import dev.rounds.network.MapReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failure of a command into one clear line on standard error and exit code 2 for bad input
 * (1 for an unexpected failure); the stack trace only with {@code --verbose}.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
        boolean badInput = e instanceof MapReadException || e instanceof IllegalArgumentException
                || e instanceof UserInputException || e instanceof IOException || e instanceof UncheckedIOException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cli.getErr().println("rounds: " + (badInput ? "" : "unexpected failure: ") + message);
        if (verbose) {
            e.printStackTrace(cli.getErr());
        } else if (!badInput) {
            cli.getErr().println("rounds: run again with --verbose for details");
        }
        cli.getErr().flush();
        return badInput ? BAD_INPUT : FAILURE;
    }
}
