package dev.rounds.server.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything {@code rounds serve} can be told, read once at start-up (see {@link ConfigLoader} and
 * {@code rounds.example.yml}). Each section checks its values and says how to fix a wrong one.
 *
 * @param http the main HTTP port (API, OwnTracks, OsmAnd under {@code /osmand})
 * @param osmand the separate OsmAnd port the Traccar Client app expects
 * @param storage where data is kept
 * @param limits request sizes and rate limits
 * @param plausibility what the plausibility stage accepts
 * @param security sessions and password hashing
 * @param alerts alert thresholds and the lone-worker check
 * @param pipeline how stored pings reach the live patrol
 */
public record ServerConfig(Http http, OsmAnd osmand, Storage storage, Limits limits, Plausibility plausibility,
        Security security, Alerts alerts, Pipeline pipeline) {

    /** Checks every section is present. */
    public ServerConfig {
        require(http != null && osmand != null && storage != null && limits != null && plausibility != null
                && security != null && alerts != null && pipeline != null,
                "every section (http, osmand, storage, limits, plausibility, security, alerts, pipeline) is required");
    }

    /** A configuration with the default pipeline (stored pings handed to the live patrol directly). */
    public ServerConfig(Http http, OsmAnd osmand, Storage storage, Limits limits, Plausibility plausibility,
            Security security, Alerts alerts) {
        this(http, osmand, storage, limits, plausibility, security, alerts, Pipeline.direct());
    }

    /** The defaults: port 8082, OsmAnd on 5055, embedded H2 in {@code ./data}. */
    public static ServerConfig defaults() {
        return new ServerConfig(new Http("0.0.0.0", 8082), new OsmAnd(true, 5055),
                new Storage("data", null, null, null, null, 4),
                new Limits(1_048_576, 10_000, 2.0, 20, 50.0, 200, 10, 30),
                new Plausibility(300, 200.0, 70.0), new Security(12, 12, false, 60),
                Alerts.defaults(), Pipeline.direct());
    }

    /**
     * The main HTTP listener.
     *
     * @param host address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
     * @param port TCP port, 0 for any free one
     */
    public record Http(String host, int port, String mapTiles) {
        /** Checks the values. */
        public Http {
            require(host != null && !host.isBlank(), "http.host is required, e.g. 0.0.0.0");
            requirePort("http.port", port);
            mapTiles = mapTiles == null || mapTiles.isBlank() ? null : mapTiles.trim();
            require(mapTiles == null || (mapTiles.startsWith("https://") || mapTiles.startsWith("http://"))
                    && mapTiles.contains("{z}") && mapTiles.contains("{x}") && mapTiles.contains("{y}"),
                    "http.mapTiles must be a tile URL template with {z}, {x} and {y}, "
                            + "e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png, or empty");
        }

        /** Without map tiles: the dashboard draws the streets from the server's own data only. */
        public Http(String host, int port) {
            this(host, port, null);
        }
    }

    /**
     * The OsmAnd listener on its own port.
     *
     * @param enabled whether to open it
     * @param port TCP port (5055 is what the Traccar Client app uses), 0 for any free one
     */
    public record OsmAnd(boolean enabled, int port) {
        /** Checks the values. */
        public OsmAnd {
            requirePort("osmand.port", port);
        }
    }

    /**
     * Storage.
     *
     * @param dataDirectory folder of the embedded database (used when {@code jdbcUrl} is empty)
     * @param jdbcUrl a {@code jdbc:postgresql://} URL for production, empty for embedded H2
     * @param username database user
     * @param password database password
     * @param schema a schema to create and use, empty for the default
     * @param maxConnections connection pool size (at least 2: schema migration holds two)
     * @param rawPositionDays raw positions older than this are deleted (0 keeps them)
     * @param photoDays photos of observations older than this are deleted, the observations stay (0 keeps them)
     */
    public record Storage(String dataDirectory, String jdbcUrl, String username, String password, String schema,
            int maxConnections, int rawPositionDays, int photoDays) {
        /** Checks the values. */
        public Storage {
            jdbcUrl = blankToNull(jdbcUrl);
            username = blankToNull(username);
            password = blankToNull(password);
            schema = blankToNull(schema);
            require(jdbcUrl != null || (dataDirectory != null && !dataDirectory.isBlank()),
                    "storage.dataDirectory is required when storage.jdbcUrl is empty");
            require(jdbcUrl == null || jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.startsWith("jdbc:h2:"),
                    "storage.jdbcUrl must start with jdbc:postgresql: or jdbc:h2:, got '" + jdbcUrl + "'");
            require(maxConnections >= 2 && maxConnections <= 200, "storage.maxConnections must be 2 to 200");
            require(rawPositionDays >= 0 && rawPositionDays <= 3650,
                    "storage.rawPositionDays must be 0 (keep) to 3650, got " + rawPositionDays);
            require(photoDays >= 0 && photoDays <= 3650, "storage.photoDays must be 0 (keep) to 3650, got " + photoDays);
        }

        /** Raw positions and photos kept for 90 days. */
        public Storage(String dataDirectory, String jdbcUrl, String username, String password, String schema,
                int maxConnections) {
            this(dataDirectory, jdbcUrl, username, password, schema, maxConnections, 90, 90);
        }

        /** The data directory as a path. */
        public Path dataPath() {
            return Path.of(dataDirectory == null ? "data" : dataDirectory);
        }
    }

    /**
     * Limits.
     *
     * @param maxBodyBytes largest request body accepted; larger ones get 413
     * @param maxBatchPings most pings in one batch upload
     * @param devicePingRequestsPerSecond sustained requests per second allowed to one device
     * @param deviceBurst requests one device may send at once before being limited
     * @param clientRequestsPerSecond sustained API requests per second from one client address
     * @param clientBurst API requests one client address may send at once
     * @param loginAttemptsPerMinute login attempts per client address per minute
     * @param deviceAuthFailuresPerMinute failed device authentications allowed per client address per minute
     */
    public record Limits(long maxBodyBytes, int maxBatchPings, double devicePingRequestsPerSecond, int deviceBurst,
            double clientRequestsPerSecond, int clientBurst, int loginAttemptsPerMinute, int deviceAuthFailuresPerMinute) {
        /** Checks the values. */
        public Limits {
            require(maxBodyBytes >= 1024, "limits.maxBodyBytes must be at least 1024");
            require(maxBatchPings >= 1, "limits.maxBatchPings must be at least 1");
            require(devicePingRequestsPerSecond > 0 && deviceBurst >= 1,
                    "limits.devicePingRequestsPerSecond must be positive and limits.deviceBurst at least 1");
            require(clientRequestsPerSecond > 0 && clientBurst >= 1,
                    "limits.clientRequestsPerSecond must be positive and limits.clientBurst at least 1");
            require(loginAttemptsPerMinute >= 1, "limits.loginAttemptsPerMinute must be at least 1");
            require(deviceAuthFailuresPerMinute >= 1, "limits.deviceAuthFailuresPerMinute must be at least 1");
        }
    }

    /**
     * Plausibility limits for incoming fixes.
     *
     * @param maxFutureSkewSeconds how far a fix time may be ahead of the server clock
     * @param maxAccuracyMeters worst accuracy radius kept
     * @param maxSpeedMetersPerSecond highest speed kept
     */
    public record Plausibility(long maxFutureSkewSeconds, double maxAccuracyMeters, double maxSpeedMetersPerSecond) {
        /** Checks the values. */
        public Plausibility {
            require(maxFutureSkewSeconds >= 0, "plausibility.maxFutureSkewSeconds must be 0 or more");
            require(maxAccuracyMeters > 0 && maxSpeedMetersPerSecond > 0,
                    "plausibility.maxAccuracyMeters and plausibility.maxSpeedMetersPerSecond must be positive");
        }

        /** The skew as a duration. */
        public Duration maxFutureSkew() {
            return Duration.ofSeconds(maxFutureSkewSeconds);
        }
    }

    /**
     * Security.
     *
     * @param sessionHours how long a login lasts
     * @param bcryptCost bcrypt work factor for passwords (10 to 14 is sensible)
     * @param secureCookies mark the session cookie Secure (set when served over HTTPS)
     * @param deviceTrustSeconds how long a verified device token is trusted without asking storage again
     */
    public record Security(int sessionHours, int bcryptCost, boolean secureCookies, int deviceTrustSeconds) {
        /** Checks the values. */
        public Security {
            require(deviceTrustSeconds >= 0 && deviceTrustSeconds <= 3600, "security.deviceTrustSeconds must be 0 to 3600");
            require(sessionHours >= 1 && sessionHours <= 24 * 30, "security.sessionHours must be 1 to 720");
            require(bcryptCost >= 4 && bcryptCost <= 31, "security.bcryptCost must be 4 to 31");
        }
    }

    /**
     * When the live patrol raises alerts, and the lone-worker check.
     *
     * @param noPositionsMinutes silence from a patroller on shift that alerts
     * @param standingStillMinutes how long a patroller may stay within {@code standingRadiusMeters}
     * @param standingRadiusMeters radius that counts as not moving
     * @param offBeatMinutes how long a patroller may walk outside their beat
     * @param unvisitedFactor a street alerts when unvisited longer than its revisit interval times this
     * @param roundOverdueFactor a round alerts when it takes longer than planned times this
     * @param roundCompleteShare share of a beat's street length that completes a round
     * @param loneWorkerAskMinutes standing still this long during a shift asks the patroller on their phone
     *        whether they are fine (0 turns the check off)
     * @param loneWorkerAnswerMinutes no answer within this raises a top-priority alert
     */
    public record Alerts(int noPositionsMinutes, int standingStillMinutes, double standingRadiusMeters,
            int offBeatMinutes, double unvisitedFactor, double roundOverdueFactor, double roundCompleteShare,
            int loneWorkerAskMinutes, int loneWorkerAnswerMinutes) {
        /** Checks the values. */
        public Alerts {
            require(noPositionsMinutes >= 1 && standingStillMinutes >= 1 && offBeatMinutes >= 1,
                    "alerts.noPositionsMinutes, standingStillMinutes and offBeatMinutes must be at least 1");
            require(standingRadiusMeters > 0, "alerts.standingRadiusMeters must be positive");
            require(unvisitedFactor >= 1 && roundOverdueFactor >= 1,
                    "alerts.unvisitedFactor and alerts.roundOverdueFactor must be at least 1");
            require(roundCompleteShare > 0 && roundCompleteShare <= 1, "alerts.roundCompleteShare must be in (0, 1]");
            require(loneWorkerAskMinutes >= 0, "alerts.loneWorkerAskMinutes must be 0 (off) or more");
            require(loneWorkerAnswerMinutes >= 1, "alerts.loneWorkerAnswerMinutes must be at least 1");
        }

        /** The defaults, as in rounds.example.yml. */
        public static Alerts defaults() {
            return new Alerts(10, 10, 25, 10, 1.5, 1.25, 0.95, 15, 5);
        }

        /** The thresholds as the coverage engine takes them. */
        public dev.rounds.coverage.CoverageConfig coverage() {
            return new dev.rounds.coverage.CoverageConfig(roundCompleteShare, unvisitedFactor,
                    Duration.ofMinutes(standingStillMinutes), standingRadiusMeters, Duration.ofMinutes(offBeatMinutes),
                    Duration.ofMinutes(noPositionsMinutes), roundOverdueFactor);
        }
    }

    /**
     * How stored pings reach the live patrol (matching, coverage, alerts).
     *
     * @param busPartitions 0 hands them over directly, in the process (the default). N from 1 to 64 sends
     *        them through a message bus of N partitions keyed by device, in the bus's wire form, each
     *        partition consumed on its own thread: the form the pipeline takes when the store and the
     *        live patrol run on different machines, here inside one process to try that form out.
     */
    public record Pipeline(int busPartitions) {
        /** Checks the value. */
        public Pipeline {
            require(busPartitions >= 0 && busPartitions <= 64,
                    "pipeline.busPartitions must be 0 (direct, the default) to 64, got " + busPartitions);
        }

        /** Stored pings go to the live patrol directly. */
        public static Pipeline direct() {
            return new Pipeline(0);
        }
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidConfigException(message);
        }
    }

    private static void requirePort(String name, int port) {
        require(port >= 0 && port <= 65535, name + " must be 0 to 65535, got " + port);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
