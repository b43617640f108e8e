package org.smallbms.sim.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast string against the reference: random parameter sets (plain figures and tables over temperature, one OCV
 * table with dOCV/dT or several, one or two RC pairs, the Arrhenius law or a ratio table, both hysteresis
 * conventions), random cells of a string (capacity, R0 and self-discharge spread), random profiles (rest, charge,
 * discharge, turning, currents below the ESC convention's Q/100, step lengths from 0.1 to 60 s, the temperature
 * moving), and in this simulation's convention a cell with a current of its own (a balancer's bleed, a cell charger).
 * Each cell of the {@link SeriesCells} string must read as a {@link Cell} stepped alone with the current it carries:
 * to 1 µV in every voltage and 1e-9 in SoC, at every step of the profile.
 */
class ReferenceCellDifferentialTest {

    private static final double VOLTS = 1e-6;
    private static final double SOC = 1e-9;

    @Property(tries = 150)
    @Label("the fast string steps every cell as the reference cell: to 1 µV and 1e-9 of SoC, any set, profile, "
            + "temperature and spread (docs/cell-model.md)")
    void seriesCells_anyParametersAndProfile_withinAMicrovoltAndANanoSocOfTheReference(
            @ForAll("parameters") CellParameters parameters,
            @ForAll("variations") List<CellVariation> variations,
            @ForAll("segments") List<Segment> profile,
            @ForAll("starts") Start start) {
        CellModel model = CellModel.of(parameters);
        CellVariation[] spread = variations.toArray(CellVariation[]::new);
        SeriesCells string = new SeriesCells(model, spread, start.soc(), start.celsius());
        Cell[] cells = new Cell[spread.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Cell(model, spread[i], start.soc(), start.celsius());
        }
        string.setDynamicState(start.hysteresis(), start.rc1Amps(), start.rc2Amps());
        for (Cell cell : cells) {
            cell.setDynamicState(start.hysteresis(), start.rc1Amps(), start.rc2Amps());
        }
        assertAlike(string, cells, "at the start");
        // A cell's own current follows this simulation's convention for its difference from the string
        // (docs/cell-model.md, Hysteresis conventions): only there is it the cell's current alone.
        boolean ownCurrents = parameters.convention() == HysteresisConvention.SMALLBMS;
        double capacity = parameters.capacityAmpHours().at(start.celsius());
        int step = 0;
        int ownCell = 0;
        for (Segment segment : profile) {
            if (!Double.isNaN(segment.celsius())) {
                string.setCelsius(segment.celsius());
                for (Cell cell : cells) {
                    cell.setCelsius(segment.celsius());
                }
                assertAlike(string, cells, "after setting " + segment.celsius() + " °C at step " + step);
            }
            string.setOwnAmps(ownCell, 0);
            ownCell = ownCurrents ? segment.ownCell() % cells.length : 0;
            double ownAmps = ownCurrents ? segment.ownAmps() : 0;
            string.setOwnAmps(ownCell, ownAmps);
            for (int n = 0; n < segment.steps(); n++, step++) {
                double amps = segment.rate() * capacity;
                // Keep the cells near the tables: a current that would drive them far past full or empty turns.
                if (amps > 0 && string.soc(0) > 1.02 || amps < 0 && string.soc(0) < -0.02) {
                    amps = -amps;
                }
                double sum = 0;
                for (int i = 0; i < cells.length; i++) {
                    double cellAmps = i == ownCell ? amps + ownAmps : amps;
                    assertThat(string.volts(i, cellAmps)).as("cell %d's voltage carrying %s A at step %d", i,
                            cellAmps, step).isCloseTo(cells[i].terminalVolts(cellAmps), within(VOLTS));
                    sum += cells[i].step(cellAmps, segment.seconds());
                }
                assertThat(string.step(amps, segment.seconds())).as("the string's voltage in step %d", step)
                        .isCloseTo(sum, within(cells.length * VOLTS));
                assertAlike(string, cells, "after step " + step);
            }
        }
        double loss = 0;
        for (Cell cell : cells) {
            loss += cell.lossJoules();
        }
        assertThat(string.lossJoules()).isCloseTo(loss, within(1e-6 * (1 + Math.abs(loss))));
    }

    private static void assertAlike(SeriesCells string, Cell[] cells, String when) {
        for (int i = 0; i < cells.length; i++) {
            Cell cell = cells[i];
            assertThat(string.soc(i)).as("SoC of cell %d %s", i, when).isCloseTo(cell.soc(), within(SOC));
            assertThat(string.volts(i)).as("voltage of cell %d %s", i, when).isCloseTo(cell.volts(), within(VOLTS));
            assertThat(string.sourceVolts(i)).as("source of cell %d %s", i, when)
                    .isCloseTo(cell.sourceVolts(), within(VOLTS));
            assertThat(string.ocvVolts(i)).as("OCV of cell %d %s", i, when).isCloseTo(cell.ocvVolts(), within(VOLTS));
            assertThat(string.direction(i)).as("direction of cell %d %s", i, when).isEqualTo(cell.direction());
            assertThat(string.storedJoules(i)).as("stored energy of cell %d %s", i, when)
                    .isCloseTo(cell.storedJoules(), within(1e-9 * cell.capacityAmpHours() * 3600 * 4));
        }
    }

