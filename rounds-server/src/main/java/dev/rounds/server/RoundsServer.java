package dev.rounds.server;

import dev.rounds.ingest.IngestPipeline;
import dev.rounds.ingest.IngestQueue;
import dev.rounds.ingest.stages.Deduplication;
import dev.rounds.ingest.stages.DeviceOrdering;
import dev.rounds.ingest.stages.PlausibilityCheck;
import dev.rounds.ingest.stages.PlausibilityLimits;
import dev.rounds.ingest.stages.PublishStage;
import dev.rounds.ingest.stages.StoreStage;
import dev.rounds.ingest.protocol.BatchDecoder;
import dev.rounds.ingest.protocol.OsmAndDecoder;
import dev.rounds.ingest.protocol.OwnTracksDecoder;
import dev.rounds.server.api.Gate;
import dev.rounds.server.api.OpsApi;
import dev.rounds.server.api.QrApi;
import dev.rounds.server.patrol.ActivePatrol;
import dev.rounds.server.patrol.LiveApi;
import dev.rounds.server.patrol.LiveEvents;
import dev.rounds.server.patrol.PatrolStage;
import dev.rounds.server.plans.AreaCatalog;
import dev.rounds.server.plans.PlanApi;
import dev.rounds.server.plans.PlanJobs;
import dev.rounds.server.api.SetupApi;
import dev.rounds.server.api.TeamApi;
import dev.rounds.server.api.UserApi;
import dev.rounds.server.config.ServerConfig;
import dev.rounds.server.devices.DeviceCredentials;
import dev.rounds.server.devices.DeviceIngest;
import dev.rounds.server.web.Endpoint;
import dev.rounds.server.web.ErrorResponses;
import dev.rounds.server.web.JsonBodies;
import dev.rounds.server.web.TokenBuckets;
import dev.rounds.storage.RoundsStore;
import dev.rounds.storage.RoundsStores;
import dev.rounds.storage.StorageConfig;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking server: wires storage, the ingest pipeline and the HTTP endpoints together, in this
 * one place, from a validated {@link ServerConfig}. Start with {@link #start}, stop with {@link #close}.
 */
public final class RoundsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoundsServer.class);

    private final RoundsStore store;
    private final IngestPipeline pipeline;
    private final PublishStage publish;
    private final List<Endpoint> endpoints;
    private final Javalin main;
    private final Javalin osmand;
    private final ActivePatrol patrol;
    private final PlanJobs planJobs;
    private final AreaCatalog areas;
    private dev.rounds.server.privacy.Retention retention;
    private PatrolStage patrolStage;
    private IngestQueue ingestQueue;

    private RoundsServer(RoundsStore store, IngestPipeline pipeline, PublishStage publish, List<Endpoint> endpoints,
            Javalin main, Javalin osmand, ActivePatrol patrol, PlanJobs planJobs, AreaCatalog areas) {
        this.patrol = patrol;
        this.planJobs = planJobs;
        this.areas = areas;
        this.store = store;
        this.pipeline = pipeline;
        this.publish = publish;
        this.endpoints = endpoints;
        this.main = main;
        this.osmand = osmand;
    }

    /**
     * Opens storage (migrating it), creates the first admin if there are no users, and starts listening.
     *
     * @param config the validated configuration
     * @param environment environment variables ({@code ROUNDS_ADMIN_PASSWORD})
     * @param clock the time source for the pipeline, sessions and rate limits
     * @param console where the first admin's generated password is printed
     */
    public static RoundsServer start(ServerConfig config, Map<String, String> environment, Clock clock, PrintStream console) {
        RoundsStore store = RoundsStores.open(storageConfig(config), clock);
        try {
            FirstAdmin.ensure(store, environment, console);
            return wire(config, store, clock);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static RoundsServer wire(ServerConfig config, RoundsStore store, Clock clock) {
        ServerConfig.Limits limits = config.limits();
        PublishStage publish = new PublishStage();
        LiveEvents events = new LiveEvents(JsonBodies.MAPPER);
        ActivePatrol patrol = new ActivePatrol(store, clock, events, config.alerts());
        AreaCatalog areas = new AreaCatalog(store);
        PlanJobs planJobs = new PlanJobs(store, areas);
        ServerConfig.Plausibility plausibility = config.plausibility();
        int busPartitions = config.pipeline().busPartitions();
        PatrolStage patrolStage = busPartitions == 0 ? new PatrolStage(patrol) : PatrolStage.viaBus(patrol, busPartitions);
        IngestPipeline pipeline = new IngestPipeline(List.of(
                new PlausibilityCheck(clock, new PlausibilityLimits(plausibility.maxFutureSkew(),
                        plausibility.maxAccuracyMeters(), plausibility.maxSpeedMetersPerSecond())),
                new Deduplication(1024),
                new DeviceOrdering(),
                new StoreStage(store),
                patrolStage,
                publish));
        IngestQueue queue = new IngestQueue(pipeline, limits.maxBatchPings());
        DeviceIngest devices = new DeviceIngest(pipeline, queue,
                new DeviceCredentials(store, clock, Duration.ofSeconds(config.security().deviceTrustSeconds())),
                new DeviceIngest.Decoders(new OsmAndDecoder(clock), new OwnTracksDecoder(), new BatchDecoder(limits.maxBatchPings())),
                new TokenBuckets(limits.devicePingRequestsPerSecond(), limits.deviceBurst(), clock),
                new TokenBuckets(limits.deviceAuthFailuresPerMinute() / 60.0, limits.deviceAuthFailuresPerMinute(), clock),
                limits.maxBodyBytes());
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(new OpsApi(store, pipeline, devices::counters).endpoints());
        endpoints.addAll(new UserApi(store, clock, Duration.ofHours(config.security().sessionHours()),
                config.security().secureCookies(), limits.maxBodyBytes(),
                new TokenBuckets(limits.loginAttemptsPerMinute() / 60.0, limits.loginAttemptsPerMinute(), clock)).endpoints());
        endpoints.addAll(new TeamApi(store, limits.maxBodyBytes()).endpoints());
        endpoints.addAll(devices.endpoints());
        endpoints.addAll(new dev.rounds.server.devices.ShiftUpload(store, queue, patrol::uploadComplete,
                limits.maxBatchPings()).endpoints());
        AtomicInteger osmandPort = new AtomicInteger(-1);
        endpoints.addAll(new SetupApi(osmandPort::get).endpoints());
        endpoints.addAll(new PlanApi(store, areas, planJobs, patrol::activate, limits.maxBodyBytes()).endpoints());
        endpoints.addAll(new LiveApi(patrol, events, store, clock, limits.maxBodyBytes(),
                config.http().mapTiles()).endpoints());
        endpoints.addAll(new QrApi(limits.maxBodyBytes()).endpoints());
        endpoints.addAll(new dev.rounds.server.guard.CheckpointApi(store, patrol, clock, limits.maxBodyBytes()).endpoints());
        endpoints.addAll(new dev.rounds.server.guard.ObservationApi(store, clock, events, limits.maxBodyBytes()).endpoints());
        endpoints.addAll(new dev.rounds.server.guard.PhoneApi(store, patrol, clock, limits.maxBodyBytes()).endpoints());
        endpoints.addAll(new dev.rounds.server.reports.ReportApi(store, planJobs).endpoints());
        Gate gate = new Gate(store, clock, new TokenBuckets(limits.clientRequestsPerSecond(), limits.clientBurst(), clock));
        Javalin main = newApp(limits.maxBodyBytes(), true);
        endpoints.forEach(endpoint -> main.addHttpHandler(endpoint.method(), endpoint.path(), gate.guard(endpoint)));
        Javalin osmand = null;
        try {
            main.start(config.http().host(), config.http().port());
            if (config.osmand().enabled()) {
                osmand = newApp(limits.maxBodyBytes(), false);
                osmand.get("/", devices.osmandHandler());
                osmand.post("/", devices.osmandHandler());
                osmand.start(config.http().host(), config.osmand().port());
                osmandPort.set(osmand.port());
            }
        } catch (RuntimeException e) {
            main.stop();
            if (osmand != null) {
                osmand.stop();
            }
            throw e;
        }
        LOG.info("Rounds listening on {}:{} (OsmAnd {}), pipeline {}{}", config.http().host(), main.port(),
                osmand == null ? "off" : "on port " + osmand.port(), pipeline.stageNames(),
                busPartitions == 0 ? "" : ", live patrol fed through a bus of " + busPartitions + " partitions");
        resumeActivePlan(store, planJobs, patrol);
        RoundsServer server = new RoundsServer(store, pipeline, publish, List.copyOf(endpoints), main, osmand, patrol,
                planJobs, areas);
        server.retention = new dev.rounds.server.privacy.Retention(store, clock, config.storage().rawPositionDays(),
                config.storage().photoDays()).start();
        server.patrolStage = patrolStage;
        server.ingestQueue = queue;
        return server;
    }

    /** After a restart the live patrol follows the plan that was active, with recent shifts replayed. */
    private static void resumeActivePlan(RoundsStore store, PlanJobs planJobs, ActivePatrol patrol) {
        store.activePlan().ifPresent(active -> {
            String planId = active.areaId() + "-" + active.version();
            try {
                planJobs.find(planId).ifPresent(patrol::activate);
            } catch (RuntimeException e) {
                LOG.error("could not resume the active plan {}; activate a plan again from the plan page", planId, e);
            }
        });
    }

    private static Javalin newApp(long maxBodyBytes, boolean dashboard) {
        Javalin app = Javalin.create(cfg -> {
            if (dashboard) {
                cfg.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = "/rounds-web";
                    files.location = Location.CLASSPATH;
                });
                cfg.staticFiles.enableWebjars();
            }
            if (!dashboard) {
                cfg.http.disableCompression(); // answers to phones are a few bytes; no compressing stream per request
            }
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = maxBodyBytes;
            cfg.jsonMapper(new JavalinJackson(JsonBodies.MAPPER, false));
        });
        ErrorResponses.install(app);
        return app;
    }

    private static StorageConfig storageConfig(ServerConfig config) {
        ServerConfig.Storage storage = config.storage();
        return new StorageConfig(storage.jdbcUrl(), storage.username(), storage.password(), storage.schema(),
                storage.dataPath(), storage.maxConnections(), config.security().bcryptCost());
    }

    /** The main port (useful when configured as 0). */
    public int port() {
        return main.port();
    }

    /** The OsmAnd port, or -1 when that listener is off. */
    public int osmandPort() {
        return osmand == null ? -1 : osmand.port();
    }

    /** Where stored pings are published, for in-process subscribers (a live map, a message bus). */
    public PublishStage publications() {
        return publish;
    }

    /** The live patrol (the demo and tests read it and wait for it). */
    public ActivePatrol patrol() {
        return patrol;
    }

    /**
     * Waits until every ping accepted so far has reached the live patrol (through the bus, when
     * configured) and been processed there: coverage, progress and alerts are then up to date.
     */
    public void drainLive() {
        patrolStage.drain();
    }

    /** The retention policy (tests run it by hand). */
    public dev.rounds.server.privacy.Retention retention() {
        return retention;
    }

    /** Planning jobs and finished plans. */
    public PlanJobs plans() {
        return planJobs;
    }

    /** The imported areas. */
    public AreaCatalog areas() {
        return areas;
    }

    /** The storage behind the server. */
    public RoundsStore storage() {
        return store;
    }

    /** The pipeline, for its counters. */
    public IngestPipeline pipeline() {
        return pipeline;
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    RoundsStore store() {
        return store;
    }

    /** Stops listening, then closes storage. */
    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        if (patrolStage != null) {
            patrolStage.close();
        }
        patrol.close();
        planJobs.close();
        if (osmand != null) {
            osmand.stop();
        }
        main.stop();
        if (ingestQueue != null) {
            ingestQueue.close();
        }
        store.close();
    }
}
