package org.smallbms.sim.component;

import java.util.Objects;
import java.util.Optional;

/**
 * A DC-DC converter fed by the bank (Orion-Tr, Orion 12/24-20, Orion XS): its output demand becomes an input draw
 * through its efficiency. Appendix A drives those with a remote on/off connector directly from Load disconnect.
 */
public final class DcDcConverter extends Component {

    private final double efficiency;
    private Demand outputDemand;

    /**
     * @param input {@link ControlInput#REMOTE_H} for a converter with a remote on/off connector, or
     *     {@link ControlInput#NONE} for one without (Appendix A lists only those with one)
     */
    public DcDcConverter(String name, String product, ControlInput input, double efficiency, Demand outputDemand) {
        super(name, product, Role.LOAD, input, input == ControlInput.NONE ? 0 : DcLoad.INPUT_AMPS);
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
    public Optional<Demand> currentDemand() {
        return Optional.of(outputDemand);
    }

    @Override
    public void setDemand(Demand demand) {
        outputDemand = Objects.requireNonNull(demand, "demand");
    }
}
