package dev.rounds.network;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The one entry point for importing a street network from a file: OSM PBF, OSM XML (plain, gzip
 * or bzip2) or GeoJSON, chosen by the file name and checked against the content.
 */
public final class StreetMaps {
    /** The attribution every export made from OSM data carries. */
    public static final String OSM_ATTRIBUTION = "© OpenStreetMap contributors";

    private StreetMaps() {
    }

    /** The formats understood, by file name ending. */
    public enum Format {
        PBF, OSM_XML, OSM_XML_GZIP, OSM_XML_BZIP2, GEOJSON;

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".pbf")) {
                return PBF;
            } else if (name.endsWith(".osm.gz") || name.endsWith(".xml.gz")) {
                return OSM_XML_GZIP;
            } else if (name.endsWith(".osm.bz2") || name.endsWith(".xml.bz2")) {
                return OSM_XML_BZIP2;
            } else if (name.endsWith(".osm") || name.endsWith(".xml")) {
                return OSM_XML;
            } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
                return GEOJSON;
            }
            throw new MapReadException("cannot tell the format of " + file + ": name it .osm.pbf, .osm, .osm.gz, "
                    + ".osm.bz2 or .geojson");
        }
    }

    /** Imports with default options: the largest connected part is kept. */
    public static ImportResult importFile(Path file, Profile profile, ProgressListener progress) {
        return importFile(file, profile, progress, true);
    }

    public static ImportResult importFile(Path file, Profile profile, ProgressListener progress,
            boolean keepLargestComponent) {
        Format format = Format.of(file);
        long size = fileSize(file);
        String attribution = format == Format.GEOJSON ? null : OSM_ATTRIBUTION;
        StreetNetworkBuilder builder = new StreetNetworkBuilder(profile, attribution).progress(progress);
        if (!keepLargestComponent) {
            builder.keepAllComponents();
        }
        try (InputStream raw = new Counting(Files.newInputStream(file), size, progress);
             InputStream in = decompress(format, new BufferedInputStream(raw, 1 << 16))) {
            switch (format) {
                case PBF -> OsmPbfReader.read(in, builder);
                case GEOJSON -> GeoJsonStreetReader.read(in, builder);
                default -> OsmXmlReader.read(in, builder);
            }
        } catch (MapReadException e) {
            throw new MapReadException(file + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new MapReadException("map file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new MapReadException("map file not readable (permission denied): " + file, e);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            throw new MapReadException(file + " is not a readable " + describe(format) + " file (" + reason(e)
                    + "); check that the download is complete and the name matches the content", e);
        }
        progress.progress("building network", 0, -1);
        ImportResult result = builder.build();
        if (result.network().edgeCount() == 0) {
            throw new MapReadException(file + " has no streets for the " + profile.name()
                    + " profile (read " + result.report().waysRead() + " ways); is it the right area and profile?");
        }
        return result;
    }

    private static long fileSize(Path file) {
        if (!Files.exists(file)) {
            throw new MapReadException("map file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new MapReadException("not a file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new MapReadException("map file not readable (permission denied): " + file);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new MapReadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream decompress(Format format, InputStream in) throws IOException {
        return switch (format) {
            case OSM_XML_GZIP -> new GZIPInputStream(in, 1 << 16);
            case OSM_XML_BZIP2 -> new BZip2CompressorInputStream(in, true);
            default -> in;
        };
    }

    private static String describe(Format format) {
        return switch (format) {
            case PBF -> "OSM PBF";
            case OSM_XML -> "OSM XML";
            case OSM_XML_GZIP -> "gzip-compressed OSM XML";
            case OSM_XML_BZIP2 -> "bzip2-compressed OSM XML";
            case GEOJSON -> "GeoJSON";
        };
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }

    /** Reports bytes read from the file as import progress. */
    private static final class Counting extends FilterInputStream {
        private final long total;
        private final ProgressListener progress;
        private long done;
        private long reported;

        Counting(InputStream in, long total, ProgressListener progress) {
            super(in);
            this.total = total;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(int n) {
            done += n;
            if (done - reported >= (1 << 20) || done == total) {
                reported = done;
                progress.progress("reading map", done, total);
            }
        }
    }
}
