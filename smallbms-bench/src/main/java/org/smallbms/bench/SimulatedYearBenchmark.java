package org.smallbms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smallbms.core.bms.BmsState;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/**
 * One whole simulated year of the shipped §3.3.1 example at 1 s steps, from a new system, timed as it runs: the
 * figure the target (a year in ≤ 10 s) is about, with every season and the JIT's warm-up in it. Each measured
 * iteration is one year (31 536 000 closed-loop ticks); the warm-up iteration is a year too.
 *
 * <p>With the collector the {@code smallbms} launcher uses (ParallelGC); {@code -jvmArgsAppend -XX:+UseG1GC} measures
 * the JVM's default instead.
 */
@State(Scope.Thread)
@Fork(jvmArgsAppend = "-XX:+UseParallelGC")
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulatedYearBenchmark {

    private static final Simulation.Observer NONE = new Simulation.Observer() {
    };

    private Scenario scenario;
    private SimulatedSystem world;
    private BmsState bms;

    @Setup(Level.Trial)
    public void load() throws ScenarioException {
        scenario = BenchSystems.scenario(BenchSystems.NG_331, 365);
    }

    @Setup(Level.Iteration)
    public void newSystem() {
        world = scenario.newWorld(1);
        bms = scenario.newBms();
    }

    @Benchmark
    public BmsState ng331Year() {
        Instant start = scenario.start();
        return Simulation.run(world, bms, start, Duration.ofDays(365), Duration.ofSeconds(1), NONE);
    }
}
