package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bms.Command;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;

/**
 * The world a BMS is wired into, as {@link ClosedLoop#tick} drives it, one tick at a time:
 * <pre>
 *   frame = world.sense(now);             what the BMS reads
 *   state = Bms.step(state, now, frame);  what the BMS decides
 *   world.drive(state.outputs());         its outputs act on the wiring
 *   world.advance(now, dt);               the physics until the next tick
 * </pre>
 * A world may also have things to tell ({@link #takeEvents()}: what its schedule did, faults it injected, what it
 * noticed) and commands for the BMS (a scheduled setting or firmware update: {@link #takeCommands()}).
 * A world is a mutable physics body with a single owner (the loop that drives it); it is not thread-safe. The same
 * seed and the same sequence of calls give the same world.
 */
public interface World {

    /** What the BMS reads at {@code now}: the batteries over the chain, Vbat, the remote terminal, the read-back. */
    BankFrame sense(Instant now);

    /** The BMS's three outputs after its step: loads, chargers and alarms wired to them follow. */
    void drive(Outputs outputs);

    /** Advances everything from {@code now} by {@code dt}: currents flow, cells charge and discharge, time passes. */
    void advance(Instant now, Duration dt);

    /** What the world did or noticed since the last call, oldest first; none by default. */
    default List<Event> takeEvents() {
        return List.of();
    }

    /** Commands for the BMS that became due since the last call, in order; none by default. */
    default List<Command> takeCommands() {
        return List.of();
    }

    /** How the world looks now, for a panel that shows it; empty for a world that has nothing to show. */
    default Optional<WorldView> view() {
        return Optional.empty();
    }

    /**
     * Does {@code action} now, as a schedule would: a user's act on the world or a fault. A world that takes no
     * acts refuses.
     *
     * @throws IllegalStateException when this world cannot do it (no such component, no such battery)
     */
    default void act(Action action) {
        throw new IllegalStateException("this world takes no acts: " + action);
    }
}
