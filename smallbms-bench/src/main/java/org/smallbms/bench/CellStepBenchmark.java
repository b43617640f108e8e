package org.smallbms.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smallbms.sim.cell.Cell;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellVariation;

/** One cell step of 1 s: the cost of the ESC model per cell (target ≤ 5 ns). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CellStepBenchmark {

    private Cell cell;
    private double amps;

    @Setup
    public void setUp() {
        cell = new Cell(CellModel.of(CellParameterFile.defaults()), CellVariation.NONE, 0.5, 25);
        amps = -50;
    }

    /** Cycles between 20 and 80 % SoC at 0.5C so the state stays in range however long JMH runs. */
    @Benchmark
    public double step() {
        double soc = cell.soc();
        if (soc < 0.2) {
            amps = 50;
        } else if (soc > 0.8) {
            amps = -50;
        }
        return cell.step(amps, 1);
    }
}
