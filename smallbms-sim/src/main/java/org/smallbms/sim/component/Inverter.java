package org.smallbms.sim.component;

import java.util.Objects;
import java.util.Optional;

/**
 * An inverter: its AC demand becomes a DC draw through its efficiency, plus its own no-load power; above its peak
 * rating it delivers its peak.
 */
public final class Inverter extends Component {

    /** The inverter families of Appendix A. */
    public enum Kind {
        /** Inverter VE.Direct / Inverter Smart: remote H, driven directly by Load disconnect. */
        VE_DIRECT("Inverter VE.Direct", ControlInput.REMOTE_H),
        /** VE.Bus inverter or Inverter Compact ≥ 1200 VA: needs the inverting remote on-off cable. */
        VE_BUS("VE.Bus inverter", ControlInput.ACTIVE_LOW),
        /** VE.Bus MultiPlus or Quattro inverter/charger: not for the smallBMS NG (manual §2.1, SYS-04). */
        VE_BUS_INVERTER_CHARGER("VE.Bus MultiPlus/Quattro", ControlInput.ACTIVE_LOW);

        private final String product;
        private final ControlInput input;

        Kind(String product, ControlInput input) {
            this.product = product;
            this.input = input;
        }
    }

    private final Kind kind;
    private final double continuousWatts;
    private final double peakWatts;
    private final double efficiency;
    private final double idleWatts;
    private Demand acDemand;

    public Inverter(String name, Kind kind, double continuousWatts, double peakWatts, double efficiency,
            double idleWatts, Demand acDemand) {
        super(name, kind.product, Role.LOAD, kind.input, DcLoad.INPUT_AMPS);
        if (!(continuousWatts > 0 && peakWatts >= continuousWatts && efficiency > 0 && efficiency <= 1
                && idleWatts >= 0)) {
            throw new IllegalArgumentException("an inverter needs 0 < continuousWatts <= peakWatts, efficiency in "
                    + "(0, 1] and idleWatts >= 0");
        }
        this.kind = kind;
        this.continuousWatts = continuousWatts;
        this.peakWatts = peakWatts;
        this.efficiency = efficiency;
        this.idleWatts = idleWatts;
        this.acDemand = Objects.requireNonNull(acDemand, "acDemand");
    }

    @Override
    public double amps(Bus bus, boolean enabled, double othersAmps) {
        if (!enabled || !switchedOn() || bus.volts() <= 0) {
            return 0;
        }
        double ac = Math.min(peakWatts, acDemand.watts(230, bus.secondOfDay()));
        return -(ac / efficiency + idleWatts) / bus.volts();
    }

    @Override
    public double continuousAmps(double volts) {
        return (Math.min(continuousWatts, acDemand.peakWatts(230)) / efficiency + idleWatts) / volts;
    }

    @Override
    public double pulseAmps(double volts) {
        return (peakWatts / efficiency + idleWatts) / volts;
    }

    @Override
    public Optional<Demand> currentDemand() {
        return Optional.of(acDemand);
    }

    @Override
    public void setDemand(Demand demand) {
        acDemand = Objects.requireNonNull(demand, "demand");
    }

    public Kind kind() {
        return kind;
    }
}
