package dev.rounds.network;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads OSM XML (the {@code <osm>} format of the API and of extracts) with StAX into an {@link OsmSink}. */
public final class OsmXmlReader {
    private OsmXmlReader() {
    }

    public static void read(InputStream input, OsmSink sink) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(input);
        try {
            new Parser(xml, sink).run();
        } finally {
            xml.close();
        }
    }

    private static final class Parser {
        private final XMLStreamReader xml;
        private final OsmSink sink;
        private final Map<String, String> tags = new HashMap<>();
        private long[] refs = new long[64];
        private int refCount;
        private long wayId;
        private boolean inWay;
        private boolean sawOsmRoot;

        Parser(XMLStreamReader xml, OsmSink sink) {
            this.xml = xml;
            this.sink = sink;
        }

        void run() throws XMLStreamException {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start(xml.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT && "way".equals(xml.getLocalName())) {
                    sink.way(wayId, java.util.Arrays.copyOf(refs, refCount), tags);
                    inWay = false;
                }
            }
            if (!sawOsmRoot) {
                throw new MapReadException("not OSM XML: the document has no <osm> element");
            }
        }

        private void start(String name) {
            switch (name) {
                case "osm", "osmChange" -> sawOsmRoot = true;
                case "node" -> node();
                case "way" -> {
                    inWay = true;
                    wayId = Long.parseLong(attribute("id"));
                    refCount = 0;
                    tags.clear();
                }
                case "nd" -> {
                    if (inWay) {
                        addRef(Long.parseLong(attribute("ref")));
                    }
                }
                case "tag" -> {
                    if (inWay) {
                        tags.put(attribute("k"), attribute("v"));
                    }
                }
                default -> {
                    // bounds, relation, member and others carry nothing for the street graph
                }
            }
        }

        private void node() {
            String lat = xml.getAttributeValue(null, "lat");
            String lon = xml.getAttributeValue(null, "lon");
            if (lat == null || lon == null) {
                return; // a deleted or redacted node without a position
            }
            sink.node(Long.parseLong(attribute("id")), Double.parseDouble(lat), Double.parseDouble(lon));
        }

        private void addRef(long ref) {
            if (refCount == refs.length) {
                refs = java.util.Arrays.copyOf(refs, refCount * 2);
            }
            refs[refCount++] = ref;
        }

        private String attribute(String name) {
            String value = xml.getAttributeValue(null, name);
            if (value == null) {
                throw new MapReadException("OSM XML element <" + xml.getLocalName() + "> at line "
                        + xml.getLocation().getLineNumber() + " has no '" + name + "' attribute");
            }
            return value;
        }
    }
}
