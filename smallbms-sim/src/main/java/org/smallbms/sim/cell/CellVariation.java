package org.smallbms.sim.cell;

/**
 * How one cell differs from the nominal cell of its type (manufacturing spread): each a factor on the nominal value.
 *
 * @param capacityFactor on the capacity
 * @param r0Factor on R0
 * @param selfDischargeFactor on the self-discharge rate
 */
public record CellVariation(double capacityFactor, double r0Factor, double selfDischargeFactor) {

    /** The nominal cell. */
    public static final CellVariation NONE = new CellVariation(1, 1, 1);

    public CellVariation {
        if (!(capacityFactor > 0.5 && capacityFactor < 1.5 && r0Factor > 0.5 && r0Factor < 2
                && selfDischargeFactor >= 0 && selfDischargeFactor <= 3)) {
            throw new IllegalArgumentException("capacityFactor = " + capacityFactor + ", r0Factor = " + r0Factor
                    + ", selfDischargeFactor = " + selfDischargeFactor
                    + ": a cell spread stays within 0.5..1.5, 0.5..2 and 0..3");
        }
    }
}
