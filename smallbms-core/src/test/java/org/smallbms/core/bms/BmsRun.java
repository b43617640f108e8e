package org.smallbms.core.bms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.event.Event;

/**
 * Drives the device step on a virtual clock, the way the control loop does: one frame per step, commands between
 * steps. Mutable, for tests only.
 */
public final class BmsRun {

    public static final Instant T0 = Instant.parse("2026-06-01T06:00:00Z");

    public BmsState state = Bms.initial();
    public Instant now = T0;
    /** The state before the latest step or command. */
    public BmsState previous = state;
    public final List<Event> events = new ArrayList<>();

    /** One step with this frame at the present time. */
    public BmsState step(BankFrame frame) {
        previous = state;
        state = Bms.step(state, now, frame);
        events.addAll(state.events());
        return state;
    }

    /** {@code count} steps, {@code seconds} apart, all with this frame. */
    public BmsState every(int seconds, int count, BankFrame frame) {
        for (int i = 0; i < count; i++) {
            now = now.plusSeconds(seconds);
            step(frame);
        }
        return state;
    }

    public CommandResult command(Command command) {
        previous = state;
        CommandResult result = Bms.handle(state, now, command);
        state = result.state();
        events.addAll(state.events());
        return result;
    }

    /** A command that must be accepted. */
    public BmsState accept(Command command) {
        CommandResult result = command(command);
        if (result instanceof CommandResult.Rejected rejected) {
            throw new AssertionError("refused: " + rejected.message());
        }
        return state;
    }
}
