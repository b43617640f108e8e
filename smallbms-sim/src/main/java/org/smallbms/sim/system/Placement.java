package org.smallbms.sim.system;

import java.util.Objects;
import org.smallbms.sim.component.Component;
import org.smallbms.sim.component.Wiring;

/**
 * A component in a system: the device, how its control is wired to the BMS, and which side of the main switch its
 * power comes from.
 *
 * @param component the device
 * @param wiring its control wiring
 * @param beforeMainSwitch on the battery side of the main switch (an alarm system, a residual drain): the main
 *     switch does not isolate it
 */
public record Placement(Component component, Wiring wiring, boolean beforeMainSwitch) {

    public Placement {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(wiring, "wiring");
    }

    /** The current this placement takes from its BMS output while that output is high. */
    public double controlAmps() {
        return wiring.controlAmps(component.inputAmps());
    }
}
