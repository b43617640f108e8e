package org.smallbms.sim.component;

/**
 * A mains battery charger (Smart IP43-like: remote H input; or another charger with none, which needs a
 * Cyrix-Li-Charge). Its own switch is "mains present".
 */
public final class Charger extends ChargingDevice {

    private final double maxAmps;

    public Charger(String name, String product, ControlInput input, double maxAmps, ChargeProfile profile) {
        super(name, product, input, input == ControlInput.NONE ? 0 : DcLoad.INPUT_AMPS, profile);
        if (!(maxAmps > 0)) {
            throw new IllegalArgumentException("maxAmps = " + maxAmps + " must be positive");
        }
        this.maxAmps = maxAmps;
    }

    @Override
    protected double availableAmps(Bus bus) {
        return maxAmps;
    }

    @Override
    public double continuousAmps(double volts) {
        return maxAmps;
    }
}
