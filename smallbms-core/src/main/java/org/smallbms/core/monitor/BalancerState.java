package org.smallbms.core.monitor;

import java.time.Instant;
import java.util.List;

/**
 * The balance judged at the last full charge (BAL-01). Immutable; survives a power cut with the rest of the monitor.
 *
 * @param judgedAt when the last full charge was detected; null before the first
 * @param spreadMillivolts the cell spread of the bank at that full charge
 * @param serials the batteries of the bank at that full charge: a battery not among them was added since
 */
public record BalancerState(Instant judgedAt, int spreadMillivolts, List<String> serials) {

    /** Never judged. */
    public static final BalancerState NOT_JUDGED = new BalancerState(null, 0, List.of());

    public BalancerState {
        serials = List.copyOf(serials);
        if (spreadMillivolts < 0) {
            throw new IllegalArgumentException("spreadMillivolts = " + spreadMillivolts + " is never negative");
        }
    }
}
