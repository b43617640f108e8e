package org.smallbms.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.cell.SeriesCells;

/**
 * One 1 s step of the largest 24 V bank TOP-03 allows: 50 Lithium NG 25.6 V/200 Ah in parallel, 400 cells (target
 * ≤ 5 µs): the electrical solution, every cell, the thermal bodies, the monitors and the balancers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BankStepBenchmark {

    private BatteryBank bank;
    private SeriesCells probe;
    private double amps;

    @Setup
    public void setUp() {
        bank = BatteryBank.uniform(BatteryModel.NG_25V6_200AH, 1, 50, 1, 0.5, 25, "HQ");
        probe = bank.batteries().get(0).cells();
        amps = -2000;
    }

    /** Cycles between 20 and 80 % SoC at 0.2C so the state stays in range however long JMH runs. */
    @Benchmark
    public double step() {
        double soc = probe.soc(0);
        if (soc < 0.2) {
            amps = 2000;
        } else if (soc > 0.8) {
            amps = -2000;
        }
        bank.step(amps, 1);
        return bank.stepVolts();
    }
}
