package dev.rounds.server.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket rate limits per key (a device id, a client address): {@code ratePerSecond}
 * sustained, {@code burst} at once. Time comes from the injected clock. To bound memory, buckets
 * that have refilled completely are forgotten when there are too many keys.
 */
public final class TokenBuckets {
    private static final int MAX_KEYS = 100_000;

    private final double ratePerSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Buckets of the given rate and size. */
    public TokenBuckets(double ratePerSecond, int burst, Clock clock) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token for the key; {@code false} when the key is over its limit. */
    public boolean tryTake(String key) {
        long nowNanos = nowNanos();
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(bucket -> bucket.isFull(nowNanos));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos)).tryTake(nowNanos);
    }

    /** Whether the key has a token left, without taking it. */
    public boolean hasToken(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null || bucket.hasToken(nowNanos());
    }

    /** Whole seconds until one token is back, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1.0 / ratePerSecond));
    }

    private long nowNanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.updatedNanos = nowNanos;
        }

        synchronized boolean tryTake(long nowNanos) {
            refill(nowNanos);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean hasToken(long nowNanos) {
            refill(nowNanos);
            return tokens >= 1;
        }

        synchronized boolean isFull(long nowNanos) {
            refill(nowNanos);
            return tokens >= burst;
        }

        private void refill(long nowNanos) {
            double elapsedSeconds = Math.max(0, nowNanos - updatedNanos) / 1e9;
            tokens = Math.min(burst, tokens + elapsedSeconds * ratePerSecond);
            updatedNanos = nowNanos;
        }
    }
}
