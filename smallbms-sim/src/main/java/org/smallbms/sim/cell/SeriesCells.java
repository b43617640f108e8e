package org.smallbms.sim.cell;

import java.util.Arrays;

/**
 * The cells of one battery in series, each the enhanced self-correcting (ESC) equivalent circuit of CELL-MODEL.md,
 * stepped together in discrete time: one current through the string, one temperature, one step length.
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
 * previous step's current ({@code s[k-1]}, not {@code s[k]}). Within a step each cell is then exactly the linear
 * source {@code v = sourceVolts(i) + ohms(i) * current}, so a bank of parallel strings is solved exactly in one pass;
 * with the direction of the present current there is no solution at all while a string's current sits near zero
 * (the M0 step is a dead band), and the bank's energy would not balance. The lag is one step (a second) of a few mV.
 *
 * <p>A cell may carry a current of its own on top of the string's ({@link #setOwnAmps}): a balancer's bleed
 * (negative) or a cell charger. Cell i then carries {@code amps + ownAmps(i)}.
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances every cell in place. Current is positive
 * when charging. Not thread-safe; one owner steps it.
 *
 * <p>Speed: the cells differ in capacity, R0 and self-discharge, but not in their RC pairs, and in series they carry
 * the same current, so the RC currents and the direction of the current are worked out once for the string. A cell
 * that carries a current of its own, or did until recently, keeps its difference from the string's RC currents and
 * direction, and that difference is stepped for it alone; once its own current has stopped and the difference has
 * decayed below {@link #NEGLIGIBLE_AMPS} (a few hours after a bleed), the cell follows the string again. While no
 * cell carries a current of its own, which is nearly every step, the step's voltage and heat come from the string's
 * sums and each cell's step is its SoC and its hysteresis, in one short loop over arrays that the JIT vectorises; one
 * more loop then reads every cell at its new SoC and stores only its voltage. The SoC tables are read through a
 * uniform grid, and everything that depends on temperature or on the step length only is worked out again when those
 * change.
 * Energy is accounted as it flows: {@link #lossJoules()} collects the work done on the overpotentials, the charge
 * lost to coulombic inefficiency and to self-discharge; {@link #storedJoules(int)} is the energy a SoC holds.
 */
public final class SeriesCells {

    /**
     * Below this, the difference between a cell's RC current and the string's is dropped: it moves the cell voltage
     * by less than 1e-15 V.
     */
    public static final double NEGLIGIBLE_AMPS = 1e-12;

    private static final double SECONDS_PER_MONTH = 30.4375 * 86_400;
    /**
     * Added to a number of magnitude under 2^51, this rounds it to the nearest integer, which the low bits of the
     * sum then hold (see {@link #onGrid}).
     */
    private static final double ROUNDING = 0x1.8p52;
    /** Below this, exp(−x) is its Taylor polynomial (error under 3e-9): the hysteresis decay without a call. */
    private static final double POLYNOMIAL_EXP_LIMIT = 0.05;

    private final CellModel model;
    private final int count;
    private final double chargeEfficiency;
    private final double r1Ohms;
    private final double r2Ohms;
    private final double tau1Seconds;
    private final double tau2Seconds;
    private final double m0Volts;
    private final double selfDischargeDoublingKelvin;

    // Each cell's own figures.
    private final double[] capacityCoulombs;
    private final double[] r0Ohms;
    private final double[] gammaPerCoulomb;
    private final double[] selfDischargePerSecond;
    /** The charge self-discharge takes from each cell per second at 25 °C: Q × the rate. */
    private final double[] selfDischargeCoulombsPerSecond;

    // Each cell's state.
    private final double[] soc;
    private final double[] hysteresis;
    private final double[] ownAmps;
    /**
     * The current each cell carried in the last step, the string's plus its own, kept only while
     * {@link #lastAmpsDiffer}; otherwise every cell carried {@link #lastStringAmps}.
     */
    private final double[] lastAmps;
    private boolean lastAmpsDiffer;
    private double lastStringAmps;

