package org.smallbms.sim.component;

/**
 * Cyrix-Li-ct (manual §3.3.2): combines the starter battery and its alternator with the lithium battery while a
 * charge voltage is present (its own switch: the engine running), unless its BMS charge disconnect input (pin 85) is
 * free-floating. The alternator holds its voltage up to its current.
 */
public final class CyrixLiCt extends ChargingDevice {

    /** Pin 85 is an electronic input. */
    public static final double PIN_85_AMPS = 0.005;

    private final double alternatorAmps;

    public CyrixLiCt(String name, double alternatorAmps, double alternatorVolts) {
        super(name, "Cyrix-Li-ct", ControlInput.REMOTE_H, PIN_85_AMPS, ChargeProfile.constant(alternatorVolts));
        if (!(alternatorAmps > 0)) {
            throw new IllegalArgumentException("alternatorAmps = " + alternatorAmps + " must be positive");
        }
        this.alternatorAmps = alternatorAmps;
    }

    @Override
    protected double availableAmps(Bus bus) {
        return alternatorAmps;
    }

    @Override
    public double continuousAmps(double volts) {
        return alternatorAmps;
    }
}
