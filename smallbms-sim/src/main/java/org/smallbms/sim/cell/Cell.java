package org.smallbms.sim.cell;

/**
 * One LiFePO4 cell, the reference: the equations of docs/cell-model.md written as they read, for one cell with one
 * current, every figure looked up from the parameter set in every step (no cache, no segments, no constants per step
 * length). It is the oracle the fast path is tested against ({@link SeriesCells}, and {@link FastCell}, a string of
 * one), and {@code smallbms cell replay --model reference} steps it.
 *
 * <pre>
 * z[k+1]   = z[k] + eta(i) i[k] dt / (3600 Q) − sd(T) dt           eta(i) = eta charging, 1 discharging
 * iR[k+1]  = exp(−dt/tau) iR[k] + (1 − exp(−dt/tau)) i[k]          (ESC: eta(i) i[k]) for each RC pair
 * h[k+1]   = exp(−|gamma i[k] dt / (3600 Q)|) h[k] + (1 − exp(...)) sgn(i[k])    (ESC: gamma eta(i) i[k])
 * s[k]     = sgn(i[k]) unless i[k] = 0 (ESC: |i[k]| &lt; Q/100): then s[k−1]
 * v[k]     = OCV(z[k], T) + M(z[k], T) h[k] + M0 s[k] + R0(T, z[k]) i[k] + R1(T) iR1[k] + R2(T) iR2[k]
 * </pre>
 *
 * <p>The simulation's decisions, as docs/cell-model.md states them: M0 acts with the direction of the step's own
 * current; the SoC tables are read on a grid of 2000 intervals (the line between the curve's values
 * at the two grid points around z), beyond SoC 0 and 1 the OCV continues with its end interval's slope and the other
 * curves stay at their end values; figures given per temperature are linear between their temperatures and held
 * beyond; a resistance given as a plain number scales with the temperature law; the ESC convention's M0 multiplies
 * the direction of the discharge current, so it acts here as −M0 with the charging current's.
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances its state in place. Current is positive
 * when charging. Not thread-safe; one owner steps it.
 */
public final class Cell implements SingleCell {

    /** The SoC grid the tables are read on (docs/cell-model.md: resampled, step 0.0005). */
    static final int GRID_INTERVALS = 2000;

    private final CellParameters p;
    private final CellVariation variation;
    private final boolean esc;

    // The state.
    private double soc;
    private double hysteresis;
    private double iR1;
    private double iR2;
    /** s[k−1]: the direction M0 acts with at rest. */
    private double direction;
    private double lastAmps;
    private double celsius;
    private double lossJoules;

    /**
     * A cell at rest: no RC current, no hysteresis, no direction yet.
     *
     * @param model the cell type
     * @param variation how this cell differs from the nominal one
     * @param soc the initial state of charge, 0..1
     * @param celsius the initial temperature
     */
    public Cell(CellModel model, CellVariation variation, double soc, double celsius) {
        if (!(soc >= 0 && soc <= 1) || !(celsius > -60 && celsius < 100)) {
            throw new IllegalArgumentException("soc = " + soc + ", celsius = " + celsius
                    + ": a cell starts within SoC 0..1 and −60..100 °C");
        }
        this.p = model.parameters();
        this.variation = variation;
        this.esc = p.convention() == HysteresisConvention.ESC;
        this.soc = soc;
        this.celsius = celsius;
    }