    // The string's RC currents and direction, and each cell's difference from them (zero for most cells).
    private double iR1;
    private double iR2;
    private double lastSign;
    private final double[] ownIR1;
    private final double[] ownIR2;
    private final double[] ownSign;
    private final boolean[] differs;
    /** What a cell's difference adds to its source voltage: R1 ownIR1 + R2 ownIR2 + M0 (ownSign − lastSign). */
    private final double[] ownVolts;
    private int differing;
    private int carryingOwn;

    // Worked out again when the temperature changes.
    private double kelvin;
    private SocCurve ocvBase;
    private SocCurve ocvDelta;
    private double[] grid;
    private double ocvWeight;
    private double r1NowOhms;
    private double r2NowOhms;
    private double selfDischargeFactor;
    private final double[] r0TemperatureOhms;

    // Worked out again when the step length changes (and the self-discharge also with the temperature).
    private double cachedSeconds = Double.NaN;
    private double decay1;
    private double decay2;
    private double rise1;
    private double rise2;
    private final double[] chargeSocPerAmp;
    private final double[] dischargeSocPerAmp;
    private final double[] gammaPerAmp;
    private double maxGammaPerAmp;
    private final double[] selfDischargeSocPerStep;

    // The result of the last readCells: each cell's terminal voltage, and the string's sums.
    private final double[] voltsNow;
    /** What the RC pairs and M0 add to every cell's source: R1 iR1 + R2 iR2 + M0 s. */
    private double dynamicVolts;
    private double stepVolts;
    /** Σ OCV, and Σ OCV Q × self-discharge rate at 25 °C: the heat of a step without own currents needs only these. */
    private double ocvSumVolts;
    private double selfDischargeOcvWatts;
    private double stepOwnJoules;
    private double lossJoules;
    private double sourceSumVolts;
    private double ohmsSum;
    private double voltsSum;
    private double minVolts;
    private double maxVolts;

    /**
     * Cells at rest: no RC current, no hysteresis, no direction yet.
     *
     * @param model the cell type
     * @param variations how each cell differs from the nominal one, one per cell in string order
     * @param soc the initial state of charge of every cell, 0..1
     * @param celsius the initial temperature
     */
    public SeriesCells(CellModel model, CellVariation[] variations, double soc, double celsius) {
        if (!(soc >= 0 && soc <= 1) || !(celsius > -60 && celsius < 100)) {
            throw new IllegalArgumentException("soc = " + soc + ", celsius = " + celsius
                    + ": a cell starts within SoC 0..1 and −60..100 °C");
        }
        if (variations.length == 0) {
            throw new IllegalArgumentException("no cells: a string has at least one cell");
        }
        this.model = model;
        count = variations.length;
        CellParameters p = model.parameters();
        chargeEfficiency = p.coulombicEfficiency();
        r1Ohms = p.r1Ohms();
        r2Ohms = p.r2Ohms();
        tau1Seconds = p.tau1Seconds();
        tau2Seconds = p.tau2Seconds();
        m0Volts = p.m0Volts();
        selfDischargeDoublingKelvin = p.selfDischargeDoublingKelvin();
        capacityCoulombs = new double[count];
        r0Ohms = new double[count];
        gammaPerCoulomb = new double[count];
        selfDischargePerSecond = new double[count];
        selfDischargeCoulombsPerSecond = new double[count];
        for (int i = 0; i < count; i++) {
            CellVariation variation = variations[i];
            capacityCoulombs[i] = p.capacityAmpHours() * variation.capacityFactor() * 3600;
            r0Ohms[i] = p.r0Ohms() * variation.r0Factor();
            gammaPerCoulomb[i] = p.gamma() / capacityCoulombs[i];
            selfDischargePerSecond[i] = p.selfDischargePerMonth() * variation.selfDischargeFactor()
                    / SECONDS_PER_MONTH;
            selfDischargeCoulombsPerSecond[i] = capacityCoulombs[i] * selfDischargePerSecond[i];
        }
        this.soc = new double[count];
        Arrays.fill(this.soc, soc);
        hysteresis = new double[count];
        ownAmps = new double[count];
        lastAmps = new double[count];
        ownIR1 = new double[count];
        ownIR2 = new double[count];
        ownSign = new double[count];
        differs = new boolean[count];
        ownVolts = new double[count];
        r0TemperatureOhms = new double[count];
        chargeSocPerAmp = new double[count];
        dischargeSocPerAmp = new double[count];
        gammaPerAmp = new double[count];
        selfDischargeSocPerStep = new double[count];
        voltsNow = new double[count];
        setCelsius(celsius);
    }

