package org.smallbms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * One simulated hour of a whole system at 1 s steps (3600 closed-loop ticks: sense, BMS step, drive, advance, the
 * simulation's events and commands), continuing from the previous hour, so the state cycles through days and nights.
 * Simulated seconds per wall second = 3600 / (seconds per op).
 *
 * <ul>
 *   <li>{@code ng331}: the shipped §3.3.1 example, one 12.8 V/100 Ah battery (target: a year in ≤ 10 s);</li>
 *   <li>{@code bank50}: the same system on the largest 24 V bank, 50 × Lithium NG 25.6 V/200 Ah in parallel
 *       (target: a year in ≤ 5 min).</li>
 * </ul>
 *
 * <p>With the collector the {@code smallbms} launcher uses (ParallelGC); {@code -jvmArgsAppend -XX:+UseG1GC} measures
 * the JVM's default instead.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "-XX:+UseParallelGC")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SystemSimulationBenchmark {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Simulation.Observer NONE = new Simulation.Observer() {
    };

    @Param({"ng331", "bank50"})
    public String system;

    private SimulatedSystem world;
    private BmsState bms;
    private Instant now;

    @Setup
    public void setUp() throws ScenarioException {
        Scenario scenario = BenchSystems.scenario(system, 365);
        world = scenario.newWorld(1);
        bms = scenario.newBms();
        now = scenario.start();
    }

    @Benchmark
    public BmsState simulatedHour() {
        bms = Simulation.run(world, bms, now, HOUR, Duration.ofSeconds(1), NONE);
        now = now.plus(HOUR);
        return bms;
    }
}
