package org.smallbms.core.protection;

import java.time.Instant;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;

/**
 * How a driver steps the protection: {@link #PLAIN}, the pure step evaluated every time, or a {@link SteadySteps}
 * that remembers a steady state and answers the next step on the same frame at once. Either gives the same states
 * and events; the seam keeps speed out of the model types.
 */
@FunctionalInterface
public interface ProtectionStepper {

    /** {@link Protection#step(RuleSet, ProtectionState, Instant, BankFrame, ProtectionInputs, Optional)} itself. */
    ProtectionStepper PLAIN = Protection::step;

    /**
     * One control step, as {@link Protection#step(RuleSet, ProtectionState, Instant, BankFrame, ProtectionInputs,
     * Optional)} gives it.
     */
    ProtectionState step(RuleSet rules, ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs, Optional<Bank> frameBank);
}
