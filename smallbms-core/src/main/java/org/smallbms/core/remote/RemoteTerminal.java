package org.smallbms.core.remote;

/**
 * The electrical state of the remote terminal in one tick: whether L and H are interconnected (the wire loop, or a
 * closed switch between them), and what drives each pin, if anything.
 *
 * @param linked L and H are interconnected
 * @param lDriven something drives Remote L (otherwise it floats)
 * @param lMillivolts the voltage on Remote L when driven
 * @param hDriven something drives Remote H (otherwise it floats)
 * @param hMillivolts the voltage on Remote H when driven
 */
public record RemoteTerminal(boolean linked, boolean lDriven, int lMillivolts, boolean hDriven, int hMillivolts) {

    /** The wire loop the BMS ships with, or a closed switch between L and H. */
    public static final RemoteTerminal WIRE_LOOP = new RemoteTerminal(true, false, 0, false, 0);

    /** Nothing connected: the loop pulled off, or an open switch between L and H. */
    public static final RemoteTerminal OPEN = new RemoteTerminal(false, false, 0, false, 0);

    private static final int MAX_MILLIVOLTS = 100_000;

    public RemoteTerminal {
        if (lMillivolts < -MAX_MILLIVOLTS || lMillivolts > MAX_MILLIVOLTS) {
            throw new IllegalArgumentException("lMillivolts = " + lMillivolts + " is outside the allowed ±"
                    + MAX_MILLIVOLTS);
        }
        if (hMillivolts < -MAX_MILLIVOLTS || hMillivolts > MAX_MILLIVOLTS) {
            throw new IllegalArgumentException("hMillivolts = " + hMillivolts + " is outside the allowed ±"
                    + MAX_MILLIVOLTS);
        }
        if (!lDriven && lMillivolts != 0 || !hDriven && hMillivolts != 0) {
            throw new IllegalArgumentException("a floating pin has no voltage: give 0 millivolts when not driven");
        }
    }

    /** A switch between L and H, closed or open. */
    public static RemoteTerminal switchBetweenLH(boolean closed) {
        return closed ? WIRE_LOOP : OPEN;
    }

    /** Remote H driven (for example switched to battery plus), L floating. */
    public static RemoteTerminal hAt(int millivolts) {
        return new RemoteTerminal(false, false, 0, true, millivolts);
    }

    /** Remote L driven (for example switched to battery minus), H floating. */
    public static RemoteTerminal lAt(int millivolts) {
        return new RemoteTerminal(false, true, millivolts, false, 0);
    }
}