    /**
     * Applies {@code amps} (positive charging) through the string for {@code seconds}, each cell with its own current
     * on top, and advances every cell: every cell's step on the sources of the last read ({@link #stepString} with the
     * string's current, or {@link #stepEachCell} with each its own), the string's RC currents and direction, the
     * cells' differences from them, then every cell read at its new SoC ({@link #readCells}).
     *
     * @return the voltage across the string during the step: the sum of the cells' v[k]
     */
    public double step(double amps, double seconds) {
        if (seconds != cachedSeconds) {
            refreshStepLength(seconds);
        }
        boolean own = carryingOwn > 0;
        if (own) {
            stepEachCell(amps, seconds);
        } else {
            stepString(amps, seconds);
        }
        double previousSign = lastSign;
        iR1 = Math.fma(decay1, iR1, rise1 * amps);
        iR2 = Math.fma(decay2, iR2, rise2 * amps);
        if (amps != 0) {
            lastSign = amps > 0 ? 1 : -1;
        }
        if (differing > 0 || carryingOwn > 0) {
            stepDifferences(amps, previousSign);
        }
        lastAmpsDiffer = own;
        lastStringAmps = amps;
        readCells();
        return stepVolts;
    }

    /**
     * Sets the cells at {@code celsius} and works out their temperature factors again, so the sources, the
     * resistances and the voltages may change. The owner (a battery's thermal model) decides how often.
     */
    public void setCelsius(double celsius) {
        kelvin = celsius + 273.15;
        int bracket = model.ocvBracket(kelvin);
        ocvBase = model.ocvBase(bracket);
        ocvDelta = model.ocvDelta(bracket);
        grid = model.grid(bracket);
        ocvWeight = model.ocvWeight(bracket, kelvin);
        double factor = model.parameters().temperatureScaling().factor(kelvin);
        r1NowOhms = r1Ohms * factor;
        r2NowOhms = r2Ohms * factor;
        for (int i = 0; i < count; i++) {
            r0TemperatureOhms[i] = r0Ohms[i] * factor;
            if (differs[i]) {
                ownVolts[i] = differenceVolts(i);
            }
        }
        selfDischargeFactor = Math.pow(2, (kelvin - ResistanceScaling.REFERENCE_KELVIN) / selfDischargeDoublingKelvin);
        if (!Double.isNaN(cachedSeconds)) {
            refreshSelfDischarge();
        }
        readCells();
    }

    /**
     * Sets the current cell {@code index} carries on top of the string's from the next step on: a balancer's bleed
     * is negative.
     */
    public void setOwnAmps(int index, double amps) {
        if (!Double.isFinite(amps)) {
            throw new IllegalArgumentException("amps = " + amps + ": a cell's own current is finite");
        }
        if ((ownAmps[index] != 0) != (amps != 0)) {
            carryingOwn += amps != 0 ? 1 : -1;
        }
        ownAmps[index] = amps;
    }

    /**
     * Charges ({@code amps} positive) or discharges one cell alone for {@code seconds}, as a cell charger would,
     * while the others rest; the time passes for all of them. The string's sums are as after any step.
     */
    public void stepOne(int index, double amps, double seconds) {
        double own = ownAmps[index];
        setOwnAmps(index, amps);
        step(0, seconds);
        setOwnAmps(index, own);
    }

