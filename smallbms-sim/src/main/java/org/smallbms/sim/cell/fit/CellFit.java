package org.smallbms.sim.cell.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.smallbms.sim.cell.ByTemperature;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.Curve;
import org.smallbms.sim.cell.CurveByTemperature;
import org.smallbms.sim.cell.HysteresisConvention;

/**
 * Estimates a cell's dynamic figures at one temperature from a dynamic test: R0, one or two RC pairs, the hysteresis
 * M (the starting set's M curve at that temperature, scaled as a whole), M0 and gamma, and the capacity and the
 * coulombic efficiency when the test moves the cell far enough to show them.
 *
 * <p>The model fitted is the replayed cell itself ({@link Replay}): Levenberg-Marquardt least squares (Hipparchus)
 * on the difference between its voltage and the measured one, over the rows whose SoC lies in the window, with the
 * Jacobian by forward differences. Positive figures are fitted as their logarithms, so they stay positive and a
 * step is relative; each is held within the parameter file's range. The OCV and everything else come from the
 * starting set, so a replay of the result with that set's OCV gives the printed error.
 */
public final class CellFit {

    /** A relative step of the figures for the Jacobian: far above the rounding of a replay, far below a change. */
    private static final double STEP = 1e-6;
    /** The capacity is fitted when the test moves the SoC at least this far; the flat OCV hides it otherwise. */
    static final double CAPACITY_SPAN = 0.5;
    /** The efficiency is fitted when the test both charges and discharges at least this many capacities. */
    static final double EFFICIENCY_THROUGHPUT = 1.5;

    private CellFit() {
    }

    /**
     * What to fit.
     *
     * @param celsius the temperature whose figures are fitted
     * @param initialSoc the SoC at the first row
     * @param rcPairs 1 or 2
     * @param socFrom the SoC window, lower end
     * @param socTo the SoC window, upper end
     */
    public record Options(double celsius, double initialSoc, int rcPairs, double socFrom, double socTo) {

        public Options {
            if (rcPairs != 1 && rcPairs != 2) {
                throw new IllegalArgumentException("rcPairs = " + rcPairs + ": 1 or 2");
            }
            if (!(initialSoc >= 0 && initialSoc <= 1) || !(socFrom >= 0 && socFrom < socTo && socTo <= 1)) {
                throw new IllegalArgumentException("initial SoC " + initialSoc + ", window " + socFrom + ".." + socTo
                        + ": within 0..1, the window from low to high");
            }
        }
    }

