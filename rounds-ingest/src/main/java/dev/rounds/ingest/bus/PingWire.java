package dev.rounds.ingest.bus;

import dev.rounds.ingest.Alarm;
import dev.rounds.ingest.Ping;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire form of committed pings on a message bus between the store stage and what follows it:
 * one message holds the pings of one device partition, in pipeline order, and decodes to exactly
 * the pings that were encoded (fix times to the nanosecond, doubles bit for bit, attributes with
 * their types).
 *
 * <p>Layout, big-endian: a format byte ({@value #FORMAT}), the ping count, then per ping the device
 * id, fix time (epoch second, nanosecond), latitude, longitude, a bit set of the optional
 * measurements present followed by those present, the alarm name and the attributes (count, then
 * name, type tag and value). A message in another format is refused with a message that names both
 * formats, so a consumer older than its producer fails loudly instead of misreading.
 */
public final class PingWire {
    /** The format written; a reader refuses any other. */
    public static final byte FORMAT = 1;
    private static final byte STRING = 'S';
    private static final byte BOOLEAN = 'B';
    private static final byte LONG = 'L';
    private static final byte DOUBLE = 'D';

    private PingWire() {
    }

    /** The message for these pings. */
    public static byte[] encode(List<Ping> pings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 80 * pings.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(pings.size());
            for (Ping ping : pings) {
                write(out, ping);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The pings of a message.
     *
     * @throws IllegalArgumentException when the message is in another format, truncated or damaged
     */
    public static List<Ping> decode(byte[] message) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(message))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("ping message in format " + format + ", this reader knows format "
                        + FORMAT + ": run the same Rounds version on both ends of the bus");
            }
            int count = in.readInt();
            if (count < 0 || count > message.length) {
                throw new IllegalArgumentException("damaged ping message: it claims " + count + " pings");
            }
            List<Ping> pings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pings.add(read(in));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("damaged ping message: " + in.available() + " bytes after the last ping");
            }
            return pings;
        } catch (EOFException e) {
            throw new IllegalArgumentException("truncated ping message (" + message.length + " bytes)", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Ping ping) throws IOException {
        out.writeUTF(ping.deviceId());
        out.writeLong(ping.fixTime().getEpochSecond());
        out.writeInt(ping.fixTime().getNano());
        out.writeDouble(ping.latitude());
        out.writeDouble(ping.longitude());
        Double[] optional = optional(ping);
        int present = 0;
        for (int i = 0; i < optional.length; i++) {
            present |= optional[i] == null ? 0 : 1 << i;
        }
        out.writeByte(present);
        for (Double value : optional) {
            if (value != null) {
                out.writeDouble(value);
            }
        }
        out.writeUTF(ping.alarm().name());
        out.writeInt(ping.attributes().size());
        for (Map.Entry<String, Object> attribute : ping.attributes().entrySet()) {
            out.writeUTF(attribute.getKey());
            writeValue(out, attribute.getKey(), attribute.getValue());
        }
    }

    private static Double[] optional(Ping ping) {
        return new Double[] {ping.accuracyMeters(), ping.speedMetersPerSecond(), ping.bearingDegrees(),
            ping.altitudeMeters(), ping.batteryPercent()};
    }

    private static void writeValue(DataOutputStream out, String name, Object value) throws IOException {
        if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else {
            throw new IllegalArgumentException("attribute '" + name + "' holds a "
                    + (value == null ? "null" : value.getClass().getSimpleName())
                    + "; a ping's attributes are String, Boolean, Long or Double");
        }
    }

    private static Ping read(DataInputStream in) throws IOException {
        String device = in.readUTF();
        Instant fixTime = Instant.ofEpochSecond(in.readLong(), in.readInt());
        double latitude = in.readDouble();
        double longitude = in.readDouble();
        int present = in.readUnsignedByte();
        Double[] optional = new Double[5];
        for (int i = 0; i < optional.length; i++) {
            optional[i] = (present & 1 << i) == 0 ? null : in.readDouble();
        }
        Alarm alarm = alarm(in.readUTF());
        int attributeCount = in.readInt();
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            String name = in.readUTF();
            attributes.put(name, readValue(in, name));
        }
        return new Ping(device, fixTime, latitude, longitude, optional[0], optional[1], optional[2], optional[3],
                optional[4], alarm, attributes);
    }

    private static Alarm alarm(String name) {
        try {
            return Alarm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("damaged ping message: unknown alarm '" + name + "'", e);
        }
    }

    private static Object readValue(DataInputStream in, String name) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case STRING -> in.readUTF();
            case BOOLEAN -> in.readBoolean();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            default -> throw new IllegalArgumentException("damaged ping message: attribute '" + name
                    + "' has unknown type tag " + type);
        };
    }
}
