package org.smallbms.sim.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The string steps the RC pairs and the direction of the current once for all its cells, and apart only for a cell
 * that carries a current of its own: each of its cells must behave as the reference {@link Cell} stepped on its own
 * with the current it carries, to 1 µV and 1e-9 of SoC (ReferenceCellDifferentialTest draws the sets and profiles at
 * random; these are the cases the string's bookkeeping turns on).
 */
class SeriesCellsTest {

    private static final CellModel DEFAULT = CellModel.of(CellParameterFile.defaults());
    private static final int CELLS = 8;
    /** How close each cell of the string stays to the reference cell stepped alone (issue 20: 1 µV, 1e-9 of SoC). */
    private static final double VOLTS = 1e-6;
    private static final double SOC = 1e-9;

    private static CellVariation[] spread(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CellVariation[] variations = new CellVariation[CELLS];
        for (int i = 0; i < CELLS; i++) {
            variations[i] = new CellVariation(1 + 0.005 * random.nextGaussian(), 1 + 0.02 * random.nextGaussian(),
                    1 + 0.5 * (2 * random.nextDouble() - 1));
        }
        return variations;
    }

    private static Cell[] alone(CellVariation[] variations, double soc) {
        Cell[] cells = new Cell[variations.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Cell(DEFAULT, variations[i], soc, 25);
        }
        return cells;
    }

    private static void assertSame(SeriesCells string, Cell[] cells) {
        for (int i = 0; i < cells.length; i++) {
            assertThat(string.soc(i)).as("SoC of cell %d", i).isCloseTo(cells[i].soc(), within(SOC));
            assertThat(string.hysteresis(i)).as("h of cell %d", i).isCloseTo(cells[i].hysteresis(), within(SOC));
            assertThat(string.sourceVolts(i)).as("source of cell %d", i)
                    .isCloseTo(cells[i].sourceVolts(), within(VOLTS));
            assertThat(string.ohms(i)).as("R0 of cell %d", i).isCloseTo(cells[i].ohms(), within(1e-12));
            assertThat(string.volts(i)).as("volts of cell %d", i).isCloseTo(cells[i].volts(), within(VOLTS));
            assertThat(string.direction(i)).as("direction of cell %d", i).isEqualTo(cells[i].direction());
        }
    }

    @Test
    void step_sameCurrentThroughEveryCell_eachCellAsIfSteppedAlone() {
        CellVariation[] variations = spread(1);
        SeriesCells string = new SeriesCells(DEFAULT, variations, 0.5, 25);
        Cell[] cells = alone(variations, 0.5);
        double loss = 0;
        for (int s = 0; s < 7200; s++) {
            double amps = s % 900 < 450 ? -80 : s % 900 < 600 ? 0 : 60;
            double volts = 0;
            for (Cell cell : cells) {
                double before = cell.lossJoules();
                volts += cell.step(amps, 1);
                loss += cell.lossJoules() - before;
            }
            assertThat(string.step(amps, 1)).isCloseTo(volts, within(CELLS * VOLTS));
        }
        assertSame(string, cells);
        assertThat(string.lossJoules()).isCloseTo(loss, within(Math.abs(loss) * 1e-9));
    }

    @Test
    void ownCurrent_aBleedThenNone_thatCellFollowsItsOwnCurrentAndRejoinsTheString() {
        CellVariation[] variations = spread(2);
        SeriesCells string = new SeriesCells(DEFAULT, variations, 0.9, 25);
        Cell[] cells = alone(variations, 0.9);
        double bleedJoules = 0;
        double loss = 0;
        for (int s = 0; s < 2 * 86_400; s++) {
            boolean bleeding = s < 3600;
            // The bleed reverses the current of cell 3 while the string rests: its hysteresis and M0 turn with it.
            double amps = s < 1800 ? 20 : s < 7200 ? 0 : -10;
            string.setOwnAmps(3, bleeding ? -0.05 : 0);
            string.step(amps, 1);
            for (int i = 0; i < cells.length; i++) {
                double cellAmps = i == 3 && bleeding ? amps - 0.05 : amps;
                double before = cells[i].lossJoules();
                double v = cells[i].step(cellAmps, 1);
                loss += cells[i].lossJoules() - before;
                if (i == 3 && bleeding) {
                    bleedJoules += v * 0.05;
                }
            }
            if (s == 100) {
                assertThat(string.stepOwnJoules()).isPositive();
            }
            // While it bleeds charging, while it bleeds resting, as its RC difference decays, and when it is gone.
            if (s == 1000 || s == 3000 || s == 3750 || s == 5000 || s == 20_000) {
                assertSame(string, cells);
            }
        }
        assertSame(string, cells);
        assertThat(string.soc(3)).isLessThan(string.soc(2) - 0.0004);
        assertThat(bleedJoules).isPositive();
        // The heat, worked out cell by cell while a cell bleeds and from the string's sums otherwise, is the heat of
        // the cells stepped alone.
        assertThat(string.lossJoules()).isCloseTo(loss, within(Math.abs(loss) * 1e-9));
    }

    @Test
    void ownCurrent_cancellingTheStringCurrent_thatCellKeepsItsLastDirectionAfterwards() {
        CellVariation[] variations = spread(6);
        SeriesCells string = new SeriesCells(DEFAULT, variations, 0.5, 25);
        Cell[] cells = alone(variations, 0.5);
        for (int s = 0; s < 20; s++) {
            boolean cancelled = s >= 10;
            double amps = cancelled ? 0.05 : -5;
            string.setOwnAmps(4, cancelled ? -0.05 : 0);
            string.step(amps, 1);
            for (int i = 0; i < cells.length; i++) {
                cells[i].step(i == 4 && cancelled ? 0 : amps, 1);
            }
        }
        assertSame(string, cells);
        // At rest for ten hours: the RC differences are long gone, the directions still differ.
        string.setOwnAmps(4, 0);
        for (int s = 0; s < 36_000; s++) {
            string.step(0, 1);
            for (Cell cell : cells) {
                cell.step(0, 1);
            }
        }
        assertSame(string, cells);
    }

    @Test
    void sourceSum_withOwnCurrents_isTheTheveninSourceOfTheNextStep() {
        SeriesCells string = new SeriesCells(DEFAULT, spread(3), 0.6, 25);
        string.step(-40, 1);
        string.setOwnAmps(1, -0.05);
        string.setOwnAmps(5, 0.5);
        // The string discharged: charging now, M0 turns with the current of this step, not the next.
        double predicted = string.sourceSumVolts() + string.ownSourceVolts() + string.m0SumVolts()
                + string.ohmsSum() * 12;
        double expected = 0;
        for (int i = 0; i < CELLS; i++) {
            double own = i == 1 ? -0.05 : i == 5 ? 0.5 : 0;
            expected += string.sourceVolts(i) + string.m0Volts() + string.ohms(i) * (12 + own);
            assertThat(string.volts(i, 12 + own)).isCloseTo(
                    string.sourceVolts(i) + string.m0Volts() + string.ohms(i) * (12 + own), within(1e-12));
        }
        assertThat(predicted).isCloseTo(expected, within(1e-12));
        assertThat(string.step(12, 1)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void stepOne_chargesOneCellWhileTheOthersRest() {
        CellVariation[] variations = spread(4);
        SeriesCells string = new SeriesCells(DEFAULT, variations, 0.5, 25);
        Cell[] cells = alone(variations, 0.5);
        string.stepOne(2, 10, 3600);
        for (int i = 0; i < CELLS; i++) {
            cells[i].step(i == 2 ? 10 : 0, 3600);
        }
        assertSame(string, cells);
        assertThat(string.soc(2) - string.soc(1)).isCloseTo(0.1 * 0.999, within(0.002));
    }

    @Test
    void setCelsius_coldString_eachCellAsIfSetAlone() {
        CellVariation[] variations = spread(5);
        SeriesCells string = new SeriesCells(DEFAULT, variations, 0.4, 25);
        Cell[] cells = alone(variations, 0.4);
        string.setOwnAmps(0, -0.05);
        string.step(-30, 1);
        cells[0].step(-30.05, 1);
        for (int i = 1; i < CELLS; i++) {
            cells[i].step(-30, 1);
        }
        string.setCelsius(0);
        for (Cell cell : cells) {
            cell.setCelsius(0);
        }
        assertSame(string, cells);
        assertThat(string.ohmsSum()).isGreaterThan(CELLS * 0.0004 * 1.5);
    }

    /**
     * The string reads its cells in one pass and a single cell on request, each finding the grid interval by
     * rounding: anywhere on the grid, on a grid point and at either end, that is the curves' value.
     */
    @Property(tries = 300)
    void reading_anySoc_isTheCurvesValue(@ForAll @DoubleRange(min = 0, max = 1) double soc,
            @ForAll @IntRange(min = 0, max = SocCurve.INTERVALS) int gridPoint,
            @ForAll @DoubleRange(min = -20, max = 55) double celsius) {
        for (double z : new double[] {soc, (double) gridPoint / SocCurve.INTERVALS, Math.nextDown(1.0), 0, 1}) {
            assertReadsTheCurves(z, celsius);
        }
    }

    /** Beside a knot of the OCV table the curve bends: reading the interval next to the right one shows there. */
    @Test
    void reading_besideEachKnotOfTheOcvTable_isTheCurvesValue() {
        for (double knot : DEFAULT.parameters().ocv().row(0).x()) {
            for (double z : new double[] {knot - 0.1 / SocCurve.INTERVALS, knot, knot + 0.1 / SocCurve.INTERVALS}) {
                if (z >= 0 && z <= 1) {
                    assertReadsTheCurves(z, 25);
                }
            }
        }
    }

    /**
     * A cell reads the line of its segment of the curves and finds its next segment only when the string could have
     * moved one of its cells out: through every knot, charging, discharging and at rest, each cell still reads the
     * curves at its own SoC.
     */
    @Test
    void reading_asTheCellsCrossTheKnots_followsTheCurves() {
        SeriesCells string = new SeriesCells(DEFAULT, spread(8), 0.99, 25);
        for (int s = 0; s < 9000; s++) {
            double amps = s < 3400 ? -100 : s < 3500 ? 0 : s < 8000 ? 80 : 20;
            string.step(amps, 1);
            assertFollowsTheCurves(string, s);
        }
        // At rest only self-discharge moves the cells: just above a knot they cross it within a few steps.
        SeriesCells resting = new SeriesCells(DEFAULT, spread(9), 0.05 + 5e-8, 25);
        for (int s = 0; s < 200; s++) {
            resting.step(0, 1);
            assertFollowsTheCurves(resting, s);
        }
        assertThat(resting.soc(0)).isLessThan(0.05);
    }

    private static void assertFollowsTheCurves(SeriesCells string, int step) {
        for (int i = 0; i < CELLS; i++) {
            assertThat(string.ocvVolts(i)).as("OCV of cell %d at SoC %s, step %d", i, string.soc(i), step)
                    .isCloseTo(DEFAULT.ocvVolts(string.soc(i), 25), within(1e-12));
        }
    }

    private static void assertReadsTheCurves(double z, double celsius) {
        SeriesCells cell = new SeriesCells(DEFAULT, new CellVariation[] {CellVariation.NONE}, z, celsius);
        double ocv = DEFAULT.ocvVolts(z, celsius);
        double r0 = DEFAULT.parameters().r0Ohms().at(celsius) * DEFAULT.r0SocFactor().at(z)
                * DEFAULT.parameters().temperatureScaling().factor(celsius + 273.15);
        assertThat(cell.ocvVolts(0)).as("OCV at SoC %s", z).isCloseTo(ocv, within(1e-12));
        assertThat(cell.ohms(0)).as("R0 at SoC %s", z).isCloseTo(r0, within(1e-15));
        // At rest, with no history, the one pass reads the cell at its OCV, and its sums are that cell's.
        assertThat(cell.volts(0)).isCloseTo(ocv, within(1e-12));
        assertThat(cell.sourceSumVolts()).isCloseTo(ocv, within(1e-12));
        assertThat(cell.ohmsSum()).isCloseTo(r0, within(1e-15));
    }

    /**
     * The pass over the cells stores only each cell's voltage; its sums must be those of the cells read one at a time,
     * while every cell carries the string's current and while some carry currents of their own.
     */
    @Test
    void sums_ofThePass_areThoseOfTheCellsReadOneByOne() {
        SeriesCells string = new SeriesCells(DEFAULT, spread(7), 0.97, 25);
        for (int s = 0; s < 600; s++) {
            boolean own = s >= 200 && s < 400;
            string.setOwnAmps(2, own ? -0.05 : 0);
            string.setOwnAmps(6, own ? -0.05 : 0);
            double amps = s < 300 ? 30 : -5;
            string.step(amps, 1);
            double volts = 0;
            double source = 0;
            double ohms = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < CELLS; i++) {
                double cellAmps = own && (i == 2 || i == 6) ? amps - 0.05 : amps;
                assertThat(string.direction(i)).isEqualTo(Math.signum(cellAmps));
                assertThat(string.volts(i)).as("cell %d at step %d", i, s).isCloseTo(string.sourceVolts(i)
                        + string.m0Volts() * Math.signum(cellAmps) + string.ohms(i) * cellAmps, within(1e-12));
                assertThat(string.volts(i, cellAmps)).isCloseTo(string.volts(i), within(1e-12));
                volts += string.volts(i);
                source += string.sourceVolts(i);
                ohms += string.ohms(i);
                min = Math.min(min, string.volts(i));
                max = Math.max(max, string.volts(i));
            }
            assertThat(string.voltsSum()).as("step %d", s).isCloseTo(volts, within(1e-12));
            assertThat(string.sourceSumVolts()).isCloseTo(source, within(1e-12));
            assertThat(string.ohmsSum()).isCloseTo(ohms, within(1e-15));
            assertThat(string.minVolts()).isEqualTo(min);
            assertThat(string.maxVolts()).isEqualTo(max);
        }
    }

    @Test
    void constructionAndOwnCurrent_outOfRange_areRefused() {
        assertThatThrownBy(() -> new SeriesCells(DEFAULT, new CellVariation[0], 0.5, 25))
                .hasMessageContaining("at least one cell");
        assertThatThrownBy(() -> new SeriesCells(DEFAULT, spread(1), 1.2, 25)).hasMessageContaining("SoC 0..1");
        SeriesCells string = new SeriesCells(DEFAULT, spread(1), 0.5, 25);
        assertThatThrownBy(() -> string.setOwnAmps(0, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> string.step(1, 0)).hasMessageContaining("positive, finite");
    }
}
