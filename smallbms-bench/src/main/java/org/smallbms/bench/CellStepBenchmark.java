package org.smallbms.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smallbms.sim.cell.Cell;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellVariation;
import org.smallbms.sim.cell.FastCell;
import org.smallbms.sim.cell.SeriesCells;

/**
 * One cell step of 1 s: the cost of the ESC model per cell (target ≤ 5 ns), for the cells of one battery stepped as
 * a battery steps them ({@code batteryCells}: a {@link SeriesCells} string of 16 cells with a manufacturing spread,
 * reported per cell), for a cell stepped on its own ({@code step}: a {@link FastCell}, a string of one, as
 * {@code cell replay} steps it by default and {@code cell fit} replays it), and for the reference {@link Cell} that
 * is the others' oracle ({@code referenceStep}: what {@code cell replay --model reference} costs, every figure looked
 * up in every step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CellStepBenchmark {

    /** The cells of a 51.2 V battery, the most a Lithium NG holds. */
    private static final int BATTERY_CELLS = 16;

    private FastCell cell;
    private double amps;
    private Cell reference;
    private double referenceAmps;
    private SeriesCells battery;
    private double batteryAmps;

    @Setup
    public void setUp() {
        CellModel model = CellModel.of(CellParameterFile.defaults());
        cell = new FastCell(model, CellVariation.NONE, 0.5, 25);
        amps = -50;
        reference = new Cell(model, CellVariation.NONE, 0.5, 25);
        referenceAmps = -50;
        SplittableRandom random = new SplittableRandom(1);
        CellVariation[] variations = new CellVariation[BATTERY_CELLS];
        for (int i = 0; i < variations.length; i++) {
            variations[i] = new CellVariation(1 + 0.005 * random.nextGaussian(), 1 + 0.02 * random.nextGaussian(),
                    1 + 0.5 * (2 * random.nextDouble() - 1));
        }
        battery = new SeriesCells(model, variations, 0.5, 25);
        batteryAmps = -50;
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

    /** The same cycle for the reference cell. */
    @Benchmark
    public double referenceStep() {
        double soc = reference.soc();
        if (soc < 0.2) {
            referenceAmps = 50;
        } else if (soc > 0.8) {
            referenceAmps = -50;
        }
        return reference.step(referenceAmps, 1);
    }

    /** The same cycle for the cells of one battery, each stepped once per call; the score is per cell. */
    @Benchmark
    @OperationsPerInvocation(BATTERY_CELLS)
    public double batteryCells() {
        double soc = battery.soc(0);
        if (soc < 0.2) {
            batteryAmps = 50;
        } else if (soc > 0.8) {
            batteryAmps = -50;
        }
        return battery.step(batteryAmps, 1);
    }
}
