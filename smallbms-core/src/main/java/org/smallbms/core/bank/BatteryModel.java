package org.smallbms.core.bank;

/**
 * A battery model with its nominal figures and current limits.
 *
 * <p>Lithium NG limits are the tables of manual §4.1 (TOP-02). Lithium Battery Smart limits are taken as 1C
 * continuous and 2C for 10 s, the figures the NG manual gives for its own line; the classic manual is silent.
 */
public enum BatteryModel {
    NG_12V8_100AH(BatteryFamily.LITHIUM_NG, 4, 100, 100, 200, 100, 200),
    NG_12V8_150AH(BatteryFamily.LITHIUM_NG, 4, 150, 150, 300, 150, 225),
    NG_12V8_200AH(BatteryFamily.LITHIUM_NG, 4, 200, 200, 400, 200, 400),
    NG_12V8_300AH(BatteryFamily.LITHIUM_NG, 4, 300, 300, 600, 300, 450),
    NG_25V6_100AH(BatteryFamily.LITHIUM_NG, 8, 100, 100, 200, 100, 200),
    NG_25V6_200AH(BatteryFamily.LITHIUM_NG, 8, 200, 200, 400, 200, 400),
    NG_25V6_300AH(BatteryFamily.LITHIUM_NG, 8, 300, 300, 600, 300, 450),
    NG_51V2_100AH(BatteryFamily.LITHIUM_NG, 16, 100, 100, 200, 100, 200),
    SMART_12V8_60AH(BatteryFamily.LITHIUM_BATTERY_SMART, 4, 60, 60, 120, 60, 120),
    SMART_12V8_100AH(BatteryFamily.LITHIUM_BATTERY_SMART, 4, 100, 100, 200, 100, 200),
    SMART_12V8_150AH(BatteryFamily.LITHIUM_BATTERY_SMART, 4, 150, 150, 300, 150, 300),
    SMART_12V8_200AH(BatteryFamily.LITHIUM_BATTERY_SMART, 4, 200, 200, 400, 200, 400),
    SMART_12V8_330AH(BatteryFamily.LITHIUM_BATTERY_SMART, 4, 330, 330, 660, 330, 660),
    SMART_25V6_100AH(BatteryFamily.LITHIUM_BATTERY_SMART, 8, 100, 100, 200, 100, 200),
    SMART_25V6_200AH(BatteryFamily.LITHIUM_BATTERY_SMART, 8, 200, 200, 400, 200, 400);

    /** Nominal LiFePO4 cell voltage. */
    public static final int CELL_NOMINAL_MILLIVOLTS = 3200;

    private final BatteryFamily family;
    private final int cells;
    private final int capacityAmpHours;
    private final int maxContinuousDischargeAmps;
    private final int maxPulseDischargeAmps;
    private final int maxContinuousChargeAmps;
    private final int maxPulseChargeAmps;

    BatteryModel(BatteryFamily family, int cells, int capacityAmpHours, int maxContinuousDischargeAmps,
            int maxPulseDischargeAmps, int maxContinuousChargeAmps, int maxPulseChargeAmps) {
        this.family = family;
        this.cells = cells;
        this.capacityAmpHours = capacityAmpHours;
        this.maxContinuousDischargeAmps = maxContinuousDischargeAmps;
        this.maxPulseDischargeAmps = maxPulseDischargeAmps;
        this.maxContinuousChargeAmps = maxContinuousChargeAmps;
        this.maxPulseChargeAmps = maxPulseChargeAmps;
    }

    public BatteryFamily family() {
        return family;
    }

    /** Cells in series inside the battery: 4, 8 or 16. */
    public int cells() {
        return cells;
    }

    public int nominalMillivolts() {
        return cells * CELL_NOMINAL_MILLIVOLTS;
    }

    public int capacityAmpHours() {
        return capacityAmpHours;
    }

    public int maxContinuousDischargeAmps() {
        return maxContinuousDischargeAmps;
    }

    /** The most the battery may deliver for 10 s. */
    public int maxPulseDischargeAmps() {
        return maxPulseDischargeAmps;
    }

    public int maxContinuousChargeAmps() {
        return maxContinuousChargeAmps;
    }

    /** The most the battery may take for 10 s. */
    public int maxPulseChargeAmps() {
        return maxPulseChargeAmps;
    }

    /** The name on the label, for example {@code "Lithium NG 12.8V/100Ah"}. */
    public String label() {
        String line = family == BatteryFamily.LITHIUM_NG ? "Lithium NG" : "Lithium Battery Smart";
        int volts = nominalMillivolts();
        return line + " " + (volts / 1000) + "." + (volts % 1000) / 100 + "V/" + capacityAmpHours + "Ah";
    }
}
