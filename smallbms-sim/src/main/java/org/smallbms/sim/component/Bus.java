package org.smallbms.sim.component;

/**
 * What a device sees in one step: the bus bars and the battery bank behind them, the sun, and where to report what
 * it did.
 *
 * @param secondOfDay the second of the virtual day at the start of the step (local solar time)
 * @param seconds the length of the step
 * @param volts the bus voltage (0 with the main switch open)
 * @param openCircuitVolts the bank's Thévenin source now
 * @param ohms the bank's Thévenin resistance now
 * @param irradiance the sun on a panel, as a fraction of 1000 W/m² (0..1)
 * @param sink where a device reports a change of its own state
 */
public record Bus(int secondOfDay, double seconds, double volts, double openCircuitVolts, double ohms,
        double irradiance, Sink sink) {

    /** Receives what a device reports: its name, its new state and why. */
    @FunctionalInterface
    public interface Sink {
        void report(String name, String value, String cause);
    }

    /**
     * The charge current that holds the bus at {@code targetVolts} while the others (net, positive charging) flow:
     * from the bank's Thévenin equivalent, {@code V = E + R (i + others)}.
     */
    public double ampsToHold(double targetVolts, double othersAmps) {
        return (targetVolts - openCircuitVolts) / ohms - othersAmps;
    }
}
