package org.smallbms.sim.cell;

/**
 * One LiFePO4 cell: the enhanced self-correcting (ESC) equivalent circuit of CELL-MODEL.md, stepped in discrete time.
 *
 * <pre>
 * z[k+1]   = z[k] + eta * i[k] * dt / (3600 Q) − self-discharge * dt
 * iR[k+1]  = exp(−dt/tau) * iR[k] + (1 − exp(−dt/tau)) * i[k]        (each RC pair)
 * h[k+1]   = exp(−|gamma i dt / (3600 Q)|) * h[k] + (1 − exp(...)) * sgn(i[k])
 * v[k]     = OCV(z, T) + M(z) h[k] + M0 s[k-1] + R0(T, z) i[k] + R1(T) iR1[k] + R2(T) iR2[k]
 * s[k]     = sgn(i[k]) if i[k] != 0 else s[k-1]
 * </pre>
 *
 * <p>One departure from CELL-MODEL.md, on purpose: the instantaneous hysteresis M0 acts with the direction of the
 * previous step's current ({@code s[k-1]}, not {@code s[k]}). Within a step the cell is then exactly the linear
 * source {@code v = sourceVolts() + ohms() * i}, so a bank of parallel strings is solved exactly in one pass; with
 * the direction of the present current there is no solution at all while a string's current sits near zero (the
 * M0 step is a dead band), and the bank's energy would not balance. The lag is one step (a second) of a few mV.
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances its state in place. Current is positive
 * when charging. Not thread-safe; one owner steps it.
 *
 * <p>Speed: the step reads SoC tables through a uniform grid, and everything that depends on temperature or on the
 * step length only is recomputed when those change (the temperature when it is set: its owner decides how often).
 * Energy is accounted as it flows: {@link #lossJoules()} collects the work done on the overpotentials, the charge
 * lost to coulombic inefficiency and to self-discharge; {@link #storedJoules()} is the energy the SoC holds.
 */
public final class Cell {

    private static final double SECONDS_PER_MONTH = 30.4375 * 86_400;
    /** Below this, exp(−x) is its Taylor polynomial (error under 3e-9): the hysteresis decay without a call. */
    private static final double POLYNOMIAL_EXP_LIMIT = 0.05;

    private final CellModel model;
    private final double capacityCoulombs;
    private final double chargeEfficiency;
    private final double r0Ohms;
    private final double r1Ohms;
    private final double r2Ohms;
    private final double tau1Seconds;
    private final double tau2Seconds;
    private final double m0Volts;
    private final double gammaPerCoulomb;
    private final double selfDischargePerSecond;
    private final double selfDischargeDoublingKelvin;
    private final SocCurve hysteresisCurve;
    private final SocCurve r0SocCurve;

    private double soc;
    private double hysteresis;
    private double lastSign;
    private double iR1;
    private double iR2;
    private double kelvin;
    private double lastAmps;
    private double lossJoules;

    private SocCurve ocvBase;
    private SocCurve ocvDelta;
    private double[] grid;
    private double ocvWeight;
    private double r0TemperatureOhms;
    private double r1NowOhms;
    private double r2NowOhms;
    private double selfDischargeNowAmps;

    private double cachedSeconds = Double.NaN;
    private double decay1;
    private double decay2;
    private double rise1;
    private double rise2;
    private double chargeSocPerAmp;
    private double dischargeSocPerAmp;
    private double gammaPerAmp;
    /** Depends on the temperature and the step length: worked out again when either changes. */
    private double selfDischargeSocPerStep;

    private double ocvNowVolts;
    private double r0NowOhms;
    /** The source voltage behind R0 for the next step, worked out with the SoC at the end of a step. */
    private double sourceNowVolts;

    /**
     * A cell at rest: no RC current, no hysteresis.
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
        this.model = model;
        CellParameters p = model.parameters();
        capacityCoulombs = p.capacityAmpHours() * variation.capacityFactor() * 3600;
        chargeEfficiency = p.coulombicEfficiency();
        r0Ohms = p.r0Ohms() * variation.r0Factor();
        r1Ohms = p.r1Ohms();
        r2Ohms = p.r2Ohms();
        tau1Seconds = p.tau1Seconds();
        tau2Seconds = p.tau2Seconds();
        m0Volts = p.m0Volts();
        gammaPerCoulomb = p.gamma() / capacityCoulombs;
        selfDischargePerSecond = p.selfDischargePerMonth() * variation.selfDischargeFactor() / SECONDS_PER_MONTH;
        selfDischargeDoublingKelvin = p.selfDischargeDoublingKelvin();
        hysteresisCurve = model.hysteresisVolts();
        r0SocCurve = model.r0SocFactor();
        this.soc = soc;
        setCelsius(celsius);
    }

    /**
     * Applies {@code amps} (positive charging) for {@code seconds} and advances the state.
     *
     * @return the terminal voltage during the step, v[k]
     */
    public double step(double amps, double seconds) {
        if (seconds != cachedSeconds) {
            refreshStepLength(seconds);
        }
        double volts = Math.fma(r0NowOhms, amps, sourceNowVolts);
        double socChange = Math.fma(amps > 0 ? chargeSocPerAmp : dischargeSocPerAmp, amps, -selfDischargeSocPerStep);
        soc += socChange;
        // Heat: the work done on the cell less what the SoC took in at the open-circuit voltage (the overpotentials,
        // the coulombic loss and the self-discharge in one term).
        lossJoules += Math.fma(volts, amps * seconds, -ocvNowVolts * capacityCoulombs * socChange);
        iR1 = Math.fma(decay1, iR1, rise1 * amps);
        iR2 = Math.fma(decay2, iR2, rise2 * amps);
        if (amps != 0) {
            double x = gammaPerAmp * Math.abs(amps);
            double decay = x < POLYNOMIAL_EXP_LIMIT
                    ? Math.fma(-x, Math.fma(-x, Math.fma(-x, Math.fma(-x, 1.0 / 24, 1.0 / 6), 0.5), 1), 1)
                    : Math.exp(-x);
            double sign = amps > 0 ? 1 : -1;
            lastSign = sign;
            hysteresis = Math.fma(decay, hysteresis - sign, sign);
        }
        lastAmps = amps;
        refreshSoc();
        return volts;
    }

