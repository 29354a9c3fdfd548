package dev.rounds.ingest.bus;

/**
 * Which bus partition a device's pings travel on: the same for a device on every machine and in
 * every run (it depends only on the device id's characters), so one device's pings stay in order.
 */
public final class DevicePartitions {
    private DevicePartitions() {
    }

    /** The partition, 0 to {@code partitions - 1}, of a device. */
    public static int of(String deviceId, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a bus needs at least 1 partition, got " + partitions);
        }
        return Math.floorMod(deviceId.hashCode(), partitions);
    }
}
