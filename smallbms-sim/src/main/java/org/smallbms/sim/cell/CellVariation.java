package org.smallbms.sim.cell;

/**
 * How one cell differs from the nominal cell of its type (manufacturing spread, or a cell aged or weak as a scenario
 * says): each a factor on the nominal value.
 *
 * @param capacityFactor on the capacity
 * @param r0Factor on R0
 * @param selfDischargeFactor on the self-discharge rate
 */
public record CellVariation(double capacityFactor, double r0Factor, double selfDischargeFactor) {

    /** The nominal cell. */
    public static final CellVariation NONE = new CellVariation(1, 1, 1);

    public CellVariation {
        if (!(capacityFactor > 0.1 && capacityFactor < 1.5 && r0Factor > 0.4 && r0Factor < 10
                && selfDischargeFactor >= 0 && selfDischargeFactor <= 3)) {
            throw new IllegalArgumentException("capacityFactor = " + capacityFactor + ", r0Factor = " + r0Factor
                    + ", selfDischargeFactor = " + selfDischargeFactor
                    + ": a cell stays within 0.1..1.5, 0.4..10 and 0..3 of the nominal");
        }
    }
}
