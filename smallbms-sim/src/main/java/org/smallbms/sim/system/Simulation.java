package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.driver.ClosedLoop;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.SteadySteps;

/**
 * The accelerated driver: a BMS and a simulated system on a virtual clock, as fast as the CPU allows, with
 * {@link ClosedLoop#tick} as the loop body.
 */
public final class Simulation {

    /** What a run tells its watcher, in order. */
    public interface Observer {

        /** Before the first tick, at {@code at}: the system as it starts. */
        default void start(Instant at, SimulatedSystem system) {
        }

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
        // The step's parts once: Instant.plus(Duration) dispatches through Duration.addTo every tick.
        long stepSeconds = step.getSeconds();
        long stepNanos = step.getNano();
        BmsState bms = initial;
        // One device stepped tick after tick: its steady states are answered without the rules.
        SteadySteps stepper = new SteadySteps();
        Instant now = start;
        observer.start(start, system);
        for (long i = 0; i < steps; i++) {
            ClosedLoop.Tick tick = ClosedLoop.tick(bms, system, now, step, List.of(), stepper);
            bms = tick.bms();
            // Most ticks have no events: an index loop, so no iterator is built for an empty list.
            List<Event> events = tick.events();
            for (int e = 0; e < events.size(); e++) {
                observer.event(events.get(e));
            }
            observer.tick(now, bms, system);
            now = now.plusSeconds(stepSeconds).plusNanos(stepNanos);
        }
        return bms;
    }
}
