package org.smallbms.core.protection;

import java.time.Instant;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;

/**
 * The protection step with a memory for steady states, for a driver that steps one device tick after tick.
 *
 * <p>A device reads the same frame (the same object) while every battery reads the same, which is most ticks of a
 * small system. When a step hands back the very state it was given (it changed nothing: {@link Protection#step}) and
 * time alone cannot change that state ({@link ProtectionState#quietAt}), the rules will give that state again for
 * the same rules, frame, bank and inputs at any later time. This stepper remembers that state with what it was found
 * steady on, and answers such a step with it at once, without the rules. Anything else is the plain step.
 *
 * <p>Mutable, with one owner: the loop that steps the device. States stay immutable and are equal whether or not a
 * stepper remembered them.
 */
public final class SteadySteps implements ProtectionStepper {

    private RuleSet rules;
    private ProtectionState steady;
    private BankFrame frame;
    private Optional<Bank> bank;
    private ProtectionInputs inputs;
    private Instant since;

    @Override
    public ProtectionState step(RuleSet rules, ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs, Optional<Bank> frameBank) {
        if (previous == steady && frame == this.frame && frameBank == bank && rules == this.rules
                && inputs.equals(this.inputs) && !now.isBefore(since)) {
            return previous;
        }
        ProtectionState next = Protection.step(rules, previous, now, frame, inputs, frameBank);
        if (next == previous && next.quietAt(now)) {
            this.rules = rules;
            this.steady = next;
            this.frame = frame;
            this.bank = frameBank;
            this.inputs = inputs;
            this.since = now;
        }
        return next;
    }

    /** Whether {@code state} is the one this stepper remembers as steady. */
    public boolean remembers(ProtectionState state) {
        return state == steady;
    }
}
