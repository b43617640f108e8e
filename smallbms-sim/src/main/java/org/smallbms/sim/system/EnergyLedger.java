package org.smallbms.sim.system;

/**
 * Where the energy went: into and out of the bank, to the BMS and its outputs, and each component's share, summed
 * step by step at the bank's voltage of the step. With the bank's own stored energy and heat, these close the
 * energy balance the tests check.
 *
 * <p>Mutable: sums. One owner, the system.
 */
final class EnergyLedger {

    private final double[] componentJoules;
    private double bankAmps;
    private double bmsAmps;
    private double chargedJoules;
    private double dischargedJoules;
    private double bmsJoules;

    EnergyLedger(int components) {
        componentJoules = new double[components];
    }

    /**
     * Adds a step of {@code seconds} at {@code stepVolts}, with each component's current, the bank's and the BMS's
     * own (its draw and its outputs').
     */
    void add(double stepVolts, double[] componentAmps, double bankAmps, double bmsAmps, double seconds) {
        this.bankAmps = bankAmps;
        this.bmsAmps = bmsAmps;
        for (int i = 0; i < componentJoules.length; i++) {
            componentJoules[i] += stepVolts * componentAmps[i] * seconds;
        }
        bmsJoules += stepVolts * bmsAmps * seconds;
        if (bankAmps > 0) {
            chargedJoules += stepVolts * bankAmps * seconds;
        } else {
            dischargedJoules -= stepVolts * bankAmps * seconds;
        }
    }

    /** The bank current in the last step, positive charging. */
    double bankAmps() {
        return bankAmps;
    }

    /** The BMS's own draw and its outputs' currents in the last step. */
    double bmsAmps() {
        return bmsAmps;
    }

    double componentJoules(int index) {
        return componentJoules[index];
    }

    double chargedJoules() {
        return chargedJoules;
    }

    double dischargedJoules() {
        return dischargedJoules;
    }

    double bmsJoules() {
        return bmsJoules;
    }
}
