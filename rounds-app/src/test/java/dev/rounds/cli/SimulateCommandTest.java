package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rounds.server.RoundsServer;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.server.plans.PlanRequest;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.simulation.SimulationClock;
import dev.rounds.storage.Area;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rounds simulate} against a running server whose clock runs at the same speed. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void simulatedPatrollersCoverTheirBeatsOnAServer() throws Exception {
        ServerConfig d = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(new ServerConfig.Http("127.0.0.1", 0), new ServerConfig.OsmAnd(true, 0),
                new ServerConfig.Storage(dir.toString(), null, null, null, null, 4),
                new ServerConfig.Limits(d.limits().maxBodyBytes(), 1000, 1000.0, 10_000, 1000.0, 10_000, 100, 100),
                d.plausibility(), new ServerConfig.Security(720, 4, false, 600), ServerConfig.Alerts.defaults());
        SimulationClock clock = SimulationClock.startingNow(300);
        try (RoundsServer server = RoundsServer.start(config, Map.of("ROUNDS_ADMIN_PASSWORD", "simulate-1"), clock,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            Area town = server.areas().generateTown(2);
            long job = server.plans().start(town.id(), new PlanRequest(3, null, null, null, null, null, 1L)).id();
            PlannedArea planned = server.plans().await(job, java.time.Duration.ofMinutes(5),
                    dev.rounds.network.ProgressListener.NONE);
            server.storage().activatePlan(planned.areaId(), planned.version());
            server.patrol().activate(planned);

            SimulateCommand simulate = new SimulateCommand();
            CommandLine cli = new CommandLine(simulate);
            StringWriter out = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--server",
                    "http://127.0.0.1:" + server.port(), "--password", "simulate-1", "--generate-town", "--seed", "2",
                    "--speed", "300", "--hours", "8", "--quiet"));
            Thread.sleep(12_000);
            simulate.stop.countDown();
            assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("3 patrollers walking plan " + planned.planId());
            server.patrol().drain();
            List<Map<String, Object>> progress = server.patrol().progress(null);
            assertThat(progress).hasSize(3);
            for (Map<String, Object> p : progress) {
                assertThat((Double) p.get("coveredShare") + (Integer) p.get("roundsCompleted")).as(p.toString()).isPositive();
            }
            assertThat(server.patrol().counters().get("visits")).isPositive();
        }
    }

    @Test
    void noServerIsOneClearLine() {
        CliRun run = CliRun.of("simulate", "--server", "http://127.0.0.1:9", "--password", "x", "--generate-town");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no Rounds server answers at http://127.0.0.1:9");
    }
}
