package dev.rounds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rounds serve}: refuses a bad configuration with a clear line, and serves until stopped. */
final class ServeCommandTest {
    @TempDir
    Path folder;

    @Test
    void refusesABadConfigurationWithExitCode2() throws IOException {
        Path config = folder.resolve("rounds.yml");
        Files.writeString(config, "http:\n  port: 99999\n");
        CliRun run = CliRun.of("serve", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("http.port must be 0 to 65535, got 99999");
    }

    @Test
    void servesUntilStopped() throws Exception {
        Path config = folder.resolve("rounds.yml");
        Files.writeString(config, "http:\n  host: 127.0.0.1\n  port: 0\nosmand:\n  enabled: false\n"
                + "storage:\n  dataDirectory: " + folder.resolve("data") + "\nsecurity:\n  bcryptCost: 4\n");
        ServeCommand serve = new ServeCommand().environment(Map.of());
        CommandLine cli = new CommandLine(serve);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread thread = new Thread(() -> exit.set(cli.execute("--config", config.toString())));
        thread.start();
        Matcher port = waitFor(out, Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)"));
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(out.toString()).containsPattern("Created user 'admin' with password: \\S{20,}");
        serve.stop.countDown();
        thread.join(Duration.ofSeconds(20).toMillis());
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("rounds: stopped");
    }

    private static Matcher waitFor(StringWriter out, Pattern pattern) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = pattern.matcher(out.toString());
            if (matcher.find()) {
                return matcher;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("server did not start within 30 s; output: " + out);
    }
}
