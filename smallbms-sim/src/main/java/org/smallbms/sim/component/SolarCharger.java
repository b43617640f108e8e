package org.smallbms.sim.component;

/**
 * An MPPT solar charger with its panels: the panel power at the sun of the step, through the tracker's efficiency,
 * up to the charger's rated current. Small models only have a VE.Direct port for remote control (Appendix A: a
 * VE.Direct non-inverting cable); larger ones have a remote H input.
 */
public final class SolarCharger extends ChargingDevice {

    /** Tracker and conversion efficiency of a SmartSolar MPPT. */
    public static final double EFFICIENCY = 0.95;

    private final double panelWatts;
    private final double maxAmps;

    public SolarCharger(String name, String product, ControlInput input, double panelWatts, double maxAmps,
            ChargeProfile profile) {
        super(name, product, input, input == ControlInput.REMOTE_H ? DcLoad.INPUT_AMPS : 0, profile);
        if (!(panelWatts > 0 && maxAmps > 0)) {
            throw new IllegalArgumentException("panelWatts = " + panelWatts + " and maxAmps = " + maxAmps
                    + " must be positive");
        }
        this.panelWatts = panelWatts;
        this.maxAmps = maxAmps;
    }

    @Override
    protected double availableAmps(Bus bus) {
        double amps = panelWatts * bus.irradiance() * EFFICIENCY / bus.volts();
        return amps < maxAmps ? amps : maxAmps;
    }

    @Override
    public double continuousAmps(double volts) {
        return maxAmps;
    }

    public double panelWatts() {
        return panelWatts;
    }
}
