package org.smallbms.sim.component;

/**
 * A charger's lithium algorithm: constant current up to the absorption voltage, held until the current falls to
 * the tail or the absorption time runs out, then float; back to bulk when the voltage sags below the re-bulk level
 * or the charger is switched off and on.
 *
 * @param absorptionVolts the absorption voltage
 * @param floatVolts the float voltage
 * @param absorptionSeconds the longest absorption
 * @param tailAmps the current that ends absorption early
 * @param rebulkVolts below this, in float, the charger starts a new cycle
 */
public record ChargeProfile(double absorptionVolts, double floatVolts, double absorptionSeconds, double tailAmps,
        double rebulkVolts) {

    public ChargeProfile {
        if (!(floatVolts > 0 && floatVolts <= absorptionVolts && rebulkVolts < floatVolts && absorptionSeconds >= 0
                && tailAmps >= 0)) {
            throw new IllegalArgumentException("a charge profile needs 0 < floatVolts <= absorptionVolts, "
                    + "rebulkVolts < floatVolts, absorptionSeconds >= 0 and tailAmps >= 0; got " + this);
        }
    }

    /**
     * Victron's lithium preset per 12.8 V in series (absorption 14.2 V for 2 h, float 13.5 V, re-bulk 0.4 V below
     * float), with the tail at 2 % of the charger's current.
     */
    public static ChargeProfile lithium(int batteriesInSeries, double maxAmps) {
        return new ChargeProfile(14.2 * batteriesInSeries, 13.5 * batteriesInSeries, 7200, 0.02 * maxAmps,
                13.1 * batteriesInSeries);
    }

    /** A source that only holds a voltage (an alternator): no phases. */
    public static ChargeProfile constant(double volts) {
        return new ChargeProfile(volts, volts, Double.MAX_VALUE, 0, volts - 1);
    }
}
