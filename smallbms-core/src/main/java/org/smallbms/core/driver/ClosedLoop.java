package org.smallbms.core.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.ProtectionStepper;

/**
 * One tick of a BMS wired into a {@link Plant}: the plant is read, the commands it made due go to the BMS, the BMS
 * decides, its outputs drive the plant, and it moves on by {@code dt}. The one loop body shared by every driver, live
 * or accelerated, simulated or not.
 *
 * <p>PROT-13: a command takes effect in the tick it is applied. It is applied before the step, so the outputs of that
 * very tick reflect it (a firmware update that starts at 600 s opens Charge disconnect at 600 s), as the live loop
 * applies a user's command before the step too.
 */
public final class ClosedLoop {

    /**
     * What a tick produced.
     *
     * @param bms the BMS state after the step and the world's commands
     * @param events everything that happened, in order: the world's acts as the tick began, the outcome of each of
     *     its commands, the events of each requested command the BMS accepted, the BMS's step, then what the world
     *     noticed after it
     * @param requested the answer to each requested command, in order
     * @param frame what the BMS read from the world in this tick (the batteries over the chain, Vbat, the remote)
     */
    public record Tick(BmsState bms, List<Event> events, List<CommandResult> requested, BankFrame frame) {

        public Tick {
            Objects.requireNonNull(frame, "frame");
            events = List.copyOf(events);
            requested = List.copyOf(requested);
        }
    }

    private ClosedLoop() {
    }

    /** Runs one tick at {@code now}; the world has advanced to now + dt. */
    public static Tick tick(BmsState bms, Plant world, Instant now, Duration dt) {
        return tick(bms, world, now, dt, List.of());
    }

    /**
     * Runs one tick at {@code now} with commands a user requested: they are applied after the world's own (a
     * scenario's initial settings and SoC come first, a user's command overrides them) and before the step.
     */
    public static Tick tick(BmsState bms, Plant world, Instant now, Duration dt, List<Command> requested) {
        return tick(bms, world, now, dt, requested, ProtectionStepper.PLAIN);
    }

    /**
     * Runs one tick as {@link #tick(BmsState, World, Instant, Duration, List)}, the protection stepped by
     * {@code stepper}: a driver that runs one device tick after tick passes its own
     * {@link org.smallbms.core.protection.SteadySteps}, for the same result faster.
     */
    public static Tick tick(BmsState bms, Plant world, Instant now, Duration dt, List<Command> requested,
            ProtectionStepper stepper) {
        BankFrame frame = world.sense(now);
        List<Event> acts = world.takeEvents();
        List<Command> commands = world.takeCommands();
        List<Event> outcomes = List.of();
        List<CommandResult> answers = List.of();
        BmsState state = bms;
        if (!commands.isEmpty() || !requested.isEmpty()) {
            outcomes = new ArrayList<>();
            for (Command command : commands) {
                CommandResult result = Bms.handle(state, now, command);
                state = result.state();
                if (result instanceof CommandResult.Rejected rejected) {
                    outcomes.add(new Event(now, Event.Kind.COMMAND, command.getClass().getSimpleName(), "refused",
                            rejected.message()));
                } else {
                    outcomes.addAll(state.events());
                }
            }
            answers = new ArrayList<>(requested.size());
            for (Command command : requested) {
                CommandResult result = Bms.handle(state, now, command);
                state = result.state();
                answers.add(result);
                if (result instanceof CommandResult.Accepted) {
                    outcomes.addAll(state.events());
                }
            }
        }
        BmsState next = Bms.step(state, now, frame, stepper);
        world.drive(next.protection().outputs());
        world.advance(now, dt);
        List<Event> noticed = world.takeEvents();
        if (acts.isEmpty() && outcomes.isEmpty() && noticed.isEmpty()) {
            return new Tick(next, next.events(), answers, frame);
        }
        List<Event> events = new ArrayList<>(acts);
        events.addAll(outcomes);
        events.addAll(next.events());
        events.addAll(noticed);
        return new Tick(next, events, answers, frame);
    }
}