    /** The terminal voltage if {@code amps} flowed in the next step, without advancing the state. */
    public double terminalVolts(double amps) {
        return sourceVolts() + r0NowOhms * amps;
    }

    /**
     * The voltage behind R0: with {@link #ohms()} the cell is the source {@code v = sourceVolts + ohms * i} for the
     * next step, whatever its current.
     */
    public double sourceVolts() {
        return sourceNowVolts;
    }

    /** R0 now, at this SoC and temperature. */
    public double ohms() {
        return r0NowOhms;
    }

    /** The terminal voltage in the next step if the last current keeps flowing. */
    public double volts() {
        return terminalVolts(lastAmps);
    }

    /** The open-circuit voltage at the present SoC and temperature. */
    public double ocvVolts() {
        return ocvNowVolts;
    }

    public double soc() {
        return soc;
    }

    /** The hysteresis state h, −1..1. */
    public double hysteresis() {
        return hysteresis;
    }

    public double capacityAmpHours() {
        return capacityCoulombs / 3600;
    }

    public double celsius() {
        return kelvin - 273.15;
    }

    /**
     * Sets the cell temperature and works out its temperature factors again, so {@link #sourceVolts()},
     * {@link #ohms()} and the voltages may change. Its owner (a battery's thermal model) decides how often: a battery
     * sets it when its temperature has moved enough to matter.
     */
    public void setCelsius(double celsius) {
        kelvin = celsius + 273.15;
        refreshTemperature();
    }

    /** The energy lost so far: overpotential work, coulombic loss and self-discharge, all of it heat. */
    public double lossJoules() {
        return lossJoules;
    }

    /** The energy the present SoC holds above SoC 0, at the present temperature: Q ∫ OCV(z, T) dz. */
    public double storedJoules() {
        return capacityCoulombs * (ocvBase.integral(soc) + ocvWeight * ocvDelta.integral(soc));
    }

    private void refreshTemperature() {
        int bracket = model.ocvBracket(kelvin);
        ocvBase = model.ocvBase(bracket);
        ocvDelta = model.ocvDelta(bracket);
        grid = model.grid(bracket);
        ocvWeight = model.ocvWeight(bracket, kelvin);
        double factor = model.parameters().temperatureScaling().factor(kelvin);
        r0TemperatureOhms = r0Ohms * factor;
        r1NowOhms = r1Ohms * factor;
        r2NowOhms = r2Ohms * factor;
        double selfDischargeNowPerSecond = selfDischargePerSecond
                * Math.pow(2, (kelvin - ResistanceScaling.REFERENCE_KELVIN) / selfDischargeDoublingKelvin);
        selfDischargeNowAmps = selfDischargeNowPerSecond * capacityCoulombs;
        selfDischargeSocPerStep = selfDischargeNowAmps * dischargeSocPerAmp;
        refreshSoc();
    }

    private void refreshStepLength(double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds = " + seconds + ": a step is a positive, finite time");
        }
        cachedSeconds = seconds;
        decay1 = Math.exp(-seconds / tau1Seconds);
        decay2 = tau2Seconds > 0 ? Math.exp(-seconds / tau2Seconds) : 1;
        rise1 = 1 - decay1;
        rise2 = 1 - decay2;
        dischargeSocPerAmp = seconds / capacityCoulombs;
        chargeSocPerAmp = chargeEfficiency * dischargeSocPerAmp;
        gammaPerAmp = gammaPerCoulomb * seconds;
        selfDischargeSocPerStep = selfDischargeNowAmps * dischargeSocPerAmp;
    }

    private void refreshSoc() {
        double hysteresisVolts;
        double position = soc * SocCurve.INTERVALS;
        if (position >= 0 && position < SocCurve.INTERVALS) {
            // Inside the grid, the four curves share one interval: find it once, read 64 adjacent bytes.
            int index = (int) position;
            double fraction = position - index;
            double[] g = grid;
            int k = index * CellModel.GRID_STRIDE;
            ocvNowVolts = Math.fma(ocvWeight, Math.fma(fraction, g[k + 3], g[k + 2]),
                    Math.fma(fraction, g[k + 1], g[k]));
            hysteresisVolts = Math.fma(fraction, g[k + 5], g[k + 4]);
            r0NowOhms = r0TemperatureOhms * Math.fma(fraction, g[k + 7], g[k + 6]);
        } else {
            ocvNowVolts = ocvBase.at(soc) + ocvWeight * ocvDelta.at(soc);
            hysteresisVolts = hysteresisCurve.at(soc);
            r0NowOhms = r0TemperatureOhms * r0SocCurve.at(soc);
        }
        // Two short sums instead of one long chain: the terms that need no table lookup do not wait for it.
        double dynamicVolts = Math.fma(r1NowOhms, iR1, Math.fma(r2NowOhms, iR2, m0Volts * lastSign));
        sourceNowVolts = Math.fma(hysteresisVolts, hysteresis, ocvNowVolts) + dynamicVolts;
    }
}
