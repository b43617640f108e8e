package org.smallbms.sim.component;

import java.util.Objects;

/** A DC-DC converter (Orion Tr, Orion XS): its output demand becomes an input draw through its efficiency. */
public final class DcDcConverter extends Component {

    private final double efficiency;
    private Demand outputDemand;

    public DcDcConverter(String name, double efficiency, Demand outputDemand) {
        super(name, "Orion DC-DC converter", Role.LOAD, ControlInput.REMOTE_H, DcLoad.INPUT_AMPS);
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("efficiency = " + efficiency + " must be in (0, 1]");
        }
        this.efficiency = efficiency;
        this.outputDemand = Objects.requireNonNull(outputDemand, "outputDemand");
    }

    @Override
    public double amps(Bus bus, boolean enabled, double othersAmps) {
        if (!enabled || !switchedOn() || bus.volts() <= 0) {
            return 0;
        }
        return -outputDemand.watts(bus.volts(), bus.secondOfDay()) / efficiency / bus.volts();
    }

    @Override
    public double continuousAmps(double volts) {
        return outputDemand.peakWatts(volts) / efficiency / volts;
    }

    @Override
    public void setDemand(Demand demand) {
        outputDemand = Objects.requireNonNull(demand, "demand");
    }
}
