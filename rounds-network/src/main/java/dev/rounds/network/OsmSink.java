package dev.rounds.network;

import java.util.Map;

/** Receives map elements from a reader, in file order: nodes first, then ways. */
public interface OsmSink {
    void node(long id, double lat, double lon);

    /** A way with its node references in order and its tags (the map is not kept by the sink). */
    void way(long id, long[] nodeRefs, Map<String, String> tags);
}
