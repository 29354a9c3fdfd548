package dev.rounds.cli;

import dev.rounds.network.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows progress of long work on standard error: a line rewritten in place on a terminal, or a
 * line every few seconds when the output is a file or pipe. Silent with {@code --quiet}.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final long LOG_INTERVAL_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final boolean terminal;
    private String lastStage = "";
    private long lastPrint;
    private boolean lineOpen;

    public ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress for the console this process runs in. */
    public static ProgressListener forConsole(PrintWriter err, boolean quiet) {
        return quiet ? ProgressListener.NONE : new ConsoleProgress(err, System.console() != null);
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        long now = System.nanoTime();
        boolean newStage = !stage.equals(lastStage);
        if (!newStage && now - lastPrint < (terminal ? 100_000_000L : LOG_INTERVAL_NANOS)) {
            return;
        }
        lastStage = stage;
        lastPrint = now;
        String text = total > 0 ? String.format(Locale.ROOT, "%s %3.0f%%", stage, 100.0 * done / total)
                : stage + "...";
        if (terminal) {
            err.print("\r" + text + "          ");
            lineOpen = true;
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Ends the progress line so that the next output starts on a fresh line. */
    public synchronized void done() {
        if (lineOpen) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            lineOpen = false;
        }
    }
}
