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
 * s[k]     = sgn(i[k]) if i[k] != 0 else s[k-1]
 * v[k]     = OCV(z, T) + M(z) h[k] + M0 s[k] + R0(T, z) i[k] + R1(T) iR1[k] + R2(T) iR2[k]
 * </pre>
 *
 * <p>The instantaneous hysteresis M0 acts with the direction of the current of the step itself, as CELL-MODEL.md
 * writes it, so its work {@code M0 |i| dt} is always a loss. A cell is then the source
 * {@code v = sourceVolts(i) + M0 sgn(current) + ohms(i) * current}: two straight lines a step of {@code 2 M0} apart,
 * and at zero current anywhere between them (its voltage then shows the last direction, {@code s[k-1]}). A bank of
 * parallel strings is solved piecewise on that characteristic ({@code BatteryBank}).
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
 * more loop then reads every cell at its new SoC and stores only its voltage. Each cell reads the SoC curves as the
 * straight lines of its segment of them ({@link SocSegments}), kept until it leaves the segment, and everything that
 * depends on temperature or on the step length only is worked out again when those change.
 * Energy is accounted as it flows: {@link #lossJoules()} collects the work done on the overpotentials, the charge
 * lost to coulombic inefficiency and to self-discharge; {@link #storedJoules(int)} is the energy a SoC holds.
 */
public final class SeriesCells {

    /**
     * Below this, the difference between a cell's RC current and the string's is dropped: it moves the cell voltage
     * by less than 1e-15 V.
     */
    public static final double NEGLIGIBLE_AMPS = 1e-12;

    /** Below this, exp(−x) is its Taylor polynomial (error under 3e-9): the hysteresis decay without a call. */
    private static final double POLYNOMIAL_EXP_LIMIT = 0.05;

    // Where each figure sits in a cell's LINE_STRIDE doubles of lines.
    private static final int OCV_INTERCEPT = 0;
    private static final int OCV_SLOPE = 1;
    private static final int HYSTERESIS_INTERCEPT = 2;
    private static final int HYSTERESIS_SLOPE = 3;
    private static final int R0_INTERCEPT = 4;
    private static final int R0_SLOPE = 5;
    private static final int SEGMENT_FROM = 6;
    private static final int SEGMENT_TO = 7;
    private static final int LINE_STRIDE = 8;
    /** Kept off the rooms, in SoC: far more than the rounding of the SoC steps between two looks at the cells. */
    private static final double ROOM_MARGIN = 1e-9;

    private final CellModel model;
    private final int count;
    private final double selfDischargeDoublingKelvin;
    /** The ESC convention: the RC pairs and the hysteresis follow eta i on charge, a small current keeps M0's sign. */
    private final boolean esc;
    /** Whether the figures below follow temperature: then they are worked out again when it is set. */
    private final boolean followsTemperature;
    private final double[] capacityFactors;
    private final double[] r0Factors;

    // The figures at the temperature: set once unless the parameters follow temperature.
    private double chargeEfficiency;
    private double r1Ohms;
    private double r2Ohms;
    private double tau1Seconds;
    private double tau2Seconds;
    /** M0 with the direction of the charging current, as this simulation applies it whatever the file's convention. */
    private double m0Volts;
    /** Below this current M0 keeps its last direction: 0 in this simulation's convention, Q/100 in the ESC's. */
    private double directionThresholdAmps;
    /** What the RC pairs take of a charging current: 1, or eta in the ESC convention. */
    private double rcChargeFactor = 1;
    /** Whether a resistance given as a plain number, scaled with temperature (false: a table of its own). */
    private final boolean scaleR0;
    private final boolean scaleR1;
    private final boolean scaleR2;

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
    /** M0 of every cell together: what the instantaneous hysteresis adds to the string charging, takes discharging. */
    private double m0SumVolts;

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
    /** Σ (ownSign − lastSign) over the differing cells: with it, Σ of the cells' last directions. */
    private double ownDirections;
    private int differing;
    private int carryingOwn;

    // Worked out again when the temperature changes.
    private double kelvin;
    private SocCurve ocvBase;
    private SocCurve ocvDelta;
    private SocSegments segments;
    private double ocvWeight;
    private double hysteresisWeight;
    private double r1NowOhms;
    private double r2NowOhms;
    private double selfDischargeFactor;
    private final double[] r0TemperatureOhms;

    /**
     * Per cell, {@link #LINE_STRIDE} doubles: the lines {@code a + b z} the cell reads in its segment of the curves
     * (see {@link SocSegments}) at the temperature, the OCV (base and delta weighted), M and R0 (the cell's R0 at the
     * temperature times the SoC factor), then the segment's bounds. Worked out again when the cell leaves its
     * segment or the temperature changes. One array, so the JIT checks one array's bounds once per pass.
     */
    private final double[] lines;
    /**
     * How far every cell can still rise, and fall, in SoC before one of them could leave its segment; a step moves
     * them by at most the most any cell moves, and at zero the cells are looked at again ({@link #relocate}).
     */
    private double riseRoom;
    private double fallRoom;

    // Worked out again when the step length changes (and the self-discharge also with the temperature).
    private double cachedSeconds = Double.NaN;
    private double decay1;
    private double decay2;
    private double rise1;
    private double rise2;
    private final double[] chargeSocPerAmp;
    private final double[] dischargeSocPerAmp;
    private final double[] gammaPerAmp;
    /** The hysteresis rate per ampere charging: {@link #gammaPerAmp} itself, or with eta in the ESC convention. */
    private final double[] chargeGammaPerAmp;
    private double maxGammaPerAmp;
    /** The most SoC any cell gains per ampere charging, and loses per ampere discharging and per step at rest. */
    private double maxChargeSocPerAmp;
    private double maxDischargeSocPerAmp;
    private double maxSelfDischargeSocPerStep;
    private final double[] selfDischargeSocPerStep;

    // The result of the last readCells: each cell's terminal voltage, and the string's sums.
    private final double[] voltsNow;
    /** What the RC pairs and M0 at the last direction add to every cell's source: R1 iR1 + R2 iR2 + M0 s[k-1]. */
    private double dynamicVolts;
    private double stepVolts;
    /** Σ OCV, and Σ OCV Q × self-discharge rate at 25 °C: the heat of a step without own currents needs only these. */
    private double ocvSumVolts;
    private double selfDischargeOcvWatts;
    private double stepOwnJoules;
    private double lossJoules;
    /** Σ of the cells' sources at their last directions, M0 s[k-1] included: the string's voltage at rest. */
    private double restSumVolts;
    /** Σ of the cells' sources behind R0 and M0. */
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
        selfDischargeDoublingKelvin = p.selfDischargeDoublingKelvin();
        esc = p.convention() == HysteresisConvention.ESC;
        followsTemperature = model.followsTemperature();
        scaleR0 = !p.r0Ohms().isTable();
        scaleR1 = !p.r1Ohms().isTable();
        scaleR2 = !p.r2Ohms().isTable();
        capacityFactors = new double[count];
        r0Factors = new double[count];
        capacityCoulombs = new double[count];
        r0Ohms = new double[count];
        gammaPerCoulomb = new double[count];
        selfDischargePerSecond = new double[count];
        selfDischargeCoulombsPerSecond = new double[count];
        for (int i = 0; i < count; i++) {
            CellVariation variation = variations[i];
            capacityFactors[i] = variation.capacityFactor();
            r0Factors[i] = variation.r0Factor();
            selfDischargePerSecond[i] = p.selfDischargePerMonth() * variation.selfDischargeFactor()
                    / CellParameters.SECONDS_PER_MONTH;
        }
        resolveFigures(celsius);
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
        lines = new double[count * LINE_STRIDE];
        chargeSocPerAmp = new double[count];
        dischargeSocPerAmp = new double[count];
        gammaPerAmp = new double[count];
        chargeGammaPerAmp = new double[count];
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
        double rcAmps = amps > 0 ? amps * rcChargeFactor : amps;
        iR1 = Math.fma(decay1, iR1, rise1 * rcAmps);
        iR2 = Math.fma(decay2, iR2, rise2 * rcAmps);
        if (amps != 0 && !(Math.abs(amps) < directionThresholdAmps)) {
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
        if (followsTemperature) {
            resolveFigures(celsius);
        }
        kelvin = celsius + 273.15;
        int bracket = model.ocvBracket(kelvin);
        ocvBase = model.ocvBase(bracket);
        ocvDelta = model.ocvDelta(bracket);
        segments = model.segments(bracket);
        ocvWeight = model.ocvWeight(bracket, kelvin);
        hysteresisWeight = model.hysteresisWeight(bracket, kelvin);
        double factor = model.parameters().temperatureScaling().factor(kelvin);
        r1NowOhms = scaleR1 ? r1Ohms * factor : r1Ohms;
        r2NowOhms = scaleR2 ? r2Ohms * factor : r2Ohms;
        double r0Factor = scaleR0 ? factor : 1;
        for (int i = 0; i < count; i++) {
            r0TemperatureOhms[i] = r0Ohms[i] * r0Factor;
            if (differs[i]) {
                ownVolts[i] = differenceVolts(i);
            }
            locate(i, soc[i]);
        }
        measureRooms();
        selfDischargeFactor = Math.pow(2, (kelvin - ResistanceScaling.REFERENCE_KELVIN) / selfDischargeDoublingKelvin);
        if (!Double.isNaN(cachedSeconds)) {
            refreshSelfDischarge();
        }
        readCells();
    }

    /**
     * Sets every cell's hysteresis state and the string's RC currents (positive charging), the state a replay of
     * lab data starts from when the cell was not at rest; the voltages follow.
     */
    public void setDynamicState(double hysteresis, double rc1Amps, double rc2Amps) {
        if (!(hysteresis >= -1 && hysteresis <= 1) || !Double.isFinite(rc1Amps) || !Double.isFinite(rc2Amps)) {
            throw new IllegalArgumentException("hysteresis = " + hysteresis + ", RC currents " + rc1Amps + ", "
                    + rc2Amps + " A: the hysteresis state is within -1..1 and the currents are finite");
        }
        Arrays.fill(this.hysteresis, hysteresis);
        iR1 = rc1Amps;
        iR2 = rc2Amps;
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

    /**
     * The source voltage behind cell {@code index}'s R0 and M0 for the next step: carrying {@code current}, the cell
     * is at {@code source + M0 sgn(current) + ohms * current} ({@link #volts(int, double)}).
     */
    public double sourceVolts(int index) {
        return restSourceVolts(index) - m0Volts * direction(index);
    }

    /** Cell {@code index}'s source with M0 at its last direction: its voltage at rest. */
    private double restSourceVolts(int index) {
        int k = index * LINE_STRIDE;
        double hysteresisVolts = Math.fma(soc[index], lines[k + HYSTERESIS_SLOPE], lines[k + HYSTERESIS_INTERCEPT]);
        return Math.fma(hysteresisVolts, hysteresis[index], ocvVolts(index)) + (dynamicVolts + ownVolts[index]);
    }

    /**
     * Cell {@code index}'s terminal voltage if it carried {@code amps} (its own current included) in the next step,
     * without advancing anything: M0 with the direction of {@code amps}, at zero the cell's last direction.
     */
    public double volts(int index, double amps) {
        double turn = Math.abs(amps) < directionThresholdAmps ? 0
                : amps > 0 ? 1 - direction(index) : amps < 0 ? -1 - direction(index) : 0;
        return Math.fma(ohms(index), amps, Math.fma(m0Volts, turn, restSourceVolts(index)));
    }

    /** The direction of cell {@code index}'s last current other than zero: 1 charging, −1 discharging, 0 never. */
    public double direction(int index) {
        return differs[index] ? ownSign[index] : lastSign;
    }

    /** The direction of the string's last current other than zero: 1 charging, −1 discharging, 0 never. */
    public double direction() {
        return lastSign;
    }

    /** The instantaneous hysteresis M0 of one cell. */
    public double m0Volts() {
        return m0Volts;
    }

    /**
     * M0 of all the cells together: the string carrying a current {@code i} is at
     * {@code sourceSumVolts() + m0SumVolts() sgn(i) + ohmsSum() i} (with {@link #ownSourceVolts()} while cells carry
     * currents of their own, exact as long as those keep the direction of the string's).
     */
    public double m0SumVolts() {
        return m0SumVolts;
    }

    /** Cell {@code index}'s R0 now, at its SoC and the temperature. */
    public double ohms(int index) {
        int k = index * LINE_STRIDE;
        return Math.fma(soc[index], lines[k + R0_SLOPE], lines[k + R0_INTERCEPT]);
    }

    /** Cell {@code index}'s terminal voltage now, with the last step's current (its own included) flowing. */
    public double volts(int index) {
        return voltsNow[index];
    }

    /** Cell {@code index}'s open-circuit voltage at its present SoC and the temperature. */
    public double ocvVolts(int index) {
        int k = index * LINE_STRIDE;
        return Math.fma(soc[index], lines[k + OCV_SLOPE], lines[k + OCV_INTERCEPT]);
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
     * The sum of the sources behind R0 and M0 for the next step, leaving out the cells' own currents: with them, the
     * string is the source {@code sourceSumVolts() + ownSourceVolts()} behind {@link #m0SumVolts()} and
     * {@link #ohmsSum()}.
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
     * the step's voltage ({@code Σ(R0 i + M0 sgn(i) + source) = i ΣR0 + ΣM0 sgn(i) + Σsource}) and the heat
     * ({@code Σ v i dt − Σ OCV Q Δz}, where {@code Q Δz = eta i dt − Q sd dt} needs only the sums of the open-circuit
     * voltages, plain and weighted by each cell's self-discharge, that the last {@link #readCells} made). Each cell's
     * own work is its SoC and its hysteresis, one short loop without a branch.
     */
    private void stepString(double amps, double seconds) {
        double sign = amps > 0 ? 1 : amps < 0 ? -1 : 0;
        // The sums of the last read hold M0 at each cell's last direction; a current turns it to its own at once.
        double turn = sign != 0 && !(Math.abs(amps) < directionThresholdAmps)
                ? Math.fma(-m0Volts, ownDirections, m0SumVolts * (sign - lastSign)) : 0;
        double volts = Math.fma(ohmsSum, amps, restSumVolts + turn);
        double socAmps = amps * seconds * (amps > 0 ? chargeEfficiency : 1);
        lossJoules += Math.fma(volts, amps * seconds,
                Math.fma(selfDischargeFactor * seconds, selfDischargeOcvWatts, -socAmps * ocvSumVolts));
        stepVolts = volts;
        stepOwnJoules = 0;
        if (amps > 0) {
            riseRoom -= amps * maxChargeSocPerAmp;
        } else {
            fallRoom += amps * maxDischargeSocPerAmp;
        }
        fallRoom -= maxSelfDischargeSocPerStep;
        double[] socPerAmp = amps > 0 ? chargeSocPerAmp : dischargeSocPerAmp;
        double[] gammaPerAmp = amps > 0 ? chargeGammaPerAmp : this.gammaPerAmp;
        // One loop for the SoC and the hysteresis; at rest the hysteresis stays, a decay of exactly 1 towards 0.
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
            double v = volts(i, cellAmps);
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
                double rate = cellAmps > 0 ? chargeGammaPerAmp[i] : gammaPerAmp[i];
                hysteresis[i] = Math.fma(hysteresisDecay(rate * Math.abs(cellAmps)), hysteresis[i] - sign, sign);
            }
            lastAmps[i] = cellAmps;
        }
        stepVolts = volts;
        stepOwnJoules = -ownJoules * seconds;
        lossJoules += loss;
        // Each cell moved by its own current, not by the string's: look at every cell before the next read.
        riseRoom = -1;
    }

    /**
     * Reads every cell at its SoC and the temperature: its voltage with the last step's current, and the string's
     * sums for the next step (sources, R0, open-circuit voltages, extreme cells). Each curve is one multiply-add on
     * the line of the cell's segment; when the string may have moved a cell out of its segment, every cell that has
     * left its segment finds its new one first ({@link #relocate}), outside the reading loop, so the loop makes no
     * call and the JIT checks each array's bounds once before it. A single cell's source, R0 and OCV are worked out
     * again on request by the same arithmetic ({@link #sourceVolts}, {@link #ohms}, {@link #ocvVolts}), so the pass
     * stores only each cell's voltage, which the battery's sensor reads every step.
     */
    private void readCells() {
        if (!(riseRoom > 0 && fallRoom > 0)) {
            relocate();
        }
        double dynamic = Math.fma(r1NowOhms, iR1, Math.fma(r2NowOhms, iR2, m0Volts * lastSign));
        dynamicVolts = dynamic;
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
            int k = i * LINE_STRIDE;
            double ocv = Math.fma(z, lines[k + OCV_SLOPE], lines[k + OCV_INTERCEPT]);
            double hysteresisVolts = Math.fma(z, lines[k + HYSTERESIS_SLOPE], lines[k + HYSTERESIS_INTERCEPT]);
            double r0 = Math.fma(z, lines[k + R0_SLOPE], lines[k + R0_INTERCEPT]);
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
        restSumVolts = sourceSum;
        sourceSumVolts = Math.fma(-m0Volts, ownDirections, Math.fma(-m0SumVolts, lastSign, sourceSum));
        ohmsSum = resistance;
        voltsSum = own ? sum : Math.fma(resistance, stringAmps, sourceSum);
        minVolts = min;
        maxVolts = max;
    }

    /** Every cell that has left its segment finds its new one; then the rooms are measured again. */
    private void relocate() {
        for (int i = 0; i < count; i++) {
            double z = soc[i];
            int k = i * LINE_STRIDE;
            if (!(z >= lines[k + SEGMENT_FROM] && z < lines[k + SEGMENT_TO])) {
                locate(i, z);
            }
        }
        measureRooms();
    }

    private void measureRooms() {
        double rise = Double.POSITIVE_INFINITY;
        double fall = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            int k = i * LINE_STRIDE;
            rise = Math.min(rise, lines[k + SEGMENT_TO] - soc[i]);
            fall = Math.min(fall, soc[i] - lines[k + SEGMENT_FROM]);
        }
        riseRoom = rise - ROOM_MARGIN;
        fallRoom = fall - ROOM_MARGIN;
    }

    /**
     * Finds the segment of the curves that holds SoC {@code z} for cell {@code index}, and the lines the cell reads
     * there: the OCV's base and delta weighted for the temperature, M, and R0 scaled by the cell's R0 at the
     * temperature.
     */
    private void locate(int index, double z) {
        SocSegments s = segments;
        int segment = s.segmentOf(z);
        int k = index * LINE_STRIDE;
        lines[k + OCV_INTERCEPT] = Math.fma(ocvWeight, s.intercept(segment, SocSegments.OCV_DELTA),
                s.intercept(segment, SocSegments.OCV_BASE));
        lines[k + OCV_SLOPE] = Math.fma(ocvWeight, s.slope(segment, SocSegments.OCV_DELTA),
                s.slope(segment, SocSegments.OCV_BASE));
        lines[k + HYSTERESIS_INTERCEPT] = Math.fma(hysteresisWeight, s.intercept(segment, SocSegments.HYSTERESIS_DELTA),
                s.intercept(segment, SocSegments.HYSTERESIS));
        lines[k + HYSTERESIS_SLOPE] = Math.fma(hysteresisWeight, s.slope(segment, SocSegments.HYSTERESIS_DELTA),
                s.slope(segment, SocSegments.HYSTERESIS));
        lines[k + R0_INTERCEPT] = r0TemperatureOhms[index] * s.intercept(segment, SocSegments.R0_FACTOR);
        lines[k + R0_SLOPE] = r0TemperatureOhms[index] * s.slope(segment, SocSegments.R0_FACTOR);
        lines[k + SEGMENT_FROM] = s.lower(segment);
        lines[k + SEGMENT_TO] = s.upper(segment);
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
        double directions = 0;
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
            if (cellAmps != 0 && !(Math.abs(cellAmps) < directionThresholdAmps)) {
                ownSign[i] = cellAmps > 0 ? 1 : -1;
            }
            boolean still = own != 0 || ownIR1[i] != 0 || ownIR2[i] != 0 || ownSign[i] != lastSign;
            differs[i] = still;
            ownVolts[i] = still ? differenceVolts(i) : 0;
            if (still) {
                stillDiffering++;
                directions += ownSign[i] - lastSign;
            }
        }
        differing = stillDiffering;
        ownDirections = directions;
    }

    private double differenceVolts(int index) {
        return Math.fma(r1NowOhms, ownIR1[index], Math.fma(r2NowOhms, ownIR2[index],
                m0Volts * (ownSign[index] - lastSign)));
    }

    /**
     * The figures at {@code celsius}: capacity, efficiency, RC pairs, M0 and gamma, and each cell's capacity and R0
     * from them. Once, unless the parameters follow temperature; then also the constants of the step length.
     */
    private void resolveFigures(double celsius) {
        CellParameters p = model.parameters();
        chargeEfficiency = p.coulombicEfficiency().at(celsius);
        r1Ohms = p.r1Ohms().at(celsius);
        r2Ohms = p.r2Ohms().at(celsius);
        tau1Seconds = p.tau1Seconds().at(celsius);
        tau2Seconds = p.tau2Seconds().at(celsius);
        m0Volts = p.chargingM0VoltsAt(celsius);
        m0SumVolts = count * m0Volts;
        double capacityAmpHours = p.capacityAmpHours().at(celsius);
        directionThresholdAmps = esc ? capacityAmpHours / 100 : 0;
        rcChargeFactor = esc ? chargeEfficiency : 1;
        double r0 = p.r0Ohms().at(celsius);
        double gamma = p.gamma().at(celsius);
        for (int i = 0; i < count; i++) {
            capacityCoulombs[i] = capacityAmpHours * capacityFactors[i] * 3600;
            r0Ohms[i] = r0 * r0Factors[i];
            gammaPerCoulomb[i] = gamma / capacityCoulombs[i];
            selfDischargeCoulombsPerSecond[i] = capacityCoulombs[i] * selfDischargePerSecond[i];
        }
        if (!Double.isNaN(cachedSeconds)) {
            refreshStepLength(cachedSeconds);
        }
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
        maxChargeSocPerAmp = 0;
        maxDischargeSocPerAmp = 0;
        for (int i = 0; i < count; i++) {
            dischargeSocPerAmp[i] = seconds / capacityCoulombs[i];
            chargeSocPerAmp[i] = chargeEfficiency * dischargeSocPerAmp[i];
            gammaPerAmp[i] = gammaPerCoulomb[i] * seconds;
            chargeGammaPerAmp[i] = esc ? chargeEfficiency * gammaPerAmp[i] : gammaPerAmp[i];
            maxGammaPerAmp = Math.max(maxGammaPerAmp, gammaPerAmp[i]);
            maxChargeSocPerAmp = Math.max(maxChargeSocPerAmp, chargeSocPerAmp[i]);
            maxDischargeSocPerAmp = Math.max(maxDischargeSocPerAmp, dischargeSocPerAmp[i]);
        }
        refreshSelfDischarge();
    }

    private void refreshSelfDischarge() {
        maxSelfDischargeSocPerStep = 0;
        for (int i = 0; i < count; i++) {
            selfDischargeSocPerStep[i] = selfDischargePerSecond[i] * selfDischargeFactor * cachedSeconds;
            maxSelfDischargeSocPerStep = Math.max(maxSelfDischargeSocPerStep, selfDischargeSocPerStep[i]);
        }
    }
}