    @Override
    public double step(double amps, double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds = " + seconds + ": a step is a positive, finite time");
        }
        double volts = terminalVolts(amps);
        double coulombs = capacityAmpHours() * 3600;
        double eta = amps > 0 ? p.coulombicEfficiency().at(celsius) : 1;
        double socChange = eta * amps * seconds / coulombs - selfDischargePerSecond() * seconds;
        // The heat: the work done on the cell less what its SoC took in at the open-circuit voltage.
        lossJoules += volts * amps * seconds - ocvVolts() * coulombs * socChange;
        soc += socChange;
        // The ESC convention feeds the RC pairs and the hysteresis the charge the cell keeps, eta i.
        double driving = esc ? eta * amps : amps;
        double decay1 = Math.exp(-seconds / p.tau1Seconds().at(celsius));
        iR1 = decay1 * iR1 + (1 - decay1) * driving;
        if (p.hasSecondRcPair()) {
            double decay2 = Math.exp(-seconds / p.tau2Seconds().at(celsius));
            iR2 = decay2 * iR2 + (1 - decay2) * driving;
        }
        double decay = Math.exp(-Math.abs(p.gamma().at(celsius) * driving * seconds / coulombs));
        hysteresis = decay * hysteresis + (1 - decay) * Math.signum(amps);
        direction = directionWith(amps);
        lastAmps = amps;
        return volts;
    }

    /** v = OCV + M h + M0 s + R0 i + R1 iR1 + R2 iR2, with the state as it is and s the direction of {@code amps}. */
    @Override
    public double terminalVolts(double amps) {
        return sourceVolts() + chargingM0Volts() * directionWith(amps) + ohms() * amps;
    }

    /** OCV + M h + R1 iR1 + R2 iR2. */
    @Override
    public double sourceVolts() {
        double m = onGrid(p.hysteresisVolts().at(celsius), soc, false);
        double rcVolts = p.ohmsAt(p.r1Ohms(), celsius) * iR1
                + (p.hasSecondRcPair() ? p.ohmsAt(p.r2Ohms(), celsius) * iR2 : 0);
        return ocvVolts() + m * hysteresis + rcVolts;
    }

    @Override
    public double direction() {
        return direction;
    }

    /** R0 at the temperature (a table's, or the plain number scaled), times the cell's spread and the SoC factor. */
    @Override
    public double ohms() {
        return p.ohmsAt(p.r0Ohms(), celsius) * variation.r0Factor() * onGrid(p.r0SocFactor(), soc, false);
    }

    /**
     * The last step's current still flowing, with M0 in the direction that step left: not worked out again from the
     * current, which in the ESC convention may lie on the other side of Q/100 once the temperature has moved Q.
     */
    @Override
    public double volts() {
        return sourceVolts() + chargingM0Volts() * direction + ohms() * lastAmps;
    }

    /**
     * One table with dOCV/dT: the table plus (T − its temperature) dOCV/dT; several: the two tables around T, linear
     * between them, the coldest or warmest beyond them.
     */
    @Override
    public double ocvVolts() {
        return ocvVolts(soc);
    }

    @Override
    public double soc() {
        return soc;
    }

    @Override
    public double hysteresis() {
        return hysteresis;
    }

    @Override
    public double capacityAmpHours() {
        return p.capacityAmpHours().at(celsius) * variation.capacityFactor();
    }

    @Override
    public double celsius() {
        return celsius;
    }

    /** Nothing is kept that depends on the temperature: the next reading looks every figure up at it. */
    @Override
    public void setCelsius(double celsius) {
        this.celsius = celsius;
    }

    @Override
    public void setDynamicState(double hysteresis, double rc1Amps, double rc2Amps) {
        if (!(hysteresis >= -1 && hysteresis <= 1) || !Double.isFinite(rc1Amps) || !Double.isFinite(rc2Amps)) {
            throw new IllegalArgumentException("hysteresis = " + hysteresis + ", RC currents " + rc1Amps + ", "
                    + rc2Amps + " A: the hysteresis state is within -1..1 and the currents are finite");
        }
        this.hysteresis = hysteresis;
        iR1 = rc1Amps;
        iR2 = rc2Amps;
    }

    @Override
    public double lossJoules() {
        return lossJoules;
    }

    /**
     * Q ∫ OCV(z, T) dz from SoC 0, by the trapezoids of the grid: the OCV is straight on each grid interval (and
     * beyond 0 and 1), so the rule is exact.
     */
    @Override
    public double storedJoules() {
        double integral = 0;
        double z = soc;
        if (z <= 0) {
            integral = 0.5 * (ocvVolts(0) + ocvVolts(z)) * z;
        } else {
            int whole = (int) Math.min(GRID_INTERVALS, Math.floor(z * GRID_INTERVALS));
            for (int i = 0; i < whole; i++) {
                double from = (double) i / GRID_INTERVALS;
                double to = (double) (i + 1) / GRID_INTERVALS;
                integral += 0.5 * (ocvVolts(from) + ocvVolts(to)) * (to - from);
            }
            double from = (double) whole / GRID_INTERVALS;
            integral += 0.5 * (ocvVolts(from) + ocvVolts(z)) * (z - from);
        }
        return capacityAmpHours() * 3600 * integral;
    }

    /** The OCV at SoC {@code z} and the present temperature. */
    private double ocvVolts(double z) {
        OcvTable ocv = p.ocv();
        double[] temperatures = ocv.celsius();
        if (temperatures.length == 1) {
            return onGrid(ocv.row(0), z, true) + (celsius - temperatures[0]) * onGrid(ocv.voltsPerKelvin(), z, false);
        }
        int last = temperatures.length - 1;
        if (celsius <= temperatures[0]) {
            return onGrid(ocv.row(0), z, true);
        }
        if (celsius >= temperatures[last]) {
            return onGrid(ocv.row(last), z, true);
        }
        int below = 0;
        while (temperatures[below + 1] < celsius) {
            below++;
        }
        double weight = (celsius - temperatures[below]) / (temperatures[below + 1] - temperatures[below]);
        double cold = onGrid(ocv.row(below), z, true);
        double warm = onGrid(ocv.row(below + 1), z, true);
        return cold + weight * (warm - cold);
    }

    /** M0 as it acts with the charging current's direction: the ESC convention's M0 multiplies the discharge's. */
    private double chargingM0Volts() {
        double m0 = p.m0Volts().at(celsius);
        return esc ? -m0 : m0;
    }

    /**
     * s[k]: the direction of {@code amps}, or the last one when it is zero or, in the ESC convention, smaller than
     * Q/100. Q is the cell type's capacity, not this cell's: the threshold tells a current from a cycler's noise
     * around zero, and the cells of a string share it.
     */
    private double directionWith(double amps) {
        double threshold = esc ? p.capacityAmpHours().at(celsius) / 100 : 0;
        return amps == 0 || Math.abs(amps) < threshold ? direction : Math.signum(amps);
    }

    /** The fraction of the capacity self-discharge takes per second: the set's rate, doubling per so many kelvin. */
    private double selfDischargePerSecond() {
        double kelvin = celsius + 273.15;
        double doublings = (kelvin - ResistanceScaling.REFERENCE_KELVIN) / p.selfDischargeDoublingKelvin();
        return p.selfDischargePerMonth() * variation.selfDischargeFactor() * Math.pow(2, doublings)
                / CellParameters.SECONDS_PER_MONTH;
    }

    /**
     * {@code curve} read on the SoC grid: the line through its values at the grid points around {@code z}. Below SoC 0
     * and from SoC 1 on, the end value, or with {@code continued} the end interval's line carried on.
     */
    static double onGrid(Curve curve, double z, boolean continued) {
        double position = z * GRID_INTERVALS;
        if (position < 0) {
            double first = curve.valueAt(0);
            return continued ? first + position * (curve.valueAt(1.0 / GRID_INTERVALS) - first) : first;
        }
        if (position >= GRID_INTERVALS) {
            double end = curve.valueAt(1);
            double beforeEnd = curve.valueAt((double) (GRID_INTERVALS - 1) / GRID_INTERVALS);
            return continued ? end + (position - GRID_INTERVALS) * (end - beforeEnd) : end;
        }
        int below = (int) position;
        double lower = curve.valueAt((double) below / GRID_INTERVALS);
        double upper = curve.valueAt((double) (below + 1) / GRID_INTERVALS);
        return lower + (position - below) * (upper - lower);
    }
}
