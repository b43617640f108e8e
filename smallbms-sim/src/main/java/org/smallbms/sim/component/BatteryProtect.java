package org.smallbms.sim.component;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.text.Figures;

/**
 * Smart BatteryProtect with the DC loads behind it (manual §3.2.2): it disconnects its loads when its remote H input
 * floats, and also when its own input voltage stays below its threshold for its delay (SYS-03); it reconnects above
 * its reconnect voltage.
 */
public final class BatteryProtect extends Component {

    /** The BatteryProtect waits this long below its threshold, so a start-up dip does not cut the loads. */
    public static final double DELAY_SECONDS = 90;

    private final double disconnectVolts;
    private final double reconnectVolts;
    private final double ratedAmps;
    private Demand demand;
    private boolean undervoltage;
    private double belowSeconds;

    public BatteryProtect(String name, Demand demand, double disconnectVolts, double reconnectVolts,
            double ratedAmps) {
        super(name, "Smart BatteryProtect", Role.LOAD, ControlInput.REMOTE_H, DcLoad.INPUT_AMPS);
        if (!(disconnectVolts > 0 && reconnectVolts > disconnectVolts && ratedAmps > 0)) {
            throw new IllegalArgumentException("a BatteryProtect needs 0 < disconnectVolts < reconnectVolts and a "
                    + "positive rating, not " + disconnectVolts + " V / " + reconnectVolts + " V / " + ratedAmps
                    + " A");
        }
        this.demand = Objects.requireNonNull(demand, "demand");
        this.disconnectVolts = disconnectVolts;
        this.reconnectVolts = reconnectVolts;
        this.ratedAmps = ratedAmps;
    }

    @Override
    public double amps(Bus bus, boolean enabled, double othersAmps) {
        double volts = bus.volts();
        if (!undervoltage && volts < disconnectVolts) {
            belowSeconds += bus.seconds();
            if (belowSeconds >= DELAY_SECONDS) {
                undervoltage = true;
                bus.sink().report(name(), "disconnected", String.format(Locale.ROOT,
                        "its input %s stayed below its own threshold %s for %.0f s (SYS-03)", Figures.volts(volts, 2),
                        Figures.volts(disconnectVolts, 2), DELAY_SECONDS));
            }
        } else if (!undervoltage) {
            belowSeconds = 0;
        } else if (volts >= reconnectVolts) {
            undervoltage = false;
            belowSeconds = 0;
            bus.sink().report(name(), "reconnected", "its input " + Figures.volts(volts, 2)
                    + " is back above its reconnect voltage " + Figures.volts(reconnectVolts, 2));
        }
        return enabled && switchedOn() && !undervoltage ? -demand.amps(volts, bus.secondOfDay()) : 0;
    }

    @Override
    public double continuousAmps(double volts) {
        return Math.min(ratedAmps, demand.peakAmps(volts));
    }

    @Override
    public Optional<Demand> currentDemand() {
        return Optional.of(demand);
    }

    @Override
    public void setDemand(Demand newDemand) {
        demand = Objects.requireNonNull(newDemand, "demand");
    }

    /** Disconnected by its own undervoltage threshold. */
    public boolean undervoltage() {
        return undervoltage;
    }

    public double ratedAmps() {
        return ratedAmps;
    }

    public Demand demand() {
        return demand;
    }
}