    /**
     * The fitted figures at the temperature, M0 in the starting set's convention.
     *
     * @param r0Ohms R0
     * @param r1Ohms R1
     * @param tau1Seconds tau1, the shorter
     * @param r2Ohms R2, 0 with one pair
     * @param tau2Seconds tau2, 0 with one pair
     * @param hysteresisVolts M against SoC
     * @param m0Volts M0
     * @param gamma the hysteresis rate
     * @param capacityAmpHours Q, fitted or the starting set's
     * @param coulombicEfficiency eta, fitted or the starting set's
     * @param capacityFitted whether Q was fitted
     * @param efficiencyFitted whether eta was fitted
     */
    public record Figures(double r0Ohms, double r1Ohms, double tau1Seconds, double r2Ohms, double tau2Seconds,
            Curve hysteresisVolts, double m0Volts, double gamma, double capacityAmpHours, double coulombicEfficiency,
            boolean capacityFitted, boolean efficiencyFitted) {

        /** The figures in a line each, with their units. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "R0 %.4f mΩ", r0Ohms * 1000));
            lines.add(String.format(Locale.ROOT, "R1 %.4f mΩ, tau1 %.2f s", r1Ohms * 1000, tau1Seconds));
            if (r2Ohms > 0) {
                lines.add(String.format(Locale.ROOT, "R2 %.4f mΩ, tau2 %.1f s", r2Ohms * 1000, tau2Seconds));
            }
            double[] m = hysteresisVolts.y();
            lines.add(String.format(Locale.ROOT, "M %.2f..%.2f mV, M0 %.2f mV, gamma %.1f",
                    Arrays.stream(m).min().orElse(0) * 1000, Arrays.stream(m).max().orElse(0) * 1000, m0Volts * 1000,
                    gamma));
            lines.add(String.format(Locale.ROOT, "capacity %.3f Ah (%s), coulombic efficiency %.4f (%s)",
                    capacityAmpHours, capacityFitted ? "fitted" : "kept", coulombicEfficiency,
                    efficiencyFitted ? "fitted" : "kept"));
            return lines;
        }
    }

    /**
     * The result of a fit.
     *
     * @param figures the fitted figures
     * @param parameters the starting set with the figures in, constant at the temperature: what was replayed
     * @param error the replay's error over the window
     * @param evaluations how many replays the fit took
     * @param notes what was fitted and what was not, and why
     */
    public record Result(Figures figures, CellParameters parameters, FitError error, int evaluations,
            List<String> notes) {
    }

    /** One figure as the optimiser moves it: its logarithm, or itself over a scale, held within min..max. */
    private record Knob(String name, double initial, boolean log, double min, double max, double scale) {

        double toInner(double value) {
            double v = Math.max(min, Math.min(max, value));
            return log ? Math.log(v) : v / scale;
        }

        double toValue(double inner) {
            double v = log ? Math.exp(inner) : inner * scale;
            return Math.max(min, Math.min(max, v));
        }
    }

    /** Fits {@code base}'s dynamic figures at {@code options.celsius()} to {@code data}. */
    public static Result fit(CellParameters base, LabData data, Options options) {
        double celsius = options.celsius();
        double baseCapacity = base.capacityAmpHours().at(celsius);
        double baseEta = base.coulombicEfficiency().at(celsius);
        List<String> notes = new ArrayList<>();
        boolean[] mask = window(data, options, baseCapacity, baseEta);
        int rows = 0;
        for (boolean m : mask) {
            rows += m ? 1 : 0;
        }
        if (rows < 100) {
            throw new IllegalArgumentException("only " + rows + " rows lie in the SoC window " + options.socFrom()
                    + ".." + options.socTo() + " (counting the charge from the starting SoC " + options.initialSoc()
                    + "): widen the window, or check the starting SoC and the sign of the current");
        }
        double[] throughput = throughput(data);
        double span = throughput[2] / baseCapacity;
        boolean fitCapacity = span >= CAPACITY_SPAN;
        boolean fitEta = fitCapacity && throughput[0] >= EFFICIENCY_THROUGHPUT * baseCapacity
                && throughput[1] >= EFFICIENCY_THROUGHPUT * baseCapacity;
        notes.add(String.format(Locale.ROOT, "capacity %s: the test moves the SoC over %.2f (%s %.2f)",
                fitCapacity ? "fitted" : "kept", span, fitCapacity ? "at least" : "less than", CAPACITY_SPAN));
        notes.add(String.format(Locale.ROOT, "coulombic efficiency %s: the test charges %.2f and discharges %.2f "
                + "capacities (%s %.1f each, with the capacity fitted)", fitEta ? "fitted" : "kept",
                throughput[0] / baseCapacity, throughput[1] / baseCapacity, fitEta ? "at least" : "needs",
                EFFICIENCY_THROUGHPUT));

        boolean esc = base.convention() == HysteresisConvention.ESC;
        Curve baseM = base.hysteresisVolts().at(celsius);
        double maxM = Arrays.stream(baseM.y()).max().orElse(0);
        boolean flat = maxM <= 0;
        if (flat) {
            double[] volts = baseM.y();
            Arrays.fill(volts, 0.01);
            baseM = new Curve(baseM.x(), volts);
            maxM = 0.01;
        }
        double r1 = base.ohmsAt(base.r1Ohms(), celsius);
        double tau1 = base.tau1Seconds().at(celsius);
        boolean baseSecond = base.hasSecondRcPair();
        double r2 = baseSecond ? base.ohmsAt(base.r2Ohms(), celsius) : r1;
        double tau2 = baseSecond ? base.tau2Seconds().at(celsius) : Math.min(1e6, 10 * tau1);
        List<Knob> knobs = new ArrayList<>();
        knobs.add(new Knob("R0", initialR0(data, base.ohmsAt(base.r0Ohms(), celsius)), true, 1e-6, 1, 1));
        knobs.add(new Knob("R1", Math.max(r1, 1e-6), true, 1e-7, 1, 1));
        knobs.add(new Knob("tau1", tau1, true, 0.1, 1e6, 1));
        if (options.rcPairs() == 2) {
            knobs.add(new Knob("R2", Math.max(r2, 1e-6), true, 1e-7, 1, 1));
            knobs.add(new Knob("tau2", tau2, true, 0.1, 1e6, 1));
        }
        knobs.add(new Knob("M", 1, true, 1e-4, 0.2 / maxM, 1));
        knobs.add(new Knob("M0", base.m0Volts().at(celsius), false, esc ? -0.1 : 0, 0.1, 0.001));
        knobs.add(new Knob("gamma", Math.max(1, base.gamma().at(celsius)), true, 1e-3, 10_000, 1));
        if (fitCapacity) {
            knobs.add(new Knob("capacity", baseCapacity, true, 0.01, 100_000, 1));
        }
        if (fitEta) {
            knobs.add(new Knob("eta", baseEta, false, 0.9, 1, 0.01));
        }
        Problem problem = new Problem(base, data, options, mask, rows, knobs, baseM, baseCapacity, baseEta);
        double[] start = new double[knobs.size()];
        for (int j = 0; j < start.length; j++) {
            start[j] = knobs.get(j).toInner(knobs.get(j).initial());
        }
        double[] target = new double[rows];
        int r = 0;
        for (int k = 0; k < mask.length; k++) {
            if (mask[k]) {
                target[r++] = data.volts()[k];
            }
        }
        LeastSquaresProblem lsq = new LeastSquaresBuilder()
                .start(start)
                .target(target)
                .model(problem::valueAndJacobian)
                .maxEvaluations(1000)
                .maxIterations(300)
                .build();
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-9)
                .withParameterRelativeTolerance(1e-9)
                .optimize(lsq);
        double[] inner = optimum.getPoint().toArray();
        Figures figures = problem.figures(inner);
        for (int j = 0; j < knobs.size(); j++) {
            Knob knob = knobs.get(j);
            double v = knob.toValue(inner[j]);
            if (v <= knob.min() * (1 + 1e-9) || v >= knob.max() * (1 - 1e-9)) {
                notes.add(knob.name() + " ended at the end of its range (" + v + "): the test does not show it; "
                        + "treat it with care");
            }
        }
        CellParameters fitted = problem.parameters(figures);
        FitError error = Replay.of(CellModel.of(fitted), data, options.initialSoc())
                .errorAgainst(data.volts(), options.socFrom(), options.socTo());
        return new Result(figures, fitted, error, problem.replays, notes);
    }

