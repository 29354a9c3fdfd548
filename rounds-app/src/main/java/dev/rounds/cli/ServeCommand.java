package dev.rounds.cli;

import dev.rounds.server.RoundsServer;
import dev.rounds.server.config.ConfigLoader;
import dev.rounds.server.config.InvalidConfigException;
import dev.rounds.server.config.ServerConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rounds serve}: runs the tracking server until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the tracking server: device ingest (OsmAnd, OwnTracks, batch), REST API, metrics.",
            "Options come from the YAML file (see rounds.example.yml), overridden by ROUNDS_<SECTION>_<OPTION>",
            "environment variables. Example: rounds serve --config rounds.yml"})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: built-in defaults)")
    Path config;

    @Option(names = "--clock-speed", paramLabel = "X", defaultValue = "1",
            description = "run the server's clock X times faster than real time, for 'rounds simulate' (default: 1)")
    double clockSpeed;

    @Option(names = "--verbose", description = "show stack traces of failures")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Released on shutdown; tests release it to stop the server. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Released when everything was stopped and the last line printed. */
    final CountDownLatch finished = new CountDownLatch(1);
    private Map<String, String> environment = System.getenv();

    ServeCommand environment(Map<String, String> values) {
        this.environment = values;
        return this;
    }

    @Override
    public Integer call() throws InterruptedException {
        try {
            return runUntilStopped();
        } finally {
            finished.countDown();
        }
    }

    private Integer runUntilStopped() throws InterruptedException {
        ServerConfig settings = loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        PrintStream console = new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
        try (RoundsServer server = RoundsServer.start(settings, environment, clock(), console)) {
            StopOnSignal signal = new StopOnSignal("rounds-shutdown", stop, finished);
            try {
                out.printf("rounds: serving on http://%s:%d%s%n", settings.http().host(), server.port(),
                        server.osmandPort() < 0 ? "" : ", OsmAnd on port " + server.osmandPort());
                out.flush();
                stop.await();
            } finally {
                signal.close();
            }
        }
        out.println("rounds: stopped");
        out.flush();
        return 0;
    }

    private Clock clock() {
        if (clockSpeed == 1) {
            return Clock.systemUTC();
        }
        try {
            return dev.rounds.simulation.SimulationClock.startingNow(clockSpeed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--clock-speed: " + e.getMessage());
        }
    }

    private ServerConfig loadConfig() {
        try {
            return ConfigLoader.load(config, environment);
        } catch (InvalidConfigException e) {
            throw new UserInputException(e.getMessage());
        }
    }



    /** Lets the server print (the first admin's password) to the command's output. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
