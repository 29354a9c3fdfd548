package dev.rounds.storage;

/**
 * A newly registered device with its secret token, which is shown this once and never again.
 *
 * @param device the device
 * @param token the secret the device must send
 */
public record IssuedDevice(Device device, String token) {
}
