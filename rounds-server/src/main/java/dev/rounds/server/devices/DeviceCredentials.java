package dev.rounds.server.devices;

import dev.rounds.storage.Device;
import dev.rounds.storage.RoundsStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks device id and token against storage, remembering a successful check for a short time so
 * that a phone sending every few seconds does not cost a database lookup per request. Only the
 * token's SHA-256 is kept in memory; failures are never remembered. A token changed in storage is
 * honoured after at most {@code trustFor}.
 */
public final class DeviceCredentials {
    private static final int MAX_ENTRIES = 100_000;
    /** One digest per thread: looking the algorithm up cost more than hashing (a profile of OsmAnd requests). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(DeviceCredentials::newSha256);

    private final RoundsStore store;
    private final Clock clock;
    private final Duration trustFor;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** Checks against the store, trusting a success for {@code trustFor} (zero: always ask storage). */
    public DeviceCredentials(RoundsStore store, Clock clock, Duration trustFor) {
        this.store = store;
        this.clock = clock;
        this.trustFor = trustFor;
    }

    /** The device, if the token is its secret. */
    public Optional<Device> authenticate(String deviceId, String token) {
        if (deviceId == null || token == null) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        Instant now = clock.instant();
        Verified known = verified.get(deviceId);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(hash, known.tokenHash())) {
            return Optional.of(known.device());
        }
        Optional<Device> device = store.authenticateDevice(deviceId, token);
        if (device.isPresent() && !trustFor.isZero()) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(deviceId, new Verified(device.get(), hash, now.plus(trustFor)));
        }
        return device;
    }

    private static byte[] sha256(String token) {
        return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Verified(Device device, byte[] tokenHash, Instant until) {
    }
}
