package org.smallbms.sim.battery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryFlags;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.CellVariation;
import org.smallbms.sim.cell.SeriesCells;

/**
 * A Lithium NG or Lithium Battery Smart battery: its cells in series with a seeded manufacturing spread, the
 * connections between them, a lumped thermal body, its own cell monitor and a passive balancer.
 *
 * <p><b>A mutable physics body</b>: {@link #step(double, double)} advances the cells, the temperature, the monitor's
 * flags and the balancer in place. Current is positive when charging. Not thread-safe; one owner steps it.
 *
 * <p>Figures (CELL-MODEL.md): cell spread capacity σ 0.5 %, R0 σ 2 %, self-discharge ±50 %; the connections inside
 * the battery add 0.1 mΩ per 100 Ah cell, which with 0.4 mΩ of R0 per cell gives the data sheet's 2 mΩ for a
 * 12.8 V/100 Ah battery, 1 mΩ at 200 Ah and 8 mΩ for 51.2 V/100 Ah. The thermal body holds 25 J/K per cell-Ah (about
 * 2 kg of cell at 1.1 kJ/(kg K) per 100 Ah, plus the case) and exchanges 1.25 W/K with the ambient for a 12.8 V/100 Ah
 * case, scaled with its surface.
 */
public final class Battery {

    public static final double CAPACITY_SIGMA = 0.005;
    public static final double R0_SIGMA = 0.02;
    public static final double SELF_DISCHARGE_SPREAD = 0.5;
    public static final double LINK_OHMS_PER_CELL_100AH = 0.0001;
    public static final double HEAT_CAPACITY_JOULES_PER_KELVIN_CELL_AMP_HOUR = 25;
    public static final double CONDUCTANCE_WATTS_PER_KELVIN_12V8_100AH = 1.25;
    /** CELL-MODEL.md balancing: bleed about 50 mA at the top of charge (passive balancers run 40..90 mA). */
    public static final double BLEED_AMPS = 0.050;
    /**
     * The cells work out their temperature factors again when the battery's temperature has moved by more than this
     * since they last did: it moves by millikelvins a step, and 0.01 K moves the resistances by about 0.02 %.
     */
    public static final double TEMPERATURE_RESOLUTION_KELVIN = 0.01;
    /** BAL-01: the balancer works while charging with any cell at or above 3.45 V and a spread above 20 mV. */
    public static final double BALANCE_START_VOLTS = 3.45;
    public static final double BALANCE_SPREAD_VOLTS = 0.020;
    /** Cells more than this above the lowest cell are bled. */
    public static final double BLEED_ABOVE_LOWEST_VOLTS = 0.010;
    /**
     * "While charging" means more than 10 × the bleed current, so a bled cell's current keeps the sign of the
     * battery current and its hysteresis moves with its neighbours'.
     */
    public static final double BALANCE_MIN_CHARGE_AMPS = 0.5;

    private final BatteryModel model;
    private final String serial;
    private final String firmwareVersion;
    private final SeriesCells cells;
    private final boolean[] bleeding;
    private final double linkOhms;
    private final double heatCapacityJoulesPerKelvin;
    private final double conductanceWattsPerKelvin;
    private final BatteryMonitor monitor;

    private double celsius;
    /** The temperature the cells last worked out their factors at: they share the battery's temperature. */
    private double cellsCelsius;
    private double ambientCelsius;
    private double amps;
    private double volts;
    private double minCellVolts;
    private double maxCellVolts;
    private double sourceVolts;
    private double ohms;
    private double heatJoules;
    private double exchangedJoules;
    private double linkJoules;
    private double bleedJoules;
    private boolean balancing;
    /** How much warmer than the bank's air this battery's place is (its variant), K. */
    private final double celsiusOffset;
    /** The thermal body's decay over one step, kept for the step length it was worked out for. */
    private double thermalSeconds = Double.NaN;
    private double thermalDecay;
    private double steadyKelvinPerJoule;

    /**
     * A battery with the shipped 100 Ah cell set scaled to its capacity, at rest at {@code soc} and {@code celsius}
     * (ambient the same).
     */
    public static Battery of(BatteryModel model, String serial, long seed, double soc, double celsius) {
        return of(model, serial, seed, soc, celsius, BatteryVariant.NONE);
    }