    public int count() {
        return count;
    }

    /** The source voltage behind cell {@code index}'s R0 for the next step: {@code v = source + ohms * current}. */
    public double sourceVolts(int index) {
        double z = soc[index];
        return Math.fma(gridValue(z, CellModel.HYSTERESIS_SLOT), hysteresis[index], ocvVolts(index))
                + (dynamicVolts + ownVolts[index]);
    }

    /** Cell {@code index}'s R0 now, at its SoC and the temperature. */
    public double ohms(int index) {
        return r0TemperatureOhms[index] * gridValue(soc[index], CellModel.R0_FACTOR_SLOT);
    }

    /** Cell {@code index}'s terminal voltage now, with the last step's current (its own included) flowing. */
    public double volts(int index) {
        return voltsNow[index];
    }

    /** Cell {@code index}'s open-circuit voltage at its present SoC and the temperature. */
    public double ocvVolts(int index) {
        double z = soc[index];
        return Math.fma(ocvWeight, gridValue(z, CellModel.OCV_DELTA_SLOT), gridValue(z, CellModel.OCV_BASE_SLOT));
    }

    public double soc(int index) {
        return soc[index];
    }

    /** Cell {@code index}'s hysteresis state h, −1..1. */
    public double hysteresis(int index) {
        return hysteresis[index];
    }

    public double capacityAmpHours(int index) {
        return capacityCoulombs[index] / 3600;
    }

    public double celsius() {
        return kelvin - 273.15;
    }

    /**
     * The sum of the sources behind R0 for the next step, leaving out the cells' own currents: with them, the string
     * is the source {@code sourceSumVolts() + ownSourceVolts()} behind {@link #ohmsSum()}.
     */
    public double sourceSumVolts() {
        return sourceSumVolts;
    }

