package dev.rounds.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rounds.network.StreetNetwork;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a report as a GeoJSON FeatureCollection that opens in QGIS: one LineString per street of
 * the report with its figures as properties ({@code kind: "street"}, {@code visits},
 * {@code minutes_spent}, {@code meters_walked}, {@code longest_gap_min}, ...), then one Point per
 * observation ({@code kind: "observation"}, time, patroller, beat, category, note, photo). Foreign
 * members of the collection carry the period, the filters, {@code attribution} for OSM maps,
 * {@code message} when there is no data, {@code observations_by_category} and
 * {@code checkpoint_visits} (by beat and patroller, by status).
 */
public final class GeoJsonReportWriter implements ReportWriter {

    @Override
    public void write(PatrolReport report, OutputStream out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeStringField("from", report.from().toString());
        json.writeStringField("to", report.to().toString());
        if (report.beat() != null) {
            json.writeNumberField("beat", report.beat());
        }
        if (report.patrollerId() != null) {
            json.writeStringField("patroller", report.patrollerId());
            json.writeStringField("patroller_name", report.patrollerName(report.patrollerId()));
        }
        if (report.attribution() != null) {
            json.writeStringField("attribution", report.attribution());
        }
        if (!report.hasData()) {
            json.writeStringField("message", report.noDataMessage());
        }
        writeTallies(json, report);
        json.writeArrayFieldStart("features");
        for (StreetFigures street : report.streets()) {
            writeStreet(json, report.network(), street);
        }
        for (ShiftObservation observation : report.observations()) {
            writeObservation(json, report, observation);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }

    private static void writeTallies(JsonGenerator json, PatrolReport report) throws IOException {
        json.writeObjectFieldStart("observations_by_category");
        for (var category : report.observationsByCategory().entrySet()) {
            json.writeNumberField(category.getKey(), category.getValue());
        }
        json.writeEndObject();
        json.writeArrayFieldStart("checkpoint_visits");
        for (CheckpointFigures c : report.checkpointVisits()) {
            json.writeStartObject();
            json.writeNumberField("beat", c.beat());
            json.writeStringField("patroller", report.patrollerName(c.patrollerId()));
            json.writeStringField("patroller_id", c.patrollerId());
            json.writeNumberField("on_time", c.visits().onTime());
            json.writeNumberField("late", c.visits().late());
            json.writeNumberField("out_of_order", c.visits().outOfOrder());
            json.writeNumberField("visits", c.visits().total());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeObservation(JsonGenerator json, PatrolReport report, ShiftObservation shiftObservation)
            throws IOException {
        ReportObservation observation = shiftObservation.observation();
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        if (observation.hasPosition()) {
            json.writeObjectFieldStart("geometry");
            json.writeStringField("type", "Point");
            json.writeArrayFieldStart("coordinates");
            json.writeNumber(round7(observation.lon()));
            json.writeNumber(round7(observation.lat()));
            json.writeEndArray();
            json.writeEndObject();
        } else {
            json.writeNullField("geometry");
        }
        json.writeObjectFieldStart("properties");
        json.writeStringField("kind", "observation");
        json.writeStringField("time", observation.time().toString());
        json.writeStringField("patroller", report.patrollerName(shiftObservation.patrollerId()));
        json.writeStringField("patroller_id", shiftObservation.patrollerId());
        json.writeNumberField("beat", shiftObservation.beat());
        json.writeStringField("category", observation.category());
        json.writeStringField("note", observation.note());
        json.writeBooleanField("has_photo", observation.hasPhoto());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeStreet(JsonGenerator json, StreetNetwork network, StreetFigures street)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "LineString");
        json.writeArrayFieldStart("coordinates");
        int e = street.edge();
        for (int i = 0; i < network.edgePointCount(e); i++) {
            json.writeStartArray();
            json.writeNumber(round7(network.edgePointLon(e, i)));
            json.writeNumber(round7(network.edgePointLat(e, i)));
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("kind", "street");
        json.writeNumberField("id", e);
        json.writeStringField("name", street.name());
        json.writeNumberField("beat", street.beat());
        json.writeNumberField("length_m", round1(street.lengthMeters()));
        json.writeNumberField("visits", street.visits());
        json.writeNumberField("minutes_spent", round1(ReportText.minutes(street.timeSpent())));
        json.writeNumberField("meters_walked", round1(street.metersWalked()));
        if (street.longestGap() == null) {
            json.writeNullField("longest_gap_min");
        } else {
            json.writeNumberField("longest_gap_min", round1(ReportText.minutes(street.longestGap())));
        }
        json.writeBooleanField("never_visited", street.neverVisited());
        json.writeBooleanField("in_scope", street.inScope());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static double round7(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
