package dev.rounds.ingest;

/**
 * A ping a stage did not pass on, and why.
 *
 * @param ping the dropped ping
 * @param reason the reason code
 */
public record Drop(Ping ping, DropReason reason) {
}
