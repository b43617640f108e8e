package org.smallbms.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Protection;
import org.smallbms.core.protection.ProtectionInputs;
import org.smallbms.core.protection.ProtectionState;
import org.smallbms.core.protection.RuleSet;

/**
 * A protection run on a virtual clock, one step per second, that reads like the manual:
 * {@code timeline.hold(frame, 30)} then assert on {@code timeline.state()}.
 */
public final class Timeline {

    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RuleSet rules;
    private Instant now = T0;
    private ProtectionState state = Protection.poweredOff();
    private ProtectionInputs inputs = ProtectionInputs.DEFAULTS;
    private BankFrame frame;
    private final List<Event> events = new ArrayList<>();

    private Timeline(RuleSet rules) {
        this.rules = rules;
    }

    /** A smallBMS NG powered up on {@code frame} with one step at T0. */
    public static Timeline start(BankFrame frame) {
        return start(RuleSet.NG, frame);
    }

    /** A device with {@code rules} powered up on {@code frame} with one step at T0. */
    public static Timeline start(RuleSet rules, BankFrame frame) {
        Timeline timeline = new Timeline(rules);
        timeline.frame = frame;
        timeline.step();
        return timeline;
    }

    /** One step at the current time with the current frame. */
    public Timeline step() {
        state = Protection.step(rules, state, now, frame, inputs);
        events.addAll(state.events());
        return this;
    }

    /** Advances one second and steps. */
    public Timeline tick() {
        now = now.plusSeconds(1);
        return step();
    }

    /** Sets the frame and ticks {@code seconds} times. */
    public Timeline hold(BankFrame newFrame, int seconds) {
        frame = newFrame;
        for (int i = 0; i < seconds; i++) {
            tick();
        }
        return this;
    }

    /** Sets the frame and ticks once. */
    public Timeline then(BankFrame newFrame) {
        return hold(newFrame, 1);
    }

    public Timeline inputs(ProtectionInputs newInputs) {
        inputs = newInputs;
        return this;
    }

    public ProtectionInputs inputs() {
        return inputs;
    }

    public ProtectionState state() {
        return state;
    }

    public void state(ProtectionState newState) {
        state = newState;
        events.addAll(newState.events());
    }

    public BankFrame frame() {
        return frame;
    }

    public Instant now() {
        return now;
    }

    /** Seconds since T0. */
    public long seconds() {
        return Duration.between(T0, now).toSeconds();
    }

    public List<Event> events() {
        return events;
    }

    /** The events named {@code name} (an output, a code, …), in order. */
    public List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }
}
