package org.smallbms.sim.component;

import java.util.Objects;
import java.util.Optional;

/**
 * A DC load with its demand: with a remote input (active high, or active low behind an inverting cable), or none at
 * all (a residual load, or one switched by a Cyrix-Li-Load).
 */
public final class DcLoad extends Component {

    /** A remote input takes about a milliampere. */
    public static final double INPUT_AMPS = 0.001;

    private Demand demand;

    public DcLoad(String name, String product, ControlInput input, Demand demand) {
        super(name, product, Role.LOAD, input, input == ControlInput.NONE ? 0 : INPUT_AMPS);
        this.demand = Objects.requireNonNull(demand, "demand");
    }

    @Override
    public double amps(Bus bus, boolean enabled, double othersAmps) {
        return enabled && switchedOn() ? -demand.amps(bus.volts(), bus.secondOfDay()) : 0;
    }

    @Override
    public double continuousAmps(double volts) {
        return demand.peakAmps(volts);
    }

    @Override
    public Optional<Demand> currentDemand() {
        return Optional.of(demand);
    }

    @Override
    public void setDemand(Demand newDemand) {
        demand = Objects.requireNonNull(newDemand, "demand");
    }
}
