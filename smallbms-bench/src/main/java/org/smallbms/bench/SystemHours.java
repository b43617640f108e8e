package org.smallbms.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntToLongFunction;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * One of the benchmark systems, run a number of simulated hours at a time at 1 s steps, each run continuing from the
 * last. Its only type across a class loader is the JDK's {@link IntToLongFunction}, so that {@link Alternate} can
 * run two builds of it side by side in one JVM.
 */
public final class SystemHours implements IntToLongFunction {

    private static final Simulation.Observer NONE = new Simulation.Observer() {
    };
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SimulatedSystem world;
    private BmsState bms;
    private Instant now;

    /** @param system {@code ng331} or {@code bank50}, from a new system */
    public SystemHours(String system) throws ScenarioException {
        Scenario scenario = BenchSystems.scenario(system, 3650);
        world = scenario.newWorld(1);
        bms = scenario.newBms();
        now = scenario.start();
    }

    /** Runs the next {@code hours} simulated hours; returns the CPU time they took this thread, in nanoseconds. */
    @Override
    public long applyAsLong(int hours) {
        long start = THREADS.getCurrentThreadCpuTime();
        Duration span = Duration.ofHours(hours);
        bms = Simulation.run(world, bms, now, span, Duration.ofSeconds(1), NONE);
        now = now.plus(span);
        return THREADS.getCurrentThreadCpuTime() - start;
    }
}
