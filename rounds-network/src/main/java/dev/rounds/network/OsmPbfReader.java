package dev.rounds.network;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads OpenStreetMap PBF ({@code .osm.pbf}) into an {@link OsmSink}; relations are ignored. */
public final class OsmPbfReader {
    private OsmPbfReader() {
    }

    public static void read(InputStream input, OsmSink sink) throws IOException {
        try (BlockInputStream blocks = new BlockInputStream(input, new Parser(sink))) {
            blocks.process();
        }
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
