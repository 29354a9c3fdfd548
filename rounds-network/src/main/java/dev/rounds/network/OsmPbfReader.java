package dev.rounds.network;

import com.google.protobuf.ByteString;
import crosby.binary.BinaryParser;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import crosby.binary.file.FileBlock;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OpenStreetMap PBF ({@code .osm.pbf}) into an {@link OsmSink}; relations are ignored.
 *
 * <p>The block framing is read here rather than by osmpbf's {@code BlockInputStream}, which takes
 * an end of file in the middle of a block for a normal end: a truncated download must be an error.
 */
public final class OsmPbfReader {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;

    private OsmPbfReader() {
    }

    public static void read(InputStream input, OsmSink sink) throws IOException {
        DataInputStream in = new DataInputStream(input);
        Parser parser = new Parser(sink);
        boolean sawHeader = false;
        while (true) {
            int headerSize;
            try {
                headerSize = in.readInt();
            } catch (EOFException end) {
                break;
            }
            if (headerSize <= 0 || headerSize > MAX_HEADER_BYTES) {
                throw new IOException("block header size " + headerSize + " is not plausible");
            }
            Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(readFully(in, headerSize, "block header"));
            if (header.getDatasize() <= 0 || header.getDatasize() > MAX_BLOB_BYTES) {
                throw new IOException("block size " + header.getDatasize() + " is not plausible");
            }
            Fileformat.Blob blob = Fileformat.Blob.parseFrom(readFully(in, header.getDatasize(), "block"));
            sawHeader |= "OSMHeader".equals(header.getType());
            if (!sawHeader) {
                throw new IOException("the file does not start with an OSMHeader block");
            }
            parser.handleBlock(FileBlock.newInstance(header.getType(), ByteString.copyFrom(inflate(blob)),
                    header.getIndexdata()));
        }
        if (!sawHeader) {
            throw new IOException("the file is empty");
        }
        parser.complete();
    }

    private static byte[] readFully(DataInputStream in, int size, String what) throws IOException {
        byte[] bytes = new byte[size];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("the file ends in the middle of a " + what + " (truncated download?)", e);
        }
        return bytes;
    }

    private static byte[] inflate(Fileformat.Blob blob) throws IOException {
        if (blob.hasRaw()) {
            return blob.getRaw().toByteArray();
        }
        if (!blob.hasZlibData()) {
            throw new IOException("a block uses a compression other than zlib, which is not supported");
        }
        byte[] out = new byte[blob.getRawSize()];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().toByteArray());
            int n = inflater.inflate(out);
            if (n != out.length || !inflater.finished()) {
                throw new IOException("a compressed block does not inflate to its stated size");
            }
        } catch (DataFormatException e) {
            throw new IOException("a compressed block is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return out;
    }

    private static final class Parser extends BinaryParser {
        private final OsmSink sink;
        private final Map<String, String> tags = new HashMap<>();

        Parser(OsmSink sink) {
            this.sink = sink;
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            // Streets are ways; relations (routes, multipolygons) do not change the street graph.
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes nodes) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            for (int i = 0; i < nodes.getIdCount(); i++) {
                id += nodes.getId(i);
                lat += nodes.getLat(i);
                lon += nodes.getLon(i);
                sink.node(id, parseLat(lat), parseLon(lon));
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node node : nodes) {
                sink.node(node.getId(), parseLat(node.getLat()), parseLon(node.getLon()));
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            for (Osmformat.Way way : ways) {
                tags.clear();
                for (int i = 0; i < way.getKeysCount(); i++) {
                    tags.put(getStringById(way.getKeys(i)), getStringById(way.getVals(i)));
                }
                long[] refs = new long[way.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += way.getRefs(i);
                    refs[i] = ref;
                }
                sink.way(way.getId(), refs, tags);
            }
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            for (String feature : header.getRequiredFeaturesList()) {
                if (!feature.equals("OsmSchema-V0.6") && !feature.equals("DenseNodes")) {
                    throw new MapReadException("the PBF file needs the unsupported feature '" + feature
                            + "'; convert it with osmium cat to a plain .osm.pbf");
                }
            }
        }

        @Override
        public void complete() {
            // Nothing is buffered.
        }
    }
}
