package org.smallbms.sim.component;

import java.util.Objects;
import org.smallbms.core.protection.Outputs;

/**
 * How a device's control reaches the BMS.
 *
 * @param output the BMS output, or {@link BmsOutput#NONE} for a device the BMS does not control
 * @param link what sits between the output and the device
 */
public record Wiring(BmsOutput output, Link link) {

    /** Not wired: the device runs uncontrolled. */
    public static final Wiring NONE = new Wiring(BmsOutput.NONE, Link.DIRECT);

    public Wiring {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(link, "link");
    }

    /** Whether a device with {@code input} on this wiring is on while the BMS drives {@code outputs}. */
    public boolean enables(Outputs outputs, ControlInput input) {
        return output == BmsOutput.NONE || link.enables(output.levelIn(outputs).isHigh(), input);
    }

    /** The current this wiring takes from its output while high: the device's input, a cable's or a Cyrix's. */
    public double controlAmps(double deviceInputAmps) {
        return switch (link) {
            case DIRECT -> deviceInputAmps;
            case VE_DIRECT_NON_INVERTING_CABLE -> Link.VE_DIRECT_CABLE_AMPS;
            case NON_INVERTING_CABLE, SKYLLA_I_CABLE -> Link.SKYLLA_CABLE_AMPS;
            case INVERTING_CABLE -> deviceInputAmps;
            case CYRIX_LI_CHARGE, CYRIX_LI_LOAD -> Link.CYRIX_CONTROL_AMPS;
        };
    }
}