    /** As {@link #of(BatteryModel, String, long, double, double)}, unlike its siblings as {@code variant} says. */
    public static Battery of(BatteryModel model, String serial, long seed, double soc, double celsius,
            BatteryVariant variant) {
        String firmware = model.family() == BatteryFamily.LITHIUM_NG ? "v1.10" : "v1.04";
        return new Battery(model, serial, firmware, DefaultCells.MODELS.get(model), seed, variant.startSoc(soc),
                celsius + variant.celsiusOffset(), variant);
    }

    /**
     * @param model the model; its family chooses the monitor (NG hard-coded, Smart adjustable)
     * @param serial the serial number the battery reports
     * @param firmwareVersion the firmware version the battery reports
     * @param cellParameters the cell set, scaled here to the model's capacity
     * @param seed the seed of the cell spread: the same seed gives the same battery
     * @param soc the initial SoC of every cell
     * @param celsius the initial temperature of the battery and the ambient
     */
    public Battery(BatteryModel model, String serial, String firmwareVersion, CellParameters cellParameters,
            long seed, double soc, double celsius) {
        this(model, serial, firmwareVersion, CellModel.of(cellParameters.scaledTo(model.capacityAmpHours())), seed,
                soc, celsius, BatteryVariant.NONE);
    }

    private Battery(BatteryModel model, String serial, String firmwareVersion, CellModel cellModel, long seed,
            double soc, double celsius, BatteryVariant variant) {
        this.model = Objects.requireNonNull(model, "model");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.firmwareVersion = Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        SplittableRandom random = new SplittableRandom(seed);
        CellVariation[] variations = new CellVariation[model.cells()];
        for (int i = 0; i < variations.length; i++) {
            // The seeded spread is drawn for every cell whatever the variant, so a variant changes no other battery.
            double capacitySpread = 1 + CAPACITY_SIGMA * random.nextGaussian();
            double r0Spread = 1 + R0_SIGMA * random.nextGaussian();
            double selfDischarge = 1 + SELF_DISCHARGE_SPREAD * (2 * random.nextDouble() - 1);
            boolean weak = i + 1 == variant.weakCell();
            variations[i] = new CellVariation(
                    capacitySpread * (weak ? variant.weakCellCapacityFactor() : variant.capacityFactor()),
                    r0Spread * (weak ? variant.weakCellResistanceFactor() : variant.resistanceFactor()),
                    selfDischarge);
        }
        if (variant.weakCell() > variations.length) {
            throw new IllegalArgumentException("weak cell " + variant.weakCell() + " is not in a battery of "
                    + variations.length + " cells");
        }
        this.celsiusOffset = variant.celsiusOffset();
        cells = new SeriesCells(cellModel, variations, soc, celsius);
        bleeding = new boolean[variations.length];
        double perHundred = 100.0 / model.capacityAmpHours();
        linkOhms = LINK_OHMS_PER_CELL_100AH * variations.length * perHundred;
        double cellAmpHours = (double) variations.length * model.capacityAmpHours();
        heatCapacityJoulesPerKelvin = HEAT_CAPACITY_JOULES_PER_KELVIN_CELL_AMP_HOUR * cellAmpHours;
        conductanceWattsPerKelvin = CONDUCTANCE_WATTS_PER_KELVIN_12V8_100AH * Math.pow(cellAmpHours / 400, 2.0 / 3);
        monitor = new BatteryMonitor(model.family() == BatteryFamily.LITHIUM_NG ? MonitorThresholds.LITHIUM_NG
                : MonitorThresholds.lithiumBatterySmartDefaults());
        this.celsius = celsius;
        this.cellsCelsius = celsius;
        this.ambientCelsius = celsius;
        readCells();
        monitor.update(minCellVolts, maxCellVolts, celsius);
        refreshSource();
    }

