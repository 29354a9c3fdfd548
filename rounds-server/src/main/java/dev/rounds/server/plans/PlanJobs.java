package dev.rounds.server.plans;

import dev.rounds.beats.BeatPlan;
import dev.rounds.beats.BeatPlanner;
import dev.rounds.feasibility.FeasibilityAnswer;
import dev.rounds.feasibility.FeasibilityCheck;
import dev.rounds.feasibility.ShiftRules;
import dev.rounds.feasibility.Target;
import dev.rounds.network.ProgressListener;
import dev.rounds.network.StreetNetwork;
import dev.rounds.server.web.ApiError;
import dev.rounds.storage.Area;
import dev.rounds.storage.RoundsStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs planning in the background, one plan at a time, with progress that the plan page polls; and
 * keeps finished plans (stored as plan versions) ready in memory.
 */
public final class PlanJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanJobs.class);
    private final RoundsStore store;
    private final AreaCatalog areas;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rounds-planner");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, PlannedArea> plans = new ConcurrentHashMap<>();
    private final AtomicLong nextJob = new AtomicLong(1);

    public PlanJobs(RoundsStore store, AreaCatalog areas) {
        this.store = store;
        this.areas = areas;
    }

    /** One planning run and how far it has got. */
    public static final class Job implements ProgressListener {
        final long id;
        volatile String state = "running";
        volatile String stage = "waiting";
        volatile double percent;
        volatile String error;
        volatile String planId;

        Job(long id) {
            this.id = id;
        }

        public long id() {
            return id;
        }

        @Override
        public void progress(String what, long done, long total) {
            stage = what;
            percent = total > 0 ? Math.min(100, 100.0 * done / total) : percent;
        }
    }

    /** Starts planning an area; the request is checked before the job is queued. */
    public Job start(long areaId, PlanRequest request) {
        Area area = areas.area(areaId);
        StreetNetwork network = areas.network(areaId);
        request.checked(network.edgeCount());
        ShiftRules rules = request.rules();
        Target target = request.target();
        Job job = new Job(nextJob.getAndIncrement());
        jobs.put(job.id, job);
        worker.submit(() -> run(job, area, network, request, rules, target));
        return job;
    }

    private void run(Job job, Area area, StreetNetwork network, PlanRequest request, ShiftRules rules, Target target) {
        try {
            BeatPlanner planner = new BeatPlanner(network, job);
            BeatPlan plan;
            FeasibilityAnswer answer = null;
            if (target == null) {
                plan = planner.plan(request.patrollers(), request.seedOrDefault());
            } else {
                FeasibilityCheck check = new FeasibilityCheck(planner, rules, request.seedOrDefault());
                if (check.isImpossible(target)) {
                    throw new IllegalArgumentException(check.impossibility(target));
                }
                plan = check.smallestPlan(target, job)
                        .orElseThrow(() -> new IllegalArgumentException(check.impossibility(target)));
                answer = check.assess(plan, target, job);
            }
            job.stage = "saving";
            int version = store.savePlanVersion(area.id(), PlannedArea.storedJson(network, plan, rules, answer, request));
            PlannedArea planned = PlannedArea.of(area.id(), version, area.name(), network, plan, rules, answer);
            plans.put(planned.planId(), planned);
            job.planId = planned.planId();
            job.percent = 100;
            job.state = "done";
        } catch (IllegalArgumentException e) {
            job.error = e.getMessage();
            job.state = "failed";
        } catch (RuntimeException e) {
            LOG.error("planning job {} for area {} failed", job.id, area.id(), e);
            job.error = "planning failed unexpectedly; the server log has the details";
            job.state = "failed";
        }
    }

    /**
     * Waits for a job and returns its plan, telling {@code progress} how far it has got.
     *
     * @throws IllegalArgumentException when planning failed (its message says why)
     * @throws IllegalStateException when it took longer than {@code timeout}
     */
    public PlannedArea await(long jobId, java.time.Duration timeout, ProgressListener progress)
            throws InterruptedException {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new IllegalArgumentException("no planning job " + jobId);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while ("running".equals(job.state)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("planning job " + jobId + " did not finish within " + timeout);
            }
            progress.progress("planning: " + job.stage, Math.round(job.percent), 100);
            Thread.sleep(100);
        }
        if (!"done".equals(job.state)) {
            throw new IllegalArgumentException("planning failed: " + job.error);
        }
        return plan(job.planId);
    }

    /** A job's state as the plan page reads it. */
    public Map<String, Object> status(long jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw ApiError.notFound("no planning job " + jobId);
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", job.id);
        status.put("state", job.state);
        status.put("stage", job.stage);
        status.put("percent", job.percent);
        status.put("error", job.error);
        status.put("result", job.planId == null ? null : plan(job.planId).summary());
        return status;
    }

    /** A finished plan by id ({@code area-version}), rebuilt from storage when needed; or a 404. */
    public PlannedArea plan(String planId) {
        return find(planId).orElseThrow(() -> ApiError.notFound("no plan '" + planId
                + "': plan ids look like 3-2 (area 3, version 2)"));
    }

    /** A finished plan by id, if it exists. */
    public Optional<PlannedArea> find(String planId) {
        PlannedArea cached = plans.get(planId);
        if (cached != null) {
            return Optional.of(cached);
        }
        String[] parts = planId.split("-");
        if (parts.length != 2) {
            return Optional.empty();
        }
        long areaId;
        int version;
        try {
            areaId = Long.parseLong(parts[0]);
            version = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return store.planVersion(areaId, version).map(json -> {
            Area area = areas.area(areaId);
            PlannedArea planned = PlannedArea.fromStored(areaId, version, area.name(), areas.network(areaId), json);
            plans.put(planId, planned);
            return planned;
        });
    }

    /** Plans made in memory (the demo) are kept like finished jobs. */
    public PlannedArea remember(PlannedArea planned) {
        plans.put(planned.planId(), planned);
        return planned;
    }

    /** The stored JSON of a plan, for plan.json. */
    public String storedJson(String planId) {
        PlannedArea planned = plan(planId);
        return store.planVersion(planned.areaId(), planned.version()).map(PlannedArea::prettyStored)
                .orElseThrow(() -> ApiError.notFound("plan " + planId + " is not stored"));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
