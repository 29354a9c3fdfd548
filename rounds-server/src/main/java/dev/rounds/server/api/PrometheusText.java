package dev.rounds.server.api;

import dev.rounds.ingest.StageStats;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes counters in the Prometheus text exposition format (version 0.0.4). */
final class PrometheusText {
    private final StringBuilder text = new StringBuilder();

    static String render(List<StageStats> stages, Map<String, Long> deviceCounters) {
        PrometheusText out = new PrometheusText();
        out.family("rounds_ingest_passed_total", "counter", "Pings a pipeline stage passed on.");
        stages.forEach(s -> out.sample("rounds_ingest_passed_total", "stage=\"" + s.stage() + "\"", s.passed()));
        out.family("rounds_ingest_dropped_total", "counter", "Pings or messages a stage dropped, by reason.");
        stages.forEach(s -> s.droppedByReason().forEach((reason, count) ->
                out.sample("rounds_ingest_dropped_total", "stage=\"" + s.stage() + "\",reason=\"" + reason + "\"", count)));
        out.family("rounds_ingest_stage_seconds", "summary", "Time spent in each stage per batch.");
        stages.forEach(s -> {
            out.sample("rounds_ingest_stage_seconds_sum", "stage=\"" + s.stage() + "\"", s.totalNanos() / 1e9);
            out.sample("rounds_ingest_stage_seconds_count", "stage=\"" + s.stage() + "\"", s.batches());
        });
        out.family("rounds_ingest_stage_events_total", "counter", "Stage-specific events, e.g. late pings.");
        stages.forEach(s -> s.extra().forEach((name, count) ->
                out.sample("rounds_ingest_stage_events_total", "stage=\"" + s.stage() + "\",event=\"" + name + "\"", count)));
        out.family("rounds_device_requests_refused_total", "counter", "Device requests refused before the pipeline.");
        deviceCounters.forEach((reason, count) ->
                out.sample("rounds_device_requests_refused_total", "reason=\"" + reason + "\"", count));
        return out.text.toString();
    }

    private void family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String labels, double value) {
        text.append(name).append('{').append(labels).append("} ")
                .append(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                        : String.format(Locale.ROOT, "%.9f", value))
                .append('\n');
    }
}