    /** The rows whose SoC, counted from the start with the starting set's capacity and efficiency, is in the window. */
    private static boolean[] window(LabData data, Options options, double capacity, double eta) {
        boolean[] mask = new boolean[data.rows()];
        double z = options.initialSoc();
        double[] amps = data.amps();
        double[] seconds = data.seconds();
        for (int k = 0; k < mask.length; k++) {
            if (k > 0) {
                double a = amps[k - 1];
                z += (a > 0 ? eta : 1) * a * (seconds[k] - seconds[k - 1]) / (3600 * capacity);
            }
            mask[k] = z >= options.socFrom() && z <= options.socTo();
        }
        return mask;
    }

    /** Ah charged, Ah discharged, and the span of the charge counted from the start (Ah). */
    private static double[] throughput(LabData data) {
        double charged = 0;
        double discharged = 0;
        double count = 0;
        double low = 0;
        double high = 0;
        for (int k = 1; k < data.rows(); k++) {
            double ah = data.amps()[k - 1] * (data.seconds()[k] - data.seconds()[k - 1]) / 3600;
            if (ah > 0) {
                charged += ah;
            } else {
                discharged -= ah;
            }
            count += ah;
            low = Math.min(low, count);
            high = Math.max(high, count);
        }
        return new double[] {charged, discharged, high - low};
    }

    /** The median of ΔV/ΔI over the steps of the current: a starting R0 from the data itself. */
    private static double initialR0(LabData data, double fallback) {
        List<Double> ratios = new ArrayList<>();
        double[] amps = data.amps();
        double[] volts = data.volts();
        double largest = 0;
        for (double a : amps) {
            largest = Math.max(largest, Math.abs(a));
        }
        for (int k = 1; k < amps.length; k++) {
            double di = amps[k] - amps[k - 1];
            if (Math.abs(di) > 0.2 * largest) {
                ratios.add((volts[k] - volts[k - 1]) / di);
            }
        }
        if (ratios.size() < 3) {
            return fallback;
        }
        ratios.sort(Double::compare);
        double median = ratios.get(ratios.size() / 2);
        return median > 1e-6 && median < 1 ? median : fallback;
    }

