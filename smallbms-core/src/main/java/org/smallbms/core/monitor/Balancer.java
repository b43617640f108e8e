package org.smallbms.core.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankBattery;

/**
 * The balancer status (BAL-01). <em>Decision:</em> the balance is judged at each full charge (the moment the monitor
 * synchronises): a cell spread of at most 20 mV is balanced, more is imbalanced. While charging with any cell at or
 * above 3.45 V (where LiFePO4 balancers work) and a spread above 20 mV, the status is Balancing: that is what the
 * batteries are doing now, so it shows even when the judgement is unknown.
 */
public final class Balancer {

    /** BAL-01 decision: the largest cell spread that is balanced. */
    public static final int BALANCED_SPREAD_MILLIVOLTS = 20;
    /** BAL-01 decision: balancing happens with a cell at or above this while charging. */
    public static final int BALANCING_CELL_MILLIVOLTS = 3_450;
    /** BAL-01: a judgement older than this is unknown. */
    public static final Duration JUDGEMENT_VALID_FOR = Duration.ofDays(30);

    private static final long JUDGEMENT_VALID_FOR_SECONDS = JUDGEMENT_VALID_FOR.getSeconds();

    private Balancer() {
    }

    /** The judgement at a full charge detected now. */
    public static BalancerState judge(Instant now, Measurement measurement, Bank bank) {
        List<String> serials = new ArrayList<>(bank.batteryCount());
        for (BankBattery battery : bank.batteries()) {
            serials.add(battery.serial());
        }
        return new BalancerState(now, measurement.cellSpreadMillivolts(), serials);
    }

    /**
     * The status now.
     *
     * @param measurement the latest bank figures; empty when the batteries did not all report
     * @param bank the bank now; empty before the first detection
     */
    public static BalancerStatus status(BalancerState state, Instant now, boolean socKnown,
            Optional<Measurement> measurement, Optional<Bank> bank) {
        if (measurement.isPresent() && isBalancing(measurement.get())) {
            return BalancerStatus.BALANCING;
        }
        if (!socKnown) {
            return BalancerStatus.UNKNOWN_SOC;
        }
        if (state.judgedAt() == null) {
            return BalancerStatus.UNKNOWN_NEVER_FULLY_CHARGED;
        }
        if (bank.isPresent() && hasNewBattery(state, bank.get())) {
            return BalancerStatus.UNKNOWN_BATTERY_ADDED;
        }
        // In seconds and nanoseconds: no Instant is built for the comparison each tick.
        if (Monitor.longerThan(state.judgedAt(), now, JUDGEMENT_VALID_FOR_SECONDS)) {
            return BalancerStatus.UNKNOWN_NOT_FULLY_CHARGED_FOR_30_DAYS;
        }
        return state.spreadMillivolts() <= BALANCED_SPREAD_MILLIVOLTS ? BalancerStatus.BALANCED
                : BalancerStatus.IMBALANCED;
    }

    private static boolean isBalancing(Measurement m) {
        return m.bankMilliamps() >= Monitor.CURRENT_THRESHOLD_MILLIAMPS
                && m.maxCellMillivolts() >= BALANCING_CELL_MILLIVOLTS
                && m.cellSpreadMillivolts() > BALANCED_SPREAD_MILLIVOLTS;
    }

    private static boolean hasNewBattery(BalancerState state, Bank bank) {
        List<String> judged = state.serials();
        List<BankBattery> batteries = bank.batteries();
        for (int i = 0; i < batteries.size(); i++) {
            String serial = batteries.get(i).serial();
            // Usually the bank is the one judged, in the same order: one comparison per battery, not a search.
            if ((i >= judged.size() || !judged.get(i).equals(serial)) && !judged.contains(serial)) {
                return true;
            }
        }
        return false;
    }
}
