package dev.rounds.server.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rounds.beats.Beat;
import dev.rounds.beats.BeatPlan;
import dev.rounds.export.PlanFiles;
import dev.rounds.feasibility.FeasibilityAnswer;
import dev.rounds.feasibility.ShiftRules;
import dev.rounds.network.StreetNetwork;
import dev.rounds.rounds.Round;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan of an area as the server keeps it: the network, the beats with their rounds, the shift
 * rules and the feasibility answer in words. Stored as the plan's JSON (the same figures as
 * {@code plan.json}) plus the beat of every edge, from which it is rebuilt after a restart.
 */
public final class PlannedArea {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long areaId;
    private final int version;
    private final String areaName;
    private final StreetNetwork network;
    private final BeatPlan plan;
    private final ShiftRules rules;
    private final String answerText;
    private final Boolean meets;

    private PlannedArea(long areaId, int version, String areaName, StreetNetwork network, BeatPlan plan,
            ShiftRules rules, String answerText, Boolean meets) {
        this.areaId = areaId;
        this.version = version;
        this.areaName = areaName;
        this.network = network;
        this.plan = plan;
        this.rules = rules;
        this.answerText = answerText;
        this.meets = meets;
    }

    /** The JSON to store for a freshly made plan. */
    static String storedJson(StreetNetwork network, BeatPlan plan, ShiftRules rules, FeasibilityAnswer answer,
            PlanRequest request) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PlanFiles(network, plan, rounds(plan), rules).writePlan(out, answer);
            ObjectNode root = (ObjectNode) JSON.readTree(out.toByteArray());
            root.put("summary_text", answer != null ? answer.text() : sentence(plan, rules));
            root.set("request", JSON.valueToTree(request));
            ArrayNode beats = root.putArray("beat_of_edge");
            for (int b : plan.beatOfEdge()) {
                beats.add(b);
            }
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebuilds a stored plan on its network. */
    static PlannedArea fromStored(long areaId, int version, String areaName, StreetNetwork network, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode beatsNode = root.path("beat_of_edge");
            int[] beatOfEdge = new int[beatsNode.size()];
            for (int i = 0; i < beatOfEdge.length; i++) {
                beatOfEdge[i] = beatsNode.get(i).asInt();
            }
            BeatPlan plan = BeatPlan.of(network, beatOfEdge, root.path("seed").asLong(1));
            JsonNode r = root.path("rules");
            ShiftRules rules = new ShiftRules(Duration.ofMillis(Math.round(r.path("shift_hours").asDouble(8) * 3_600_000)),
                    r.path("available").asDouble(0.8), r.path("speed_kmh").asDouble(4));
            JsonNode feasibility = root.path("feasibility");
            Boolean meets = feasibility.has("meets") ? feasibility.get("meets").asBoolean() : null;
            return new PlannedArea(areaId, version, areaName, network, plan, rules, root.path("summary_text").asText(),
                    meets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the demo and tests: a plan made in memory, stored as version {@code version}. */
    static PlannedArea of(long areaId, int version, String areaName, StreetNetwork network, BeatPlan plan,
            ShiftRules rules, FeasibilityAnswer answer) {
        return new PlannedArea(areaId, version, areaName, network, plan, rules,
                answer != null ? answer.text() : sentence(plan, rules), answer == null ? null : answer.meets());
    }

    /** What a plan for K patrollers allows, in words, when no target was asked. */
    static String sentence(BeatPlan plan, ShiftRules rules) {
        Duration longest = rules.roundTime(plan.longestRoundMeters());
        int rounds = rules.roundsPerShift(plan.longestRoundMeters());
        return String.format(Locale.ROOT, "With %d patrollers the longest round takes %.0f min, so %d %s in "
                + "%.1f available hours of a %.1f h shift; every street is revisited within %.0f min.",
                plan.beatCount(), longest.toMillis() / 60_000.0, rounds, rounds == 1 ? "round fits" : "rounds fit",
                rules.availableTime().toMillis() / 3_600_000.0,
                rules.shift().toMillis() / 3_600_000.0, longest.toMillis() / 60_000.0);
    }

    static List<Round> rounds(BeatPlan plan) {
        List<Round> rounds = new ArrayList<>();
        for (Beat beat : plan.beats()) {
            rounds.add(beat.round());
        }
        return rounds;
    }

    public String planId() {
        return areaId + "-" + version;
    }

    public long areaId() {
        return areaId;
    }

    public int version() {
        return version;
    }

    public String areaName() {
        return areaName;
    }

    public StreetNetwork network() {
        return network;
    }

    public BeatPlan plan() {
        return plan;
    }

    public ShiftRules rules() {
        return rules;
    }

    public String answerText() {
        return answerText;
    }

    /** The exports of this plan. */
    public PlanFiles files() {
        return new PlanFiles(network, plan, rounds(plan), rules);
    }

    /** Round time of a beat. */
    public Duration roundTime(int beat) {
        return rules.roundTime(plan.beat(beat).roundLengthMeters());
    }

    /** The figures the plan page shows. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("planId", planId());
        summary.put("areaId", areaId);
        summary.put("version", version);
        summary.put("area", areaName);
        Map<String, Object> feasibility = new LinkedHashMap<>();
        feasibility.put("text", answerText);
        feasibility.put("meets", meets);
        summary.put("feasibility", feasibility);
        List<Map<String, Object>> beats = new ArrayList<>();
        for (Beat beat : plan.beats()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("beat", beat.index());
            b.put("streets", beat.edges().length);
            b.put("streetMeters", beat.streetLengthMeters());
            b.put("roundMeters", beat.roundLengthMeters());
            b.put("deadheadShare", beat.deadheadShare());
            b.put("roundMinutes", rules.roundTime(beat.roundLengthMeters()).toMillis() / 60_000.0);
            b.put("roundsPerShift", rules.roundsPerShift(beat.roundLengthMeters()));
            beats.add(b);
        }
        summary.put("beats", beats);
        summary.put("longestRoundMinutes", rules.roundTime(plan.longestRoundMeters()).toMillis() / 60_000.0);
        summary.put("lowerBoundMinutes", rules.roundTime(plan.lowerBoundMeters()).toMillis() / 60_000.0);
        summary.put("balance", plan.balance());
        summary.put("attribution", network.attribution());
        return summary;
    }

    /** The stored JSON's text, for plan.json downloads. */
    static String prettyStored(String json) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json.getBytes(StandardCharsets.UTF_8));
            root.remove("beat_of_edge");
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
