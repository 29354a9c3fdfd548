package dev.rounds.server;

import dev.rounds.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Child process for {@link KillDuringIngestTest}: a server on a free port until it is killed. */
final class ServerProcess {
    private ServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(new ServerConfig.Http("127.0.0.1", 0), new ServerConfig.OsmAnd(false, 0),
                new ServerConfig.Storage(Path.of(args[0]).toString(), null, null, null, null, 4),
                new ServerConfig.Limits(1 << 20, 10_000, 1e6, 1_000_000, 1e6, 1_000_000, 1000, 1000),
                defaults.plausibility(), new ServerConfig.Security(1, 4, false, 60), ServerConfig.Alerts.defaults());
        RoundsServer server = RoundsServer.start(config, Map.of("ROUNDS_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD),
                Clock.systemUTC(), System.err);
        System.out.println("port " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
