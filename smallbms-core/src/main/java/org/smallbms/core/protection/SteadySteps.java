package org.smallbms.core.protection;

import java.time.Instant;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;

/**
 * The protection step with a memory for steady states, for a driver that steps one device tick after tick.
 *
 * <p>When a step hands back the very state it was given (it changed nothing: {@link Protection#step}) and time alone
 * cannot change that state ({@link ProtectionState#quietAt}), the rules give that state again for the same rules,
 * bank, inputs and facts ({@link Fact}: all the rules read of a frame) at any later time. This stepper remembers that
 * state with what it was found steady on and answers such a step with it, without the rules: at once for the frame
 * it was found steady on, and after working out the facts for another frame (a battery's current moved, but no
 * limit was crossed). Anything else is the plain step.
 *
 * <p>Two contracts say "unchanged" here. A step that changes nothing gives back the state it was given
 * ({@link Protection#step}), so {@code next == previous} is the step's own answer, not a guess. And a device's sensor
 * gives the frame it gave last while every battery reads as before (most ticks of a small system), so the frame
 * found steady on comes back as itself; a frame built anew with the same values is not missed, it only takes the
 * way through the facts, which gives the same answer.
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
    private long facts;

    @Override
    public ProtectionState step(RuleSet rules, ProtectionState previous, Instant now, BankFrame frame,
            ProtectionInputs inputs, Optional<Bank> frameBank) {
        if (previous == steady && frameBank == bank && rules == this.rules && inputs.equals(this.inputs)
                && !now.isBefore(since)) {
            if (frame == this.frame) {
                return previous;
            }
            if (Reading.facts(frame, inputs, frameBank, previous, now) == facts) {
                this.frame = frame;
                return previous;
            }
        }
        ProtectionState next = Protection.step(rules, previous, now, frame, inputs, frameBank);
        if (next == previous && next.quietAt(now)) {
            this.facts = Reading.facts(frame, inputs, frameBank, previous, now);
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