    /** What the cells' own currents add to the sum of the sources in the next step: Σ R0 × own current. */
    public double ownSourceVolts() {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (ownAmps[i] != 0) {
                sum += ohms(i) * ownAmps[i];
            }
        }
        return sum;
    }

    /** The sum of the cells' R0 now. */
    public double ohmsSum() {
        return ohmsSum;
    }

    /** The sum of the cells' terminal voltages now, with the last step's currents flowing. */
    public double voltsSum() {
        return voltsSum;
    }

    public double minVolts() {
        return minVolts;
    }

    public double maxVolts() {
        return maxVolts;
    }

    /** The voltage across the string during the last step. */
    public double stepVolts() {
        return stepVolts;
    }

    /** The energy the cells' own currents took out of them in the last step (a bleed's heat; negative charging). */
    public double stepOwnJoules() {
        return stepOwnJoules;
    }

    /** The energy lost in all the cells so far: overpotential work, coulombic loss and self-discharge, all heat. */
    public double lossJoules() {
        return lossJoules;
    }

    /** The energy cell {@code index}'s SoC holds above SoC 0, at the present temperature: Q ∫ OCV(z, T) dz. */
    public double storedJoules(int index) {
        double z = soc[index];
        return capacityCoulombs[index] * (ocvBase.integral(z) + ocvWeight * ocvDelta.integral(z));
    }

    /**
     * Every cell carries {@code amps}, so what the cells share is worked out once: the direction, the rate and |i|,
     * the step's voltage ({@code Σ(R0 i + source) = i ΣR0 + Σsource}) and the heat ({@code Σ v i dt − Σ OCV Q Δz},
     * where {@code Q Δz = eta i dt − Q sd dt} needs only the sums of the open-circuit voltages, plain and weighted by
     * each cell's self-discharge, that the last {@link #readCells} made). Each cell's own work is its SoC and its
     * hysteresis, one short loop without a branch.
     */
    private void stepString(double amps, double seconds) {
        double volts = Math.fma(ohmsSum, amps, sourceSumVolts);
        double socAmps = amps * seconds * (amps > 0 ? chargeEfficiency : 1);
        lossJoules += Math.fma(volts, amps * seconds,
                Math.fma(selfDischargeFactor * seconds, selfDischargeOcvWatts, -socAmps * ocvSumVolts));
        stepVolts = volts;
        stepOwnJoules = 0;
        double[] socPerAmp = amps > 0 ? chargeSocPerAmp : dischargeSocPerAmp;
        // One loop for the SoC and the hysteresis; at rest the hysteresis stays, a decay of exactly 1 towards 0.
        double sign = amps > 0 ? 1 : amps < 0 ? -1 : 0;
        double absAmps = Math.abs(amps);
        if (maxGammaPerAmp * absAmps < POLYNOMIAL_EXP_LIMIT) {
            // Every cell's decay is the polynomial: the loop has no branch and no call.
            for (int i = 0; i < count; i++) {
                soc[i] += Math.fma(socPerAmp[i], amps, -selfDischargeSocPerStep[i]);
                hysteresis[i] = Math.fma(polynomialExp(gammaPerAmp[i] * absAmps), hysteresis[i] - sign, sign);
            }
        } else {
            for (int i = 0; i < count; i++) {
                soc[i] += Math.fma(socPerAmp[i], amps, -selfDischargeSocPerStep[i]);
                hysteresis[i] = Math.fma(hysteresisDecay(gammaPerAmp[i] * absAmps), hysteresis[i] - sign, sign);
            }
        }
    }

    /**
     * Some cells carry a current of their own: each cell's step with its current, the energy it takes in and, for
     * the heat, what its SoC took in at its open-circuit voltage.
     */
    private void stepEachCell(double amps, double seconds) {
        double volts = 0;
        double ownJoules = 0;
        double loss = 0;
        for (int i = 0; i < count; i++) {
            double ocv = ocvVolts(i);
            double cellAmps = amps + ownAmps[i];
            double v = Math.fma(ohms(i), cellAmps, sourceVolts(i));
            volts += v;
            ownJoules = Math.fma(v, ownAmps[i], ownJoules);
            double socChange = Math.fma(cellAmps > 0 ? chargeSocPerAmp[i] : dischargeSocPerAmp[i], cellAmps,
                    -selfDischargeSocPerStep[i]);
            soc[i] += socChange;
            // Heat: the work done on the cell less what the SoC took in at the open-circuit voltage (the
            // overpotentials, the coulombic loss and the self-discharge in one term).
            loss += Math.fma(v, cellAmps * seconds, -ocv * capacityCoulombs[i] * socChange);
            if (cellAmps != 0) {
                double sign = cellAmps > 0 ? 1 : -1;
                hysteresis[i] = Math.fma(hysteresisDecay(gammaPerAmp[i] * Math.abs(cellAmps)), hysteresis[i] - sign,
                        sign);
            }
            lastAmps[i] = cellAmps;
        }
        stepVolts = volts;
        stepOwnJoules = -ownJoules * seconds;
        lossJoules += loss;
    }

    /**
     * Reads every cell at its SoC and the temperature: its voltage with the last step's current, and the string's
     * sums for the next step (sources, R0, open-circuit voltages, extreme cells). The one pass over the cells that
     * needs the SoC tables; a single cell's source, R0 and OCV are worked out again on request, by the same arithmetic
     * ({@link #sourceVolts}, {@link #ohms}, {@link #ocvVolts}), so the pass stores only each cell's voltage, which the
     * battery's sensor reads every step.
     */
    private void readCells() {
        double dynamic = Math.fma(r1NowOhms, iR1, Math.fma(r2NowOhms, iR2, m0Volts * lastSign));
        dynamicVolts = dynamic;
        double[] g = grid;
        double weight = ocvWeight;
        // Invariant in the loop, so the JIT makes a copy of it without them for the usual case: every cell carried
        // the string's current and follows its RC pairs.
        boolean own = lastAmpsDiffer;
        boolean anyDiffers = differing > 0;
        double stringAmps = lastStringAmps;
        double ocvSum = 0;
        double selfDischargeWatts = 0;
        double sourceSum = 0;
        double resistance = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double z = soc[i];
            double hysteresisVolts;
            double r0Factor;
            double ocv;
            double rounded = onGrid(z);
            int interval = intervalOf(rounded);
            if (interval >= 0 && interval < SocCurve.INTERVALS) {
                // Inside the grid, the four curves share one interval: find it once, read 64 adjacent bytes, the
                // last and the first first, so the bounds checks of those two cover the others. Written out as
                // gridValue does it, not called: an inlined call keeps its own index alive for the JIT's checks.
                double fraction = fractionOf(z, rounded);
                int k = interval * CellModel.GRID_STRIDE;
                double r0Slope = g[k + CellModel.R0_FACTOR_SLOT + 1];
                double ocvBaseValue = g[k + CellModel.OCV_BASE_SLOT];
                r0Factor = Math.fma(fraction, r0Slope, g[k + CellModel.R0_FACTOR_SLOT]);
                ocv = Math.fma(weight,
                        Math.fma(fraction, g[k + CellModel.OCV_DELTA_SLOT + 1], g[k + CellModel.OCV_DELTA_SLOT]),
                        Math.fma(fraction, g[k + CellModel.OCV_BASE_SLOT + 1], ocvBaseValue));
                hysteresisVolts = Math.fma(fraction, g[k + CellModel.HYSTERESIS_SLOT + 1],
                        g[k + CellModel.HYSTERESIS_SLOT]);
            } else {
                ocv = Math.fma(weight, ocvDelta.at(z), ocvBase.at(z));
                hysteresisVolts = model.hysteresisVolts().at(z);
                r0Factor = model.r0SocFactor().at(z);
            }
            double r0 = r0TemperatureOhms[i] * r0Factor;
            // Two short sums instead of one long chain: the terms that need no table lookup do not wait for it.
            double source = Math.fma(hysteresisVolts, hysteresis[i], ocv)
                    + (anyDiffers ? dynamic + ownVolts[i] : dynamic);
            double v = Math.fma(r0, own ? lastAmps[i] : stringAmps, source);
            voltsNow[i] = v;
            ocvSum += ocv;
            selfDischargeWatts = Math.fma(ocv, selfDischargeCoulombsPerSecond[i], selfDischargeWatts);
            if (own) {
                sum += v;
            }
            // Plain comparisons: Math.min and Math.max order NaN and −0.0, which no cell voltage is, and make the
            // running extreme a long dependency chain from cell to cell.
            min = v < min ? v : min;
            max = v > max ? v : max;
            sourceSum += source;
            resistance += r0;
        }
        ocvSumVolts = ocvSum;
        selfDischargeOcvWatts = selfDischargeWatts;
        sourceSumVolts = sourceSum;
        ohmsSum = resistance;
        voltsSum = own ? sum : Math.fma(resistance, stringAmps, sourceSum);
        minVolts = min;
        maxVolts = max;
    }

    /**
     * One of the curves of the grid ({@code slot}, see {@link CellModel#grid}) at SoC {@code z}, worked out as
     * {@link #readCells} works it out.
     */
    private double gridValue(double z, int slot) {
        double rounded = onGrid(z);
        int interval = intervalOf(rounded);
        if (interval >= 0 && interval < SocCurve.INTERVALS) {
            return interpolate(grid, interval * CellModel.GRID_STRIDE + slot, fractionOf(z, rounded));
        }
        switch (slot) {
            case CellModel.OCV_BASE_SLOT:
                return ocvBase.at(z);
            case CellModel.OCV_DELTA_SLOT:
                return ocvDelta.at(z);
            case CellModel.HYSTERESIS_SLOT:
                return model.hysteresisVolts().at(z);
            default:
                return model.r0SocFactor().at(z);
        }
    }

    /**
     * Finds SoC {@code z}'s grid interval by rounding, not by a cast to int, which costs a compare and a branch per
     * cell for the JIT's NaN and overflow case: {@code z × INTERVALS − ½ + ROUNDING} holds the interval in the low
     * bits of the sum (read by {@link #intervalOf}; a SoC off the grid gives a number outside 0..INTERVALS − 1) and,
     * less ROUNDING, is the interval's start exactly. On a grid point the rounding may choose the interval below, at
     * fraction 1: the same value to the last bit or two.
     */
    private static double onGrid(double z) {
        return Math.fma(z, SocCurve.INTERVALS, -0.5) + ROUNDING;
    }

    private static int intervalOf(double rounded) {
        return (int) Double.doubleToRawLongBits(rounded);
    }

    /** Where SoC {@code z} lies within the interval {@link #onGrid} found: 0..1. */
    private static double fractionOf(double z, double rounded) {
        return Math.fma(z, SocCurve.INTERVALS, ROUNDING - rounded);
    }

    /** The curve at {@code fraction} of the interval whose value and slope are at {@code index} of the grid. */
    private static double interpolate(double[] grid, int index, double fraction) {
        return Math.fma(fraction, grid[index + 1], grid[index]);
    }

    /** The hysteresis decay over a step, exp(−x): below {@link #POLYNOMIAL_EXP_LIMIT}, the polynomial. */
    private static double hysteresisDecay(double x) {
        return x < POLYNOMIAL_EXP_LIMIT ? polynomialExp(x) : Math.exp(-x);
    }

    /** exp(−x) for x below {@link #POLYNOMIAL_EXP_LIMIT}: its Taylor polynomial, without a call. */
    private static double polynomialExp(double x) {
        return Math.fma(-x, Math.fma(-x, Math.fma(-x, Math.fma(-x, 1.0 / 24, 1.0 / 6), 0.5), 1), 1);
    }

    /**
     * The cells whose current differs from the string's, or did until recently: their difference in RC currents
     * and in direction, stepped with their own current.
     */
    private void stepDifferences(double amps, double previousSign) {
        int stillDiffering = 0;
        for (int i = 0; i < count; i++) {
            double own = ownAmps[i];
            if (own == 0 && !differs[i]) {
                continue;
            }
            if (!differs[i]) {
                ownSign[i] = previousSign;
            }
            double own1 = Math.fma(decay1, ownIR1[i], rise1 * own);
            double own2 = Math.fma(decay2, ownIR2[i], rise2 * own);
            ownIR1[i] = Math.abs(own1) < NEGLIGIBLE_AMPS ? 0 : own1;
            ownIR2[i] = Math.abs(own2) < NEGLIGIBLE_AMPS ? 0 : own2;
            double cellAmps = amps + own;
            if (cellAmps != 0) {
                ownSign[i] = cellAmps > 0 ? 1 : -1;
            }
            boolean still = own != 0 || ownIR1[i] != 0 || ownIR2[i] != 0 || ownSign[i] != lastSign;
            differs[i] = still;
            ownVolts[i] = still ? differenceVolts(i) : 0;
            if (still) {
                stillDiffering++;
            }
        }
        differing = stillDiffering;
    }

    private double differenceVolts(int index) {
        return Math.fma(r1NowOhms, ownIR1[index], Math.fma(r2NowOhms, ownIR2[index],
                m0Volts * (ownSign[index] - lastSign)));
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
        maxGammaPerAmp = 0;
        for (int i = 0; i < count; i++) {
            dischargeSocPerAmp[i] = seconds / capacityCoulombs[i];
            chargeSocPerAmp[i] = chargeEfficiency * dischargeSocPerAmp[i];
            gammaPerAmp[i] = gammaPerCoulomb[i] * seconds;
            maxGammaPerAmp = Math.max(maxGammaPerAmp, gammaPerAmp[i]);
        }
        refreshSelfDischarge();
    }

    private void refreshSelfDischarge() {
        for (int i = 0; i < count; i++) {
            selfDischargeSocPerStep[i] = selfDischargePerSecond[i] * selfDischargeFactor * cachedSeconds;
        }
    }
}
