package org.smallbms.sim.battery;

/**
 * How one battery of a bank differs from its siblings, as an installer finds it or fears it: its capacity and
 * resistance as found (an older battery), one weak cell, a warmer or colder place, its own SoC at the start. Factors
 * are on the model's nominal values; the seeded manufacturing spread of each cell comes on top.
 *
 * @param capacityFactor the battery's capacity as found, on the nominal (1 = as new)
 * @param resistanceFactor its cells' internal resistance on the nominal (1 = as new)
 * @param weakCell the weak cell's position in the battery, 1-based; 0 for none
 * @param weakCellCapacityFactor the weak cell's capacity on the nominal cell's (it replaces the battery's factor)
 * @param weakCellResistanceFactor the weak cell's resistance on the nominal cell's (it replaces the battery's factor)
 * @param celsiusOffset how much warmer than the bank's air the battery's place is, K
 * @param soc its own SoC at the start, 0..1; NaN for the bank's
 */
public record BatteryVariant(double capacityFactor, double resistanceFactor, int weakCell,
        double weakCellCapacityFactor, double weakCellResistanceFactor, double celsiusOffset, double soc) {

    /** A battery like its siblings. */
    public static final BatteryVariant NONE = new BatteryVariant(1, 1, 0, 1, 1, 0, Double.NaN);

    public BatteryVariant {
        if (!(capacityFactor >= 0.3 && capacityFactor <= 1.2 && resistanceFactor >= 0.5 && resistanceFactor <= 5)) {
            throw new IllegalArgumentException("capacityFactor = " + capacityFactor + " and resistanceFactor = "
                    + resistanceFactor + " must be within 0.3..1.2 and 0.5..5");
        }
        if (weakCell < 0 || !(weakCellCapacityFactor >= 0.2 && weakCellCapacityFactor <= 1.2
                && weakCellResistanceFactor >= 0.5 && weakCellResistanceFactor <= 8)) {
            throw new IllegalArgumentException("weak cell " + weakCell + ": capacity factor "
                    + weakCellCapacityFactor + " and resistance factor " + weakCellResistanceFactor
                    + " must be within 0.2..1.2 and 0.5..8");
        }
        if (!(Math.abs(celsiusOffset) <= 30) || !(Double.isNaN(soc) || soc >= 0 && soc <= 1)) {
            throw new IllegalArgumentException("celsiusOffset = " + celsiusOffset + " must be within -30..30 K and "
                    + "soc = " + soc + " within 0..1");
        }
    }

    /** The same battery starting at the bank's SoC: a restarted device's batteries continue where the BMS saw them. */
    public BatteryVariant atTheBanksSoc() {
        return new BatteryVariant(capacityFactor, resistanceFactor, weakCell, weakCellCapacityFactor,
                weakCellResistanceFactor, celsiusOffset, Double.NaN);
    }

    /** The SoC this battery starts at in a bank that starts at {@code bankSoc}. */
    public double startSoc(double bankSoc) {
        return Double.isNaN(soc) ? bankSoc : soc;
    }
}