    /**
     * A stretch of the profile: a current as a C-rate, held for some steps of one length, maybe at a new temperature
     * (NaN: as it was), and one cell's own current on top.
     */
    record Segment(double rate, int steps, double seconds, double celsius, int ownCell, double ownAmps) {
    }

    /** The string's state at the start: every cell at one SoC, hysteresis and RC currents. */
    record Start(double soc, double celsius, double hysteresis, double rc1Amps, double rc2Amps) {
    }

    @Provide
    Arbitrary<Start> starts() {
        return Combinators.combine(Arbitraries.doubles().between(0, 1).ofScale(6),
                Arbitraries.doubles().between(-20, 50).ofScale(2),
                Arbitraries.doubles().between(-1, 1).ofScale(4),
                Arbitraries.doubles().between(-50, 50).ofScale(3),
                Arbitraries.doubles().between(-50, 50).ofScale(3)).as(Start::new);
    }

    @Provide
    Arbitrary<List<Segment>> segments() {
        // Rest, charge and discharge up to 1.5C, and currents below Q/100, either way.
        Arbitrary<Double> rate = Arbitraries.oneOf(Arbitraries.just(0.0),
                Arbitraries.doubles().between(-1.5, 1.5).ofScale(3),
                Arbitraries.doubles().between(-0.009, 0.009).ofScale(4));
        Arbitrary<Double> celsius = Arbitraries.oneOf(Arbitraries.just(Double.NaN), Arbitraries.just(Double.NaN),
                Arbitraries.doubles().between(-25, 55).ofScale(2));
        Arbitrary<Double> own = Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.just(-0.05),
                Arbitraries.doubles().between(-2, 2).ofScale(3));
        Arbitrary<Segment> segment = Combinators.combine(rate, Arbitraries.integers().between(1, 200),
                Arbitraries.doubles().between(0.1, 60).ofScale(1), celsius, Arbitraries.integers().between(0, 7), own)
                .as(Segment::new);
        return segment.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<CellVariation>> variations() {
        return Combinators.combine(Arbitraries.doubles().between(0.85, 1.15).ofScale(4),
                Arbitraries.doubles().between(0.7, 1.5).ofScale(4),
                Arbitraries.doubles().between(0, 3).ofScale(3)).as(CellVariation::new).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<CellParameters> parameters() {
        return Builders.withBuilder(Draft::new)
                .use(byTemperature(5, 200, 2)).in((d, v) -> d.with(() -> d.capacity = v))
                .use(ocvTable()).in((d, v) -> d.with(() -> d.ocv = v))
                .use(byTemperature(1e-4, 3e-3, 6)).in((d, v) -> d.with(() -> d.r0 = v))
                .use(curve(0.5, 2, 2)).in((d, v) -> d.with(() -> d.r0SocFactor = v))
                .use(byTemperature(0, 1e-3, 6)).in((d, v) -> d.with(() -> d.r1 = v))
                .use(byTemperature(1, 120, 1)).in((d, v) -> d.with(() -> d.tau1 = v))
                .use(Arbitraries.oneOf(Arbitraries.just(List.<ByTemperature>of()),
                        Combinators.combine(byTemperature(1e-5, 1e-3, 6), byTemperature(100, 3000, 0))
                                .as(List::of))).in((d, v) -> d.with(() -> d.secondPair = v))
                .use(scaling()).in((d, v) -> d.with(() -> d.scaling = v))
                .use(hysteresisCurves()).in((d, v) -> d.with(() -> d.m = v))
                .use(Arbitraries.of(HysteresisConvention.class)).in((d, v) -> d.with(() -> d.convention = v))
                .use(byTemperature(0, 0.01, 4)).in((d, v) -> d.with(() -> d.m0 = v))
                .use(Arbitraries.of(1.0, -1.0)).in((d, v) -> d.with(() -> d.m0Sign = v))
                .use(Arbitraries.oneOf(byTemperature(0, 200, 1), byTemperature(0, 5000, 0)))
                .in((d, v) -> d.with(() -> d.gamma = v))
                .use(byTemperature(0.95, 1, 4)).in((d, v) -> d.with(() -> d.eta = v))
                .use(Arbitraries.doubles().between(0, 0.05).ofScale(4)).in((d, v) -> d.with(() -> d.selfDischarge = v))
                .use(Arbitraries.doubles().between(5, 20).ofScale(1)).in((d, v) -> d.with(() -> d.doublingKelvin = v))
                .build(Draft::parameters);
    }

    /** A parameter set as it is drawn, figure by figure. */
    static final class Draft {
        ByTemperature capacity;
        OcvTable ocv;
        ByTemperature r0;
        Curve r0SocFactor;
        ByTemperature r1;
        ByTemperature tau1;
        List<ByTemperature> secondPair;
        ResistanceScaling scaling;
        CurveByTemperature m;
        HysteresisConvention convention;
        ByTemperature m0;
        double m0Sign;
        ByTemperature gamma;
        ByTemperature eta;
        double selfDischarge;
        double doublingKelvin;

        Draft with(Runnable set) {
            set.run();
            return this;
        }

        CellParameters parameters() {
            boolean second = !secondPair.isEmpty();
            // The ESC convention takes M0 of either sign, as fitted; this simulation's only at least zero.
            ByTemperature signedM0 = convention == HysteresisConvention.ESC ? m0.times(m0Sign) : m0;
            return new CellParameters("drawn", capacity, ocv, r0, r0SocFactor, r1, tau1,
                    second ? secondPair.get(0) : ByTemperature.of(0), second ? secondPair.get(1) : ByTemperature.of(0),
                    scaling, m, signedM0, gamma, eta, selfDischarge, doublingKelvin, convention);
        }
    }

    /** A plain number, or a table over one to three temperatures. */
    private static Arbitrary<ByTemperature> byTemperature(double min, double max, int scale) {
        Arbitrary<Double> value = Arbitraries.doubles().between(min, max).ofScale(scale);
        Arbitrary<ByTemperature> table = temperatures().flatMap(celsius -> value.list().ofSize(celsius.length)
                .map(values -> ByTemperature.table(celsius, values.stream().mapToDouble(Double::doubleValue)
                        .toArray())));
        return Arbitraries.oneOf(value.map(ByTemperature::of), table);
    }

    /** One to three temperatures, strictly increasing. */
    private static Arbitrary<double[]> temperatures() {
        return Arbitraries.doubles().between(-30, 60).ofScale(1).set().ofMinSize(1).ofMaxSize(3)
                .map(set -> set.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /** SoC points anywhere in 0..1, on the grid or between its points. */
    private static Arbitrary<double[]> socPoints(int min, int max) {
        return Arbitraries.doubles().between(0, 1).ofScale(5).set().ofMinSize(min).ofMaxSize(max)
                .map(set -> set.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static Arbitrary<Curve> curve(double min, double max, int scale) {
        return socPoints(1, 5).flatMap(x -> Arbitraries.doubles().between(min, max).ofScale(scale).list()
                .ofSize(x.length).map(y -> new Curve(x, y.stream().mapToDouble(Double::doubleValue).toArray())));
    }

    /** Never falling with SoC: 2.3 V and rises of up to 0.15 V per point. */
    private static Arbitrary<double[]> risingVolts(int points) {
        return Arbitraries.doubles().between(0, 0.15).ofScale(4).list().ofSize(points).map(rises -> {
            double[] volts = new double[points];
            double v = 2.3;
            for (int i = 0; i < points; i++) {
                v += rises.get(i);
                volts[i] = v;
            }
            return volts;
        });
    }

    /** One table with dOCV/dT (or none), or one to three tables over temperature. */
    private static Arbitrary<OcvTable> ocvTable() {
        return socPoints(2, 8).flatMap(soc -> {
            Arbitrary<OcvTable> single = Combinators.combine(Arbitraries.doubles().between(0, 45).ofScale(1),
                    risingVolts(soc.length), curve(-0.5e-3, 0.5e-3, 7))
                    .as((celsius, volts, slope) -> new OcvTable(soc, new double[] {celsius}, new double[][] {volts},
                            slope));
            Arbitrary<OcvTable> several = temperatures().filter(t -> t.length > 1).flatMap(celsius ->
                    risingVolts(soc.length).list().ofSize(celsius.length).map(rows ->
                            new OcvTable(soc, celsius, rows.toArray(double[][]::new), Curve.constant(0))));
            return Arbitraries.oneOf(single, several);
        });
    }

    /** One M curve, or one per temperature on the same SoC points. */
    private static Arbitrary<CurveByTemperature> hysteresisCurves() {
        return socPoints(1, 6).flatMap(x -> {
            Arbitrary<Curve> m = Arbitraries.doubles().between(0, 0.05).ofScale(4).list().ofSize(x.length)
                    .map(y -> new Curve(x, y.stream().mapToDouble(Double::doubleValue).toArray()));
            Arbitrary<CurveByTemperature> several = temperatures().flatMap(celsius -> m.list().ofSize(celsius.length)
                    .map(curves -> new CurveByTemperature(celsius, curves)));
            return Arbitraries.oneOf(m.map(CurveByTemperature::of), several);
        });
    }

    private static Arbitrary<ResistanceScaling> scaling() {
        Arbitrary<ResistanceScaling> arrhenius = Combinators.combine(
                Arbitraries.doubles().between(0, 60_000).ofScale(0),
                Arbitraries.doubles().between(0, 60_000).ofScale(0),
                Arbitraries.doubles().between(-10, 20).ofScale(1)).as(ResistanceScaling.Arrhenius::new);
        Arbitrary<ResistanceScaling> ratio = temperatures().flatMap(celsius -> Arbitraries.doubles().between(0.5, 10)
                .ofScale(3).list().ofSize(celsius.length).map(factors -> new ResistanceScaling.RatioTable(
                        new Curve(celsius, factors.stream().mapToDouble(Double::doubleValue).toArray()))));
        return Arbitraries.oneOf(arrhenius, ratio);
    }
}
