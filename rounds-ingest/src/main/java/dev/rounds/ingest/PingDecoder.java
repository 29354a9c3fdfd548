package dev.rounds.ingest;

/** Reads one device protocol; one implementation per protocol. */
public interface PingDecoder {
    /** The protocol's name, e.g. {@code osmand}. */
    String protocol();

    /**
     * Decodes a request.
     *
     * @throws MessageRefusedException when the request is not a valid message of this protocol
     */
    DecodedMessage decode(DeviceRequest request);
}
