package dev.rounds.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C or SIGTERM into a stop request for a long-running command, and keeps the JVM alive
 * (up to 15 s) until the command has stopped what it runs and printed its last line. Closing it
 * removes the hook once the command ends by itself.
 */
final class StopOnSignal implements AutoCloseable {
    private final Thread hook;

    /**
     * @param stop     released when the signal comes; the command waits on it
     * @param finished released by the command when it has stopped everything
     */
    StopOnSignal(String name, CountDownLatch stop, CountDownLatch finished) {
        this.hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook has run
        }
    }
}
