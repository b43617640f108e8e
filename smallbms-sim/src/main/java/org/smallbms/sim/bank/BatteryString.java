package org.smallbms.sim.bank;

import java.util.List;
import org.smallbms.sim.battery.Battery;

/**
 * Batteries in series, from the bank's minus to its plus, with the cables between them and to the bus bars.
 *
 * @param batteries the batteries in series, in chain order
 * @param cableOhms the resistance of the string's cables, all of them together
 */
public record BatteryString(List<Battery> batteries, double cableOhms) {

    /** A short cable pair per battery: 0.1 mΩ (a 1 m run of 70 mm² copper is about 0.25 mΩ). */
    public static final double DEFAULT_CABLE_OHMS_PER_BATTERY = 0.0001;

    public BatteryString {
        batteries = List.copyOf(batteries);
        if (batteries.isEmpty() || !(cableOhms >= 0)) {
            throw new IllegalArgumentException("a string has at least one battery and cableOhms >= 0, not "
                    + batteries.size() + " batteries and " + cableOhms + " Ω");
        }
    }

    /** A string with the default cables. */
    public static BatteryString of(List<Battery> batteries) {
        return new BatteryString(batteries, DEFAULT_CABLE_OHMS_PER_BATTERY * batteries.size());
    }
}