    /** The replayed cell as a function of the knobs. */
    private static final class Problem {

        private final CellParameters base;
        private final LabData data;
        private final Options options;
        private final boolean[] mask;
        private final int rows;
        private final List<Knob> knobs;
        private final Curve baseM;
        private final double baseCapacity;
        private final double baseEta;
        private int replays;

        Problem(CellParameters base, LabData data, Options options, boolean[] mask, int rows, List<Knob> knobs,
                Curve baseM, double baseCapacity, double baseEta) {
            this.base = base;
            this.data = data;
            this.options = options;
            this.mask = mask;
            this.rows = rows;
            this.knobs = knobs;
            this.baseM = baseM;
            this.baseCapacity = baseCapacity;
            this.baseEta = baseEta;
        }

        private double value(double[] inner, String name, double otherwise) {
            for (int j = 0; j < knobs.size(); j++) {
                if (knobs.get(j).name().equals(name)) {
                    return knobs.get(j).toValue(inner[j]);
                }
            }
            return otherwise;
        }

        Figures figures(double[] inner) {
            double r1 = value(inner, "R1", 0);
            double tau1 = value(inner, "tau1", 0);
            double r2 = value(inner, "R2", 0);
            double tau2 = value(inner, "tau2", 0);
            if (r2 > 0 && tau2 < tau1) {
                // The two pairs are interchangeable: the shorter one is the first.
                double r = r1;
                double t = tau1;
                r1 = r2;
                tau1 = tau2;
                r2 = r;
                tau2 = t;
            }
            return new Figures(value(inner, "R0", 0), r1, tau1, r2, tau2,
                    baseM.timesY(value(inner, "M", 1)), value(inner, "M0", 0), value(inner, "gamma", 0),
                    value(inner, "capacity", baseCapacity), value(inner, "eta", baseEta),
                    hasKnob("capacity"), hasKnob("eta"));
        }

        private boolean hasKnob(String name) {
            return knobs.stream().anyMatch(k -> k.name().equals(name));
        }

        /** The starting set with the figures, as tables of one temperature so no scaling applies to them. */
        CellParameters parameters(Figures f) {
            double[] at = {options.celsius()};
            boolean second = f.r2Ohms() > 0;
            return new CellParameters(base.name(), ByTemperature.of(f.capacityAmpHours()), base.ocv(),
                    ByTemperature.table(at, new double[] {f.r0Ohms()}), base.r0SocFactor(),
                    ByTemperature.table(at, new double[] {f.r1Ohms()}), ByTemperature.of(f.tau1Seconds()),
                    second ? ByTemperature.table(at, new double[] {f.r2Ohms()}) : ByTemperature.of(0),
                    ByTemperature.of(second ? f.tau2Seconds() : 0), base.temperatureScaling(),
                    CurveByTemperature.of(f.hysteresisVolts()), ByTemperature.of(f.m0Volts()),
                    ByTemperature.of(f.gamma()), ByTemperature.of(f.coulombicEfficiency()),
                    base.selfDischargePerMonth(), base.selfDischargeDoublingKelvin(), base.convention());
        }

        private double[] predict(double[] inner) {
            replays++;
            Replay replay = Replay.of(CellModel.of(parameters(figures(inner))), data, options.initialSoc());
            double[] out = new double[rows];
            double[] volts = replay.volts();
            int r = 0;
            for (int k = 0; k < mask.length; k++) {
                if (mask[k]) {
                    out[r++] = volts[k];
                }
            }
            return out;
        }

        Pair<RealVector, org.hipparchus.linear.RealMatrix> valueAndJacobian(RealVector point) {
            double[] inner = point.toArray();
            double[] value = predict(inner);
            double[][] jacobian = new double[rows][inner.length];
            for (int j = 0; j < inner.length; j++) {
                double[] moved = inner.clone();
                double h = STEP * Math.max(1, Math.abs(inner[j]));
                moved[j] += h;
                double[] other = predict(moved);
                for (int r = 0; r < rows; r++) {
                    jacobian[r][j] = (other[r] - value[r]) / h;
                }
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
        }
    }
}
