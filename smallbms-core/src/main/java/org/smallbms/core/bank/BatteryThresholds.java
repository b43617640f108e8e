package org.smallbms.core.bank;

/**
 * Where a battery's own monitor sets and clears its flags ({@link BatteryFlag}), each a pair. The battery decides
 * with them; the BMS acts on the flags alone and names these levels only in the causes it writes, so the simulated
 * battery and the causes read the one declaration.
 *
 * @param cellHighMillivolts a cell at or above this sets {@link BatteryFlag#CELL_HIGH_VOLTAGE}
 * @param cellHighClearMillivolts it clears when every cell is at or below this
 * @param cellLowMillivolts a cell at or below this sets {@link BatteryFlag#CELL_LOW_VOLTAGE}
 * @param cellLowClearMillivolts it clears when every cell is at or above this
 * @param chargeLowDeciCelsius below this {@link BatteryFlag#CHARGE_LOW_TEMPERATURE} is set
 * @param chargeLowClearDeciCelsius it clears at or above this
 * @param chargeHighDeciCelsius above this {@link BatteryFlag#CHARGE_HIGH_TEMPERATURE} is set
 * @param chargeHighClearDeciCelsius it clears at or below this
 */
public record BatteryThresholds(int cellHighMillivolts, int cellHighClearMillivolts, int cellLowMillivolts,
        int cellLowClearMillivolts, int chargeLowDeciCelsius, int chargeLowClearDeciCelsius,
        int chargeHighDeciCelsius, int chargeHighClearDeciCelsius) {

    /**
     * REQUIREMENTS.md §2 decision: the Lithium NG's hard-coded levels (cell high 3.75 V, clears at 3.60 V; cell low
     * 2.80 V, clears at 3.20 V; too cold to charge below 5 °C, clears at 7 °C; too hot above 50 °C, clears at
     * 45 °C). A Lithium Battery Smart charges and stops charging at the same levels (CLS-02).
     */
    public static final BatteryThresholds LITHIUM_NG = new BatteryThresholds(3_750, 3_600, 2_800, 3_200, 50, 70, 500,
            450);

    public BatteryThresholds {
        if (!(cellHighClearMillivolts < cellHighMillivolts && cellLowMillivolts < cellLowClearMillivolts
                && chargeLowDeciCelsius < chargeLowClearDeciCelsius
                && chargeHighClearDeciCelsius < chargeHighDeciCelsius)) {
            throw new IllegalArgumentException("every clear level lies on the safe side of its set level: " + this);
        }
    }
}
