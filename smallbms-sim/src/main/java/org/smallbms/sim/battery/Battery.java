package org.smallbms.sim.battery;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryFlags;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.sim.cell.Cell;
import org.smallbms.sim.cell.CellModel;
import org.smallbms.sim.cell.CellParameterFile;
import org.smallbms.sim.cell.CellParameters;
import org.smallbms.sim.cell.CellVariation;

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
    private final Cell[] cells;
    private final double[] cellVolts;
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
    /** The heat of the step under way, summed in cell order by {@link #passCells(boolean, double)}. */
    private double stepHeatJoules;
    private double bleedJoules;
    private boolean balancing;
    /** The thermal body's decay over one step, kept for the step length it was worked out for. */
    private double thermalSeconds = Double.NaN;
    private double thermalDecay;

    /**
     * A battery with the shipped 100 Ah cell set scaled to its capacity, at rest at {@code soc} and {@code celsius}
     * (ambient the same).
     */
    public static Battery of(BatteryModel model, String serial, long seed, double soc, double celsius) {
        String firmware = model.family() == BatteryFamily.LITHIUM_NG ? "v1.10" : "v1.04";
        return new Battery(model, serial, firmware, DefaultCells.MODELS.get(model), seed, soc, celsius);
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
                soc, celsius);
    }

    private Battery(BatteryModel model, String serial, String firmwareVersion, CellModel cellModel, long seed,
            double soc, double celsius) {
        this.model = Objects.requireNonNull(model, "model");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.firmwareVersion = Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        SplittableRandom random = new SplittableRandom(seed);
        cells = new Cell[model.cells()];
        for (int i = 0; i < cells.length; i++) {
            CellVariation variation = new CellVariation(1 + CAPACITY_SIGMA * random.nextGaussian(),
                    1 + R0_SIGMA * random.nextGaussian(),
                    1 + SELF_DISCHARGE_SPREAD * (2 * random.nextDouble() - 1));
            cells[i] = new Cell(cellModel, variation, soc, celsius);
        }
        cellVolts = new double[cells.length];
        bleeding = new boolean[cells.length];
        double perHundred = 100.0 / model.capacityAmpHours();
        linkOhms = LINK_OHMS_PER_CELL_100AH * cells.length * perHundred;
        double cellAmpHours = (double) cells.length * model.capacityAmpHours();
        heatCapacityJoulesPerKelvin = HEAT_CAPACITY_JOULES_PER_KELVIN_CELL_AMP_HOUR * cellAmpHours;
        conductanceWattsPerKelvin = CONDUCTANCE_WATTS_PER_KELVIN_12V8_100AH * Math.pow(cellAmpHours / 400, 2.0 / 3);
        monitor = new BatteryMonitor(model.family() == BatteryFamily.LITHIUM_NG ? MonitorThresholds.LITHIUM_NG
                : MonitorThresholds.lithiumBatterySmartDefaults());
        this.celsius = celsius;
        this.cellsCelsius = celsius;
        this.ambientCelsius = celsius;
        passCells(false, 0);
        monitor.update(minCellVolts, maxCellVolts, celsius);
        refreshSource();
    }

    /**
     * The voltage behind the battery's resistance: with {@link #ohms()}, {@code v = sourceVolts + ohms * i} for the
     * next step, balancer bleed included. Computed at the end of each step, with the cell voltages.
     */
    public double sourceVolts() {
        return sourceVolts;
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
        stepHeatJoules = heat;
        this.amps = amps;
        double terminalVolts = passCells(true, seconds);
        heat = stepHeatJoules;
        heatJoules += heat;
        double before = celsius;
        double steadyCelsius = ambientCelsius + heat / seconds / conductanceWattsPerKelvin;
        if (seconds != thermalSeconds) {
            thermalSeconds = seconds;
            thermalDecay = Math.exp(-seconds * conductanceWattsPerKelvin / heatCapacityJoulesPerKelvin);
        }
        celsius = steadyCelsius + (celsius - steadyCelsius) * thermalDecay;
        exchangedJoules += heat - heatCapacityJoulesPerKelvin * (celsius - before);
        if (!(Math.abs(celsius - cellsCelsius) <= TEMPERATURE_RESOLUTION_KELVIN)) {
            setCellCelsius();
            passCells(false, seconds);
        }
        monitor.update(minCellVolts, maxCellVolts, celsius);
        balance(minCellVolts, maxCellVolts);
        if (balancing) {
            refreshSource();
        }
        return terminalVolts;
    }

    /** Sets the battery temperature on every cell, which works out its temperature factors again. */
    private void setCellCelsius() {
        cellsCelsius = celsius;
        for (Cell cell : cells) {
            cell.setCelsius(celsius);
        }
    }

    /**
     * One pass over the cells: if {@code stepping}, each cell's step with the battery current (less the bleed) and
     * the heat it makes (added to {@link #stepHeatJoules}); then each cell's source, R0 and voltage with the current
     * it carries (the bleed still as in the step), the battery voltage and the extreme cells, and the Thévenin
     * source for a next step in which no cell bleeds, summed in the order {@link #refreshSource()} sums it, so only
     * a balancing battery needs that second pass. A cell's source and R0 change with its temperature only when it
     * works out its temperature factors again: the step reads them before the new temperature is set, and the pass
     * is made again, without stepping, in the steps where a cell did.
     *
     * @return the battery's voltage during the step, if stepping
     */
    private double passCells(boolean stepping, double seconds) {
        double amps = this.amps;
        double terminalVolts = linkOhms * amps;
        double heat = stepHeatJoules;
        double sum = linkOhms * amps;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sourceSum = 0;
        double resistance = linkOhms;
        for (int i = 0; i < cells.length; i++) {
            Cell cell = cells[i];
            double cellAmps = bleeding[i] ? amps - BLEED_AMPS : amps;
            if (stepping) {
                double lossBefore = cell.lossJoules();
                double cellVoltsNow = cell.step(cellAmps, seconds);
                if (bleeding[i]) {
                    double bleed = cellVoltsNow * BLEED_AMPS * seconds;
                    bleedJoules += bleed;
                    heat += bleed;
                }
                terminalVolts += cellVoltsNow;
                heat += cell.lossJoules() - lossBefore;
            }
            double source = cell.sourceVolts();
            double r0 = cell.ohms();
            double v = source + r0 * cellAmps;
            cellVolts[i] = v;
            sum += v;
            // Plain comparisons: Math.min and Math.max order NaN and −0.0, which no cell voltage is, and make the
            // running extreme a long dependency chain from cell to cell.
            min = v < min ? v : min;
            max = v > max ? v : max;
            sourceSum += source;
            resistance += r0;
        }
        stepHeatJoules = heat;
        volts = sum;
        minCellVolts = min;
        maxCellVolts = max;
        sourceVolts = sourceSum;
        ohms = resistance;
        return terminalVolts;
    }

    /** The Thévenin source for the next step, with the bleed the balancer just chose. */
    private void refreshSource() {
        double source = 0;
        double resistance = linkOhms;
        for (int i = 0; i < cells.length; i++) {
            Cell cell = cells[i];
            source += cell.sourceVolts();
            if (bleeding[i]) {
                source -= cell.ohms() * BLEED_AMPS;
            }
            resistance += cell.ohms();
        }
        sourceVolts = source;
        ohms = resistance;
    }

    private void balance(double min, double max) {
        boolean was = balancing;
        balancing = amps > BALANCE_MIN_CHARGE_AMPS && max >= BALANCE_START_VOLTS && max - min > BALANCE_SPREAD_VOLTS;
        if (!balancing && !was) {
            // Nothing bled in the last step: every flag is already clear.
            return;
        }
        for (int i = 0; i < cells.length; i++) {
            bleeding[i] = balancing && cellVolts[i] - min > BLEED_ABOVE_LOWEST_VOLTS;
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

    public void setAmbientCelsius(double ambientCelsius) {
        this.ambientCelsius = ambientCelsius;
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
        return cells.length;
    }

    /**
     * One cell, for tests and tools that look inside; the battery owns its stepping. A cell stepped from outside
     * shows in the battery's voltages, source and resistance from the battery's next step.
     */
    public Cell cell(int index) {
        return cells[index];
    }

    /** A cell's terminal voltage now, with the last current flowing. */
    public double cellVolts(int index) {
        return cellVolts[index];
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
        for (Cell cell : cells) {
            sum += cell.soc();
        }
        return sum / cells.length;
    }

    /** The lowest cell SoC: what is left before the first cell is empty. */
    public double minSoc() {
        double min = Double.POSITIVE_INFINITY;
        for (Cell cell : cells) {
            min = Math.min(min, cell.soc());
        }
        return min;
    }

    /** The energy the cells hold (see {@link Cell#storedJoules()}). */
    public double storedJoules() {
        double sum = 0;
        for (Cell cell : cells) {
            sum += cell.storedJoules();
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
