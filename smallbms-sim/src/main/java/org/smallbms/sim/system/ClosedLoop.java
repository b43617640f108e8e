package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.event.Event;

/**
 * One tick of a BMS wired into a world: the world is read, the BMS decides, its outputs drive the world, the world
 * moves on by {@code dt}, and the commands the world's schedule made due go to the BMS. The one loop body shared by
 * every driver, live or accelerated.
 */
public final class ClosedLoop {

    /**
     * What a tick produced.
     *
     * @param bms the BMS state after the step and the world's commands
     * @param events everything that happened, in order: the world's acts as the tick began, the BMS's step, what the
     *     world noticed after it, then each command's outcome
     */
    public record Tick(BmsState bms, List<Event> events) {

        public Tick {
            events = List.copyOf(events);
        }
    }

    private ClosedLoop() {
    }

    /** Runs one tick at {@code now}; the world has advanced to now + dt. */
    public static Tick tick(BmsState bms, World world, Instant now, Duration dt) {
        BankFrame frame = world.sense(now);
        List<Event> acts = world.takeEvents();
        BmsState next = Bms.step(bms, now, frame);
        world.drive(next.protection().outputs());
        world.advance(now, dt);
        List<Event> noticed = world.takeEvents();
        List<Command> commands = world.takeCommands();
        if (acts.isEmpty() && noticed.isEmpty() && commands.isEmpty()) {
            return new Tick(next, next.events());
        }
        List<Event> events = new ArrayList<>(acts);
        events.addAll(next.events());
        events.addAll(noticed);
        for (Command command : commands) {
            CommandResult result = Bms.handle(next, now, command);
            next = result.state();
            if (result instanceof CommandResult.Rejected rejected) {
                events.add(new Event(now, Event.Kind.COMMAND, command.getClass().getSimpleName(), "refused",
                        rejected.message()));
            } else {
                events.addAll(next.events());
            }
        }
        return new Tick(next, events);
    }
}
