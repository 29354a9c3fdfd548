package dev.rounds.server.patrol;

import dev.rounds.storage.Observation;
import java.util.LinkedHashMap;
import java.util.Map;

/** An observation as the API, the live map and the live events show it. */
public final class ObservationView {
    private ObservationView() {
    }

    public static Map<String, Object> of(Observation o, String patrollerName) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", o.id());
        view.put("shiftId", o.shiftId());
        view.put("patrollerId", o.patrollerId());
        view.put("patrollerName", patrollerName);
        view.put("category", o.category());
        view.put("note", o.note());
        view.put("lat", o.lat());
        view.put("lon", o.lon());
        view.put("observedAt", o.observedAt().toString());
        view.put("hasPhoto", o.hasPhoto());
        return view;
    }
}
