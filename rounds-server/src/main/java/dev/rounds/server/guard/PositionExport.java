package dev.rounds.server.guard;

import dev.rounds.ingest.Ping;
import dev.rounds.storage.StoredPing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A patroller's own positions as JSON rows, CSV or GPX, for them to keep. */
final class PositionExport {
    private PositionExport() {
    }

    static Map<String, Object> view(StoredPing stored) {
        Ping p = stored.ping();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("shiftId", stored.shiftId());
        view.put("time", p.fixTime().toString());
        view.put("lat", p.latitude());
        view.put("lon", p.longitude());
        view.put("accuracyMeters", p.accuracyMeters());
        view.put("speedMetersPerSecond", p.speedMetersPerSecond());
        view.put("device", p.deviceId());
        return view;
    }

    static String csv(List<StoredPing> pings) {
        StringBuilder out = new StringBuilder("shift_id,time,lat,lon,accuracy_m,speed_mps,device\n");
        for (StoredPing stored : pings) {
            Ping p = stored.ping();
            out.append(stored.shiftId()).append(',').append(p.fixTime()).append(',')
                    .append(number(p.latitude())).append(',').append(number(p.longitude())).append(',')
                    .append(p.accuracyMeters() == null ? "" : number(p.accuracyMeters())).append(',')
                    .append(p.speedMetersPerSecond() == null ? "" : number(p.speedMetersPerSecond())).append(',')
                    .append(csvField(p.deviceId())).append('\n');
        }
        return out.toString();
    }

    static String gpx(List<StoredPing> pings) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<gpx version=\"1.1\" creator=\"Rounds\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
        long shift = Long.MIN_VALUE;
        for (StoredPing stored : pings) {
            if (stored.shiftId() != shift) {
                if (shift != Long.MIN_VALUE) {
                    out.append("</trkseg></trk>\n");
                }
                shift = stored.shiftId();
                out.append("<trk><name>shift ").append(shift).append("</name><trkseg>\n");
            }
            Ping p = stored.ping();
            out.append("<trkpt lat=\"").append(number(p.latitude())).append("\" lon=\"").append(number(p.longitude()))
                    .append("\"><time>").append(p.fixTime()).append("</time></trkpt>\n");
        }
        if (shift != Long.MIN_VALUE) {
            out.append("</trkseg></trk>\n");
        }
        return out.append("</gpx>\n").toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.7f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
