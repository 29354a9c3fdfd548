package dev.rounds.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rounds} command: the entry point of the application and its subcommands. */
@Command(name = "rounds",
        mixinStandardHelpOptions = true,
        versionProvider = RoundsCommand.Version.class,
        description = {"Rounds: patrol beats, rounds, feasibility and live street coverage.",
            "Run 'rounds help COMMAND' for the options of a command."},
        subcommands = {
            CommandLine.HelpCommand.class,
            NetworkCommand.class,
            ServeCommand.class,
            PlanCommand.class,
            MatchCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            ReportCommand.class,
        })
public final class RoundsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RoundsCommand());
        cli.setExecutionExceptionHandler(new FailureReporter());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest, or says it is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RoundsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"rounds " + (version == null ? "development build" : version)};
        }
    }
}