    /**
     * The voltage behind the battery's resistance and its cells' instantaneous hysteresis: carrying a current
     * {@code i}, the battery is at {@code sourceVolts + m0Volts sgn(i) + ohms i} in the next step, balancer bleed
     * included; at zero current, anywhere between {@code sourceVolts ± m0Volts} (each cell shows its M0 in the
     * direction of its last current). Computed at the end of each step, with the cell voltages.
     */
    public double sourceVolts() {
        return sourceVolts;
    }

    /**
     * The instantaneous hysteresis M0 of all the cells at their temperature now: what the battery's voltage steps up
     * charging and down discharging (CELL-MODEL.md). A cell set whose M0 follows temperature gives it anew as the
     * battery warms or cools.
     */
    public double m0Volts() {
        return cells.m0SumVolts();
    }

    /** The direction of the last current other than zero: 1 charging, −1 discharging, 0 never. */
    public double direction() {
        return cells.direction();
    }

    /** The resistance between the terminals for the next step: the cells' R0 and the connections. */
    public double ohms() {
        return ohms;
    }

    /**
     * Applies {@code amps} (positive charging) for {@code seconds}: the cells (less the balancer's bleed), the heat
     * they make, the temperature, then the monitor and the balancer on the new cell voltages.
     *
     * @return the terminal voltage during the step
     */
    public double step(double amps, double seconds) {
        double heat = linkOhms * amps * amps * seconds;
        linkJoules += heat;
        this.amps = amps;
        double lossBefore = cells.lossJoules();
        double terminalVolts = linkOhms * amps + cells.step(amps, seconds);
        double bleed = cells.stepOwnJoules();
        bleedJoules += bleed;
        heat += cells.lossJoules() - lossBefore + bleed;
        heatJoules += heat;
        double before = celsius;
        if (seconds != thermalSeconds) {
            // Kept per step length, as the cells' constants are: no division in a step.
            thermalSeconds = seconds;
            thermalDecay = Math.exp(-seconds * conductanceWattsPerKelvin / heatCapacityJoulesPerKelvin);
            steadyKelvinPerJoule = 1 / (seconds * conductanceWattsPerKelvin);
        }
        double steadyCelsius = ambientCelsius + heat * steadyKelvinPerJoule;
        celsius = steadyCelsius + (celsius - steadyCelsius) * thermalDecay;
        exchangedJoules += heat - heatCapacityJoulesPerKelvin * (celsius - before);
        if (!(Math.abs(celsius - cellsCelsius) <= TEMPERATURE_RESOLUTION_KELVIN)) {
            // The cells work out their temperature factors again, which may move their sources and resistances.
            cellsCelsius = celsius;
            cells.setCelsius(celsius);
        }
        readCells();
        monitor.update(minCellVolts, maxCellVolts, celsius);
        balance(minCellVolts, maxCellVolts);
        refreshSource();
        return terminalVolts;
    }

    /** The battery's voltage and extreme cells from the cells' last read. */
    private void readCells() {
        volts = linkOhms * amps + cells.voltsSum();
        minCellVolts = cells.minVolts();
        maxCellVolts = cells.maxVolts();
    }

    /** The Thévenin source for the next step, with the bleed the balancer chose. */
    private void refreshSource() {
        sourceVolts = balancing ? cells.sourceSumVolts() + cells.ownSourceVolts() : cells.sourceSumVolts();
        ohms = linkOhms + cells.ohmsSum();
    }

    private void balance(double min, double max) {
        boolean was = balancing;
        balancing = amps > BALANCE_MIN_CHARGE_AMPS && max >= BALANCE_START_VOLTS && max - min > BALANCE_SPREAD_VOLTS;
        if (!balancing && !was) {
            // Nothing bled in the last step: every flag is already clear.
            return;
        }
        for (int i = 0; i < bleeding.length; i++) {
            boolean bleed = balancing && cells.volts(i) - min > BLEED_ABOVE_LOWEST_VOLTS;
            if (bleed != bleeding[i]) {
                bleeding[i] = bleed;
                cells.setOwnAmps(i, bleed ? -BLEED_AMPS : 0);
            }
        }
    }

