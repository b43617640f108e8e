package org.smallbms.core.remote;

import org.smallbms.core.text.Figures;

/**
 * REM-01: the remote terminal reads ON when L and H are interconnected, when L is pulled to battery minus
 * (V_L &lt; 3.5 V), or when H is high (2.9 V &lt; V_H &lt; Vbat); OFF in all other conditions.
 *
 * <p>H switched to battery plus sits at Vbat itself, which the manual's strict "&lt; Vbat" would reject although the
 * manual names that very wiring as a way to switch on. <em>Decision:</em> V_H up to Vbat + 0.2 V counts as high (the
 * measurement tolerance of the two inputs); above that H is driven from something other than this battery: OFF.
 */
public final class Remote {

    public static final int L_ON_BELOW_MILLIVOLTS = 3_500;
    public static final int H_ON_ABOVE_MILLIVOLTS = 2_900;
    public static final int H_ABOVE_VBAT_TOLERANCE_MILLIVOLTS = 200;

    private Remote() {
    }

    public static boolean isOn(RemoteTerminal terminal, int vbatMillivolts) {
        if (terminal.linked()) {
            return true;
        }
        if (terminal.lDriven() && terminal.lMillivolts() < L_ON_BELOW_MILLIVOLTS) {
            return true;
        }
        return terminal.hDriven()
                && terminal.hMillivolts() > H_ON_ABOVE_MILLIVOLTS
                && terminal.hMillivolts() <= vbatMillivolts + H_ABOVE_VBAT_TOLERANCE_MILLIVOLTS;
    }

    /** Why the terminal reads as it does, in words for an event's cause. */
    public static String describe(RemoteTerminal terminal, int vbatMillivolts) {
        if (terminal.linked()) {
            return "Remote L and H interconnected";
        }
        StringBuilder text = new StringBuilder();
        text.append(terminal.lDriven() ? "Remote L at " + Figures.millivoltsAsVolts(terminal.lMillivolts(), 2)
                : "Remote L floating");
        text.append(", ");
        text.append(terminal.hDriven() ? "Remote H at " + Figures.millivoltsAsVolts(terminal.hMillivolts(), 2)
                : "Remote H floating");
        text.append(" (Vbat ").append(Figures.millivoltsAsVolts(vbatMillivolts, 2)).append(')');
        return text.toString();
    }
}
