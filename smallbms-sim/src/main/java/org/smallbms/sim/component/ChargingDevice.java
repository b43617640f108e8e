package org.smallbms.sim.component;

import java.util.Objects;

/**
 * A device that charges with a {@link ChargeProfile}: it gives what its source has, up to the current that holds the
 * bus at the voltage of its phase. Its phase is its memory.
 */
public abstract class ChargingDevice extends Component {

    /** Where the algorithm stands. */
    public enum Phase {
        BULK, ABSORPTION, FLOAT
    }

    private final ChargeProfile profile;
    private Phase phase = Phase.BULK;
    private double absorptionSeconds;

    protected ChargingDevice(String name, String product, ControlInput input, double inputAmps,
            ChargeProfile profile) {
        super(name, product, Role.CHARGER, input, inputAmps);
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** What the source could deliver into the bus now, before the voltage limit. */
    protected abstract double availableAmps(Bus bus);

    @Override
    public final double amps(Bus bus, boolean enabled, double othersAmps) {
        if (!enabled || !switchedOn() || bus.volts() <= 0) {
            phase = Phase.BULK;
            absorptionSeconds = 0;
            return 0;
        }
        // Plain comparisons, not Math.max and Math.min: no current here is NaN or −0.0, and each component's
        // current waits for the ones before it (othersAmps), so the intrinsics' longer chains add up.
        double offered = availableAmps(bus);
        double available = offered > 0 ? offered : 0;
        double target = phase == Phase.FLOAT ? profile.floatVolts() : profile.absorptionVolts();
        double limit = bus.ampsToHold(target, othersAmps);
        double held = available < limit ? available : limit;
        double amps = held > 0 ? held : 0;
        switch (phase) {
            case BULK -> {
                if (limit <= available && available > 0) {
                    phase = Phase.ABSORPTION;
                    absorptionSeconds = 0;
                }
            }
            case ABSORPTION -> {
                absorptionSeconds += bus.seconds();
                boolean tail = amps < profile.tailAmps() && limit < available;
                if (absorptionSeconds >= profile.absorptionSeconds() || tail) {
                    phase = Phase.FLOAT;
                }
            }
            case FLOAT -> {
                if (bus.volts() < profile.rebulkVolts()) {
                    phase = Phase.BULK;
                }
            }
        }
        return amps;
    }

    public final Phase phase() {
        return phase;
    }

    public final ChargeProfile profile() {
        return profile;
    }
}
