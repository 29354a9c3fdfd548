package dev.rounds.cli;

import dev.rounds.beats.Beat;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.server.RoundsServer;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.server.plans.PlanJobs;
import dev.rounds.server.plans.PlanRequest;
import dev.rounds.server.plans.PlannedArea;
import dev.rounds.simulation.PatrolRun;
import dev.rounds.simulation.PatrolSimulator;
import dev.rounds.simulation.PhoneModel;
import dev.rounds.simulation.SimulatedPatrol;
import dev.rounds.simulation.SimulationClock;
import dev.rounds.simulation.WalkerBehaviour;
import dev.rounds.storage.Area;
import dev.rounds.storage.IssuedDevice;
import dev.rounds.storage.Patroller;
import dev.rounds.storage.Role;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.Shift;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rounds demo}: the whole system alive in one command, with nothing installed. Starts the
 * server on the embedded database in a demo folder, loads a map (the generated town by default),
 * plans beats and rounds, creates patrollers, devices and shifts, and lets virtual patrollers walk
 * their rounds with real OsmAnd requests, faster than real time, until stopped with Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a live demo: server, map, plan and simulated patrollers, without any other service.",
            "Open the printed address in a browser and log in as admin with the printed password.",
            "Example: rounds demo            (generated town, 6 patrollers)",
            "         rounds demo --map ../shared/data/osm/krems-2013.osm.gz --patrollers 4"})
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_PASSWORD = "rounds-demo";
    private static final String[] NAMES = {"Alex", "Billie", "Charlie", "Dana", "Eli", "Frankie", "Gabi", "Hayden",
        "Indy", "Jules", "Kai", "Lou", "Max", "Noa", "Oli", "Pat"};

    @Option(names = "--map", paramLabel = "FILE", description = "a map file instead of the generated town")
    Path map;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the town, the plan and the simulation")
    long seed;

    @Option(names = "--patrollers", defaultValue = "6", description = "patrollers, one beat each (default: ${DEFAULT-VALUE})")
    int patrollers;

    @Option(names = "--speed", paramLabel = "X", description = "how many times faster than real time "
            + "(default: so that the longest round takes about 3 minutes)")
    Double speed;

    @Option(names = "--dir", defaultValue = "rounds-demo", description = "demo folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--continue", description = "keep the demo folder of an earlier run (default: start fresh)")
    boolean continueRun;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "dashboard and API port; 0 picks a free one")
    int port;

    @Option(names = "--osmand-port", defaultValue = "5055", description = "OsmAnd (Traccar Client) port; 0 picks a free one")
    int osmandPort;

    @Option(names = "--map-tiles", paramLabel = "URL", description = "raster tiles under the live map where the "
            + "browser can reach them, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: none)")
    String mapTiles;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Option(names = "--verbose", description = "show stack traces of failures")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Released by Ctrl-C; tests release it to stop the demo. */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Released when everything was stopped and the last line printed. */
    final CountDownLatch finished = new CountDownLatch(1);
    /** Set once the demo runs, for tests: the server and the simulation. */
    volatile RoundsServer server;
    volatile PatrolRun run;
    volatile DemoCheckpoints checkpointScans;
    final CountDownLatch running = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        try {
            return runUntilStopped();
        } finally {
            finished.countDown();
        }
    }

    private Integer runUntilStopped() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), System.console() != null);
        ProgressListener listener = quiet ? ProgressListener.NONE : progress;
        if (patrollers < 1 || patrollers > 64) {
            throw new UserInputException("--patrollers must be between 1 and 64, got " + patrollers);
        }
        prepareFolder();
        SimulationClock clock = SimulationClock.startingNow(1);
        try (RoundsServer live = startServer(clock)) {
            server = live;
            listener.progress("loading map", 0, -1);
            PlannedArea planned = planOrResume(live, listener);
            progress.done();
            double chosenSpeed = speed != null ? speed : autoSpeed(planned);
            clock.changeSpeed(chosenSpeed);
            live.patrol().activate(planned);
            Team team = team(live.storage(), planned, clock.instant());
            List<SimulatedPatrol> walks = walks(planned, team, clock);
            try (PatrolRun patrolRun = simulate(live, walks, team, clock);
                    DemoCheckpoints scans = DemoCheckpoints.start(live, planned, walks, team.shifts(), clock, seed)) {
                run = patrolRun;
                checkpointScans = scans;
                printWelcome(out, live, planned, chosenSpeed, team);
                StopOnSignal signal = new StopOnSignal("rounds-demo-stop", stop, finished);
                try {
                    running.countDown();
                    stop.await();
                } finally {
                    signal.close();
                }
            }
        } finally {
            running.countDown();
        }
        out.println("rounds: demo stopped; its data stays in " + dir + " (run again with --continue to keep it)");
        out.flush();
        return 0;
    }

    private void prepareFolder() throws IOException {
        if (!continueRun && Files.exists(dir)) {
            if (!Files.exists(dir.resolve("rounds-demo.marker"))) {
                throw new UserInputException(dir + " exists and is not a Rounds demo folder; choose another with --dir");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("rounds-demo.marker"), "made by rounds demo\n");
    }

    private ServerConfig config() {
        ServerConfig d = ServerConfig.defaults();
        return new ServerConfig(new ServerConfig.Http(host, port, mapTiles), new ServerConfig.OsmAnd(true, osmandPort),
                new ServerConfig.Storage(dir.resolve("data").toString(), null, null, null, null, 4),
                new ServerConfig.Limits(d.limits().maxBodyBytes(), d.limits().maxBatchPings(), 1000.0, 10_000, 1000.0,
                        10_000, 100, 100),
                d.plausibility(), new ServerConfig.Security(720, 10, false, 600), ServerConfig.Alerts.defaults());
    }

    private RoundsServer startServer(SimulationClock clock) {
        ServerConfig checked;
        try {
            checked = config();
        } catch (RuntimeException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintStream console = new PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            return RoundsServer.start(checked, Map.of("ROUNDS_ADMIN_PASSWORD", DEMO_PASSWORD), clock, console);
        } catch (RuntimeException e) {
            throw new UserInputException("the demo server cannot start on " + host + ":" + port + " / OsmAnd " + osmandPort
                    + " (" + e.getMessage() + "); is another program using the port? Try --port 0 --osmand-port 0");
        }
    }

    private PlannedArea planOrResume(RoundsServer started, ProgressListener listener) throws InterruptedException {
        RoundsStore store = started.storage();
        if (continueRun && store.activePlan().isPresent()) {
            var active = store.activePlan().get();
            return started.plans().plan(active.areaId() + "-" + active.version());
        }
        Area area = map == null ? started.areas().generateTown(seed)
                : started.areas().importMap(map.getFileName().toString(), "foot", checkedMap());
        PlanJobs.Job job = started.plans().start(area.id(),
                new PlanRequest(patrollers, null, null, null, null, null, seed));
        PlannedArea planned;
        try {
            planned = started.plans().await(job.id(), Duration.ofMinutes(10), listener);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserInputException(e.getMessage());
        }
        store.activatePlan(planned.areaId(), planned.version());
        return planned;
    }

    private Path checkedMap() {
        if (!Files.isRegularFile(map)) {
            throw new UserInputException("map file not found: " + map);
        }
        return map;
    }

    /** So that the longest round takes about three minutes of real time. */
    static double autoSpeed(PlannedArea planned) {
        double minutes = planned.rules().roundTime(planned.plan().longestRoundMeters()).toMillis() / 60_000.0;
        return Math.max(1, Math.min(1000, Math.round(minutes / 3)));
    }

    /** The demo's patrollers, one per beat, each with a device and a shift starting now. */
    record Team(List<Long> patrollers, Map<String, String> keys, List<String> devices, List<Shift> shifts,
            List<String> usernames) {
    }

    private Team team(RoundsStore store, PlannedArea planned, Instant now) {
        List<Long> ids = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> devices = new ArrayList<>();
        List<Shift> shifts = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        String run = Long.toString(now.getEpochSecond(), 36);
        for (int beat = 0; beat < planned.plan().beatCount(); beat++) {
            Patroller patroller = store.createPatroller(NAMES[beat % NAMES.length] + (beat < NAMES.length ? "" : " " + beat));
            String device = "demo-" + run + "-" + beat;
            IssuedDevice issued = store.createDevice(device, patroller.id(), "simulated phone");
            shifts.add(store.createShift(patroller.id(), Integer.toString(beat), now, now.plus(Duration.ofHours(8))));
            String username = patroller.name().toLowerCase(Locale.ROOT).replace(' ', '-');
            String base = username;
            if (store.users().stream().anyMatch(u -> u.username().equals(base))) {
                username = base + "-" + run;
            }
            store.createUser(username, DEMO_PASSWORD, Role.PATROLLER, patroller.id());
            usernames.add(username);
            ids.add(patroller.id());
            keys.put(device, issued.token());
            devices.add(device);
        }
        return new Team(ids, keys, devices, shifts, usernames);
    }

    private List<SimulatedPatrol> walks(PlannedArea planned, Team team, SimulationClock clock) {
        StreetNetwork network = planned.network();
        List<SimulatedPatrol> patrols = new ArrayList<>();
        Instant start = clock.instant().plusSeconds(5);
        for (Beat beat : planned.plan().beats()) {
            PatrolSimulator simulator = new PatrolSimulator(network, WalkerBehaviour.ON_FOOT, PhoneModel.TYPICAL,
                    seed * 1000 + beat.index());
            patrols.add(simulator.simulate(team.devices().get(beat.index()), beat.round().edgeSequence(),
                    beat.round().startNode(), start, start.plus(Duration.ofHours(8))));
        }
        return patrols;
    }

    private PatrolRun simulate(RoundsServer live, List<SimulatedPatrol> patrols, Team team, SimulationClock clock) {
        String osmand = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + live.osmandPort() + "/";
        return new PatrolRun(patrols, clock, new OsmAndHttpSender(osmand, team.keys())).start(200);
    }

    private void printWelcome(PrintWriter out, RoundsServer live, PlannedArea planned, double chosenSpeed, Team team) {
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        out.printf(Locale.ROOT, "%nRounds demo is running.%n");
        out.printf(Locale.ROOT, "  dashboard:  http://%s:%d/%n", shown, live.port());
        out.printf(Locale.ROOT, "  log in as:  admin / %s%n", DEMO_PASSWORD);
        out.printf(Locale.ROOT, "  phone page: http://%s:%d/phone.html as a patroller: %s / %s%n", shown,
                live.port(), team.usernames().get(0), DEMO_PASSWORD);
        out.printf(Locale.ROOT, "  map:        %s, %d streets, %.1f km%s%n", planned.areaName(),
                planned.network().edgeCount(), planned.network().totalLengthMeters() / 1000,
                planned.network().attribution() == null ? "" : " (" + planned.network().attribution() + ")");
        out.printf(Locale.ROOT, "  plan:       %s%n", planned.answerText());
        out.printf(Locale.ROOT, "  simulation: %d patrollers sending OsmAnd positions to port %d, %.0fx real time%n",
                planned.plan().beatCount(), live.osmandPort(), chosenSpeed);
        out.printf(Locale.ROOT, "Press Ctrl-C to stop.%n");
        out.flush();
    }


}
