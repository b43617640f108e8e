package org.smallbms.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smallbms.sim.cell.ByTemperature;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.fit.CellFit;
import org.smallbms.sim.cell.fit.LabData;
import org.smallbms.sim.cell.fit.Replay;
import org.smallbms.sim.cell.fit.SyntheticTest;

/**
 * {@code cell fit} and the replay of its result on a 10-hour dynamic test at 1 s (36,000 rows; targets: fit ≤ 30 s,
 * replay ≤ 1 s plus the JVM's start): the synthetic test of {@link SyntheticTest#lab} of a cell unlike the shipped
 * set, fitted from the shipped set with two RC pairs, as {@code CellFitTest} fits it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CellFitBenchmark {

    private LabData data;
    private CellParameters start;
    private CellModel fitted;

    @Setup
    public void setUp() {
        CellParameters shipped = CellParameterFile.defaults();
        CellParameters truth = new CellParameters(shipped.name(), shipped.capacityAmpHours(), shipped.ocv(),
                ByTemperature.of(0.00045), shipped.r0SocFactor(), ByTemperature.of(0.0003), ByTemperature.of(20),
                ByTemperature.of(0.0005), ByTemperature.of(600), shipped.temperatureScaling(),
                shipped.hysteresisVolts().timesY(1.4), ByTemperature.of(0.002), ByTemperature.of(120),
                shipped.coulombicEfficiency(), shipped.selfDischargePerMonth(), shipped.selfDischargeDoublingKelvin(),
                shipped.convention());
        data = SyntheticTest.lab(36_000).record(CellModel.of(truth), 25, 0.9, 7).withRestBelow(0.5);
        start = shipped;
        fitted = CellModel.of(fit().parameters());
    }

    /** One temperature of a 10-hour test, fitted from the shipped set. */
    @Benchmark
    public CellFit.Result fit() {
        return CellFit.fit(start, data, new CellFit.Options(25, 0.9, 2, 0.1, 0.95));
    }

    /** The fitted cell replayed through the same 10 hours. */
    @Benchmark
    public Replay replay() {
        return Replay.of(fitted, data, 0.9);
    }
}
