package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.CommandResult;
import org.smallbms.core.event.Event;

/**
 * The accelerated driver: a BMS and a simulated system on a virtual clock, as fast as the CPU allows, with
 * {@link ClosedLoop#tick} as the loop body. After each tick the simulation's own events are collected and the
 * commands its schedule made due are handed to {@link Bms#handle}.
 */
public final class Simulation {

    /** What a run tells its watcher, in order. */
    public interface Observer {

        /** An event of the BMS (a step's or a command's) or of the simulation. */
        default void event(Event event) {
        }

        /** After the tick at {@code at}: the BMS state it produced; the system has advanced to {@code at + step}. */
        default void tick(Instant at, BmsState bms, SimulatedSystem system) {
        }
    }

    private Simulation() {
    }

    /** Runs {@code duration} in steps of {@code step} from {@code start}; returns the BMS's last state. */
    public static BmsState run(SimulatedSystem system, BmsState initial, Instant start, Duration duration,
            Duration step, Observer observer) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step = " + step + " must be positive");
        }
        long steps = duration.toNanos() / step.toNanos();
        BmsState bms = initial;
        Instant now = start;
        for (long i = 0; i < steps; i++) {
            bms = ClosedLoop.tick(bms, system, now, step);
            // The schedule's acts happen before the BMS reads the frame, what they cause after its step.
            report(system.takeActionEvents(), observer);
            report(bms.events(), observer);
            report(system.takeEvents(), observer);
            for (Command command : system.takeCommands()) {
                CommandResult result = Bms.handle(bms, now, command);
                bms = result.state();
                if (result instanceof CommandResult.Rejected rejected) {
                    observer.event(new Event(now, Event.Kind.COMMAND, command.getClass().getSimpleName(),
                            "refused", rejected.message()));
                } else {
                    report(bms.events(), observer);
                }
            }
            observer.tick(now, bms, system);
            now = now.plus(step);
        }
        return bms;
    }

    private static void report(List<Event> events, Observer observer) {
        for (Event event : events) {
            observer.event(event);
        }
    }
}
