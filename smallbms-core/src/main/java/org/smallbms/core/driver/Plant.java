package org.smallbms.core.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bms.Command;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;

/**
 * What a BMS is wired into, as {@link ClosedLoop#tick} drives it: the plant, in the control engineer's word. A
 * simulated system implements it (smallbms-sim's {@code World}), and so could a driver for real hardware, which reads
 * the daisy chain and the terminals and switches three outputs, without depending on the simulation:
 * <pre>
 *   frame = plant.sense(now);             what the BMS reads
 *   state = Bms.step(state, now, frame);  what the BMS decides
 *   plant.drive(state.outputs());         its outputs act on the wiring
 *   plant.advance(now, dt);               until the next tick
 * </pre>
 * A plant may also have things to tell ({@link #takeEvents()}) and commands for the BMS ({@link #takeCommands()}).
 * It has a single owner, the loop that drives it.
 */
public interface Plant {

    /** What the BMS reads at {@code now}: the batteries over the chain, Vbat, the remote terminal, the read-back. */
    BankFrame sense(Instant now);

    /** The BMS's three outputs after its step: loads, chargers and alarms wired to them follow. */
    void drive(Outputs outputs);

    /** Lets {@code dt} pass from {@code now}: in a simulation the physics runs; real hardware waits for the tick. */
    void advance(Instant now, Duration dt);

    /** What the plant did or noticed since the last call, oldest first; none by default. */
    default List<Event> takeEvents() {
        return List.of();
    }

    /** Commands for the BMS that became due since the last call, in order; none by default. */
    default List<Command> takeCommands() {
        return List.of();
    }
}