    /**
     * CLS-02: sets the two levels a Lithium Battery Smart keeps in the battery. An out-of-range level is refused and
     * changes nothing.
     *
     * @throws IllegalArgumentException for a level outside its range, with the rule in the message
     * @throws IllegalStateException for a Lithium NG, whose thresholds are hard-coded
     */
    public void setSmartThresholds(double loadDisconnectVolts, double preAlarmVolts) {
        if (model.family() != BatteryFamily.LITHIUM_BATTERY_SMART) {
            throw new IllegalStateException(model.label() + " has hard-coded thresholds (REQUIREMENTS.md §2)");
        }
        monitor.setThresholds(MonitorThresholds.lithiumBatterySmart(loadDisconnectVolts, preAlarmVolts));
        monitor.update(minCellVolts, maxCellVolts, celsius);
    }

    public MonitorThresholds thresholds() {
        return monitor.thresholds();
    }

    public BatteryFlags flags() {
        return monitor.flags();
    }

    public boolean has(BatteryFlag flag) {
        return monitor.flags().has(flag);
    }

    /** The balancer is bleeding cells. */
    public boolean balancing() {
        return balancing;
    }

    /** The air of the bank; a battery whose place is warmer or colder (its variant) feels it that much off. */
    public void setAmbientCelsius(double ambientCelsius) {
        this.ambientCelsius = ambientCelsius + celsiusOffset;
    }

    public BatteryModel model() {
        return model;
    }

    public String serial() {
        return serial;
    }

    public String firmwareVersion() {
        return firmwareVersion;
    }

    public int cellCount() {
        return bleeding.length;
    }

    /**
     * The cells, for tests and tools that look inside; the battery owns their stepping. A cell stepped from outside
     * ({@link SeriesCells#stepOne}) shows in the battery's voltages, source and resistance from the battery's next
     * step.
     */
    public SeriesCells cells() {
        return cells;
    }

    /** A cell's terminal voltage now, with the last current flowing. */
    public double cellVolts(int index) {
        return cells.volts(index);
    }

    public double minCellVolts() {
        return minCellVolts;
    }

    public double maxCellVolts() {
        return maxCellVolts;
    }

    /** The voltage at the battery's terminals now, with the last current flowing. */
    public double volts() {
        return volts;
    }

    /** The last current, positive charging. */
    public double amps() {
        return amps;
    }

    public double celsius() {
        return celsius;
    }

    /** The mean cell SoC. */
    public double soc() {
        double sum = 0;
        for (int i = 0; i < cells.count(); i++) {
            sum += cells.soc(i);
        }
        return sum / cells.count();
    }

    /** The lowest cell SoC: what is left before the first cell is empty. */
    public double minSoc() {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < cells.count(); i++) {
            min = Math.min(min, cells.soc(i));
        }
        return min;
    }

    /** The energy the cells hold (see {@link SeriesCells#storedJoules(int)}). */
    public double storedJoules() {
        double sum = 0;
        for (int i = 0; i < cells.count(); i++) {
            sum += cells.storedJoules(i);
        }
        return sum;
    }

    /** Every joule turned into heat so far: cell losses, the connections and the balancer. */
    public double heatJoules() {
        return heatJoules;
    }

    /** The heat given to the ambient so far. */
    public double exchangedJoules() {
        return exchangedJoules;
    }

    public double heatCapacityJoulesPerKelvin() {
        return heatCapacityJoulesPerKelvin;
    }

    /** The heat the balancer has bled so far. */
    public double bleedJoules() {
        return bleedJoules;
    }

    /** The heat in the connections between cells so far. */
    public double linkJoules() {
        return linkJoules;
    }

    /**
     * The shipped cell set prepared once per battery model: a cell model is immutable, so every battery of a model
     * shares its tables (fifty batteries read one set of tables, not fifty).
     */
    private static final class DefaultCells {

        static final Map<BatteryModel, CellModel> MODELS;

        static {
            CellParameters defaults = CellParameterFile.defaults();
            Map<BatteryModel, CellModel> models = new EnumMap<>(BatteryModel.class);
            for (BatteryModel model : BatteryModel.values()) {
                models.put(model, CellModel.of(defaults.scaledTo(model.capacityAmpHours())));
            }
            MODELS = Map.copyOf(models);
        }

        private DefaultCells() {
        }
    }
}
