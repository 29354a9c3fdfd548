package dev.rounds.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explicit, ordered ingest pipeline: messages are decoded, then each batch of pings runs
 * through the stages in the order given, each stage counting what it passes and drops.
 *
 * <p>Batches are processed one at a time (this method is synchronized), so pings of one device are
 * handled in arrival order and stages need no locking of their own. A stage that throws fails the
 * whole batch: nothing is reported accepted and no stage's {@link PingStage#committed} runs.
 */
public final class IngestPipeline {
    /** The name under which decoding is counted. */
    public static final String DECODE_STAGE = "decode";

    private final List<PingStage> stages;
    private final StageCounters decodeCounters = new StageCounters(DECODE_STAGE);
    private final Map<String, StageCounters> counters = new LinkedHashMap<>();

    /** A pipeline running the stages in this order; stage names must be distinct. */
    public IngestPipeline(List<PingStage> stages) {
        this.stages = List.copyOf(stages);
        for (PingStage stage : this.stages) {
            if (stage.name().equals(DECODE_STAGE) || counters.put(stage.name(), new StageCounters(stage.name())) != null) {
                throw new IllegalArgumentException("duplicate stage name '" + stage.name() + "'");
            }
        }
    }

    /**
     * Decodes a device request, counting decoded pings and refusals.
     *
     * @throws MessageRefusedException when the decoder refuses the message
     */
    public DecodedMessage decode(PingDecoder decoder, DeviceRequest request) {
        long start = System.nanoTime();
        try {
            DecodedMessage message = decoder.decode(request);
            decodeCounters.record(message.pings().size(), List.of(), System.nanoTime() - start);
            return message;
        } catch (MessageRefusedException e) {
            decodeCounters.record(0, List.of(e.reason()), System.nanoTime() - start);
            throw e;
        }
    }

    /** Runs a batch through every stage; returns once the accepted pings are stored and published. */
    public synchronized IngestResult submit(List<Ping> pings) {
        List<Ping> current = pings;
        List<IngestResult.StageDrop> drops = new ArrayList<>();
        for (PingStage stage : stages) {
            long start = System.nanoTime();
            StageOutcome outcome = current.isEmpty() ? StageOutcome.passAll(current) : stage.apply(current);
            counters.get(stage.name()).record(outcome.passed().size(),
                    outcome.dropped().stream().map(Drop::reason).toList(), System.nanoTime() - start);
            outcome.dropped().forEach(drop -> drops.add(new IngestResult.StageDrop(stage.name(), drop)));
            current = outcome.passed();
        }
        for (PingStage stage : stages) {
            stage.committed(current);
        }
        return new IngestResult(current, drops);
    }

    /** The stage names in order, starting with {@code decode}. */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        names.add(DECODE_STAGE);
        stages.forEach(stage -> names.add(stage.name()));
        return names;
    }

    /** Counters of every stage, in pipeline order, starting with decoding. */
    public List<StageStats> stats() {
        List<StageStats> stats = new ArrayList<>();
        stats.add(decodeCounters.snapshot(Map.of()));
        for (PingStage stage : stages) {
            stats.add(counters.get(stage.name()).snapshot(stage.extraCounts()));
        }
        return stats;
    }
}
