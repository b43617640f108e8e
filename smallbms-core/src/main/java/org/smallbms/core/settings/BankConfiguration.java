package org.smallbms.core.settings;

import org.smallbms.core.bank.Bank;

/**
 * What the BMS configures by itself from the detected bank (manual §4.3: "automatically configured and cannot be
 * changed"): shown beside the settings, never set by the user.
 *
 * @param capacityAmpHours the bank capacity (TOP-04)
 * @param nominalMillivolts the bank nominal voltage (TOP-04)
 * @param batteries the number of batteries
 * @param series batteries in series
 * @param parallel batteries in parallel
 */
public record BankConfiguration(int capacityAmpHours, int nominalMillivolts, int batteries, int series,
        int parallel) {

    public BankConfiguration {
        if (capacityAmpHours < 0 || nominalMillivolts < 0 || batteries < 0 || series < 0 || parallel < 0) {
            throw new IllegalArgumentException("a bank configuration has no negative figures: capacity "
                    + capacityAmpHours + " Ah, nominal " + nominalMillivolts + " mV, " + batteries + " batteries, "
                    + series + " in series, " + parallel + " in parallel");
        }
    }

    public static BankConfiguration of(Bank bank) {
        return new BankConfiguration(bank.capacityAmpHours(), bank.nominalMillivolts(), bank.batteryCount(),
                bank.series(), bank.parallel());
    }
}
