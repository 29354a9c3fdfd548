package dev.rounds.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads traces from GPX ({@code trkpt}/{@code rtept}/{@code wpt} with {@code <time>}) or CSV
 * ({@code lat,lon,time[,accuracy]}, an optional header line, time as ISO-8601 or epoch seconds).
 * Bad input is refused with a {@link TraceFormatException} that says where and what.
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    /** Reads a trace, choosing the format by the file name ({@code .gpx} or {@code .csv}). */
    public static List<Ping> read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new TraceFormatException("trace file not found: " + file);
        }
        try {
            if (name.endsWith(".gpx")) {
                try (InputStream in = Files.newInputStream(file)) {
                    return readGpx(in, file.toString());
                }
            }
            if (name.endsWith(".csv")) {
                return readCsv(new StringReader(Files.readString(file, StandardCharsets.UTF_8)), file.toString());
            }
        } catch (IOException e) {
            throw new TraceFormatException("cannot read trace " + file + ": " + e.getMessage(), e);
        }
        throw new TraceFormatException("unknown trace format of " + file + ": use a .gpx or .csv file");
    }

    /** Reads CSV lines {@code lat,lon,time[,accuracy]}; {@code source} names the input in messages. */
    public static List<Ping> readCsv(Reader reader, String source) throws IOException {
        List<Ping> pings = new ArrayList<>();
        java.io.BufferedReader lines = new java.io.BufferedReader(reader);
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || (pings.isEmpty() && looksLikeHeader(trimmed))) {
                continue;
            }
            pings.add(csvPing(trimmed.split(",", -1), source + " line " + lineNumber));
        }
        return pings;
    }

    private static boolean looksLikeHeader(String line) {
        return line.toLowerCase(Locale.ROOT).startsWith("lat");
    }

    private static Ping csvPing(String[] fields, String where) {
        if (fields.length < 3 || fields.length > 4) {
            throw new TraceFormatException(where + ": expected lat,lon,time[,accuracy] but found "
                    + fields.length + " fields");
        }
        double lat = number(fields[0], "latitude", where);
        double lon = number(fields[1], "longitude", where);
        Instant time = time(fields[2].strip(), where);
        double accuracy = fields.length == 4 && !fields[3].isBlank() ? number(fields[3], "accuracy", where) : Double.NaN;
        return ping(lat, lon, time, accuracy, where);
    }

    private static Ping ping(double lat, double lon, Instant time, double accuracy, String where) {
        try {
            return new Ping(lat, lon, time, accuracy);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static double number(String text, String what, String where) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the field's name
        }
        throw new TraceFormatException(where + ": " + what + " '" + text.strip() + "' is not a number");
    }

    private static Instant time(String text, String where) {
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli(Math.round(Double.parseDouble(text) * 1000));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new TraceFormatException(where + ": time '" + text
                    + "' is neither ISO-8601 (2024-05-01T10:15:30Z) nor epoch seconds", e);
        }
    }

    /** Reads the points of a GPX document; every point needs a {@code <time>}. */
    public static List<Ping> readGpx(InputStream in, String source) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return gpxPoints(xml, source);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new TraceFormatException(source + " is not valid GPX: " + e.getMessage(), e);
        }
    }

    private static List<Ping> gpxPoints(XMLStreamReader xml, String source) throws XMLStreamException {
        List<Ping> pings = new ArrayList<>();
        String lat = null;
        String lon = null;
        String time = null;
        boolean inTime = false;
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (isPoint(name)) {
                    lat = xml.getAttributeValue(null, "lat");
                    lon = xml.getAttributeValue(null, "lon");
                    time = null;
                } else if (name.equals("time") && lat != null) {
                    inTime = true;
                    text.setLength(0);
                }
            } else if (event == XMLStreamConstants.CHARACTERS && inTime) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("time") && inTime) {
                    inTime = false;
                    time = text.toString().strip();
                } else if (isPoint(name) && lat != null) {
                    pings.add(gpxPing(lat, lon, time, source + " point " + (pings.size() + 1)));
                    lat = null;
                }
            }
        }
        return pings;
    }

    private static boolean isPoint(String name) {
        return name.equals("trkpt") || name.equals("rtept") || name.equals("wpt");
    }

    private static Ping gpxPing(String lat, String lon, String time, String where) {
        if (lon == null) {
            throw new TraceFormatException(where + ": lat and lon attributes are required");
        }
        if (time == null || time.isEmpty()) {
            throw new TraceFormatException(where + ": no <time>; map matching needs the time of every point");
        }
        return ping(number(lat, "latitude", where), number(lon, "longitude", where), time(time, where), Double.NaN,
                where);
    }
}
