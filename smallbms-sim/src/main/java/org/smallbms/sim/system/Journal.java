package org.smallbms.sim.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.bms.Command;
import org.smallbms.core.event.Event;
import org.smallbms.sim.component.Bus;

/**
 * What the simulation tells its driver: the events it noticed (its acts, the faults it injected, its findings) at
 * the time of the tick they happened in, and the commands for the BMS its schedule made due. Every part of the
 * system writes here; the driver takes both after each call.
 *
 * <p>Mutable, with the system's single owner.
 */
final class Journal {

    private final List<Event> events = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    /** Where the devices report their own acts: one for the life of the system. */
    private final Bus.Sink sink = (name, value, cause) -> record(Event.Kind.FINDING, name, value, cause);
    /**
     * The time of the tick, from the last {@code sense}: kept as its second and nanosecond, since only events read it
     * (docs/benchmarks.md, "the simulated system", says why not as an Instant).
     */
    private long second;
    private int nano;

    /** The tick now being simulated starts at {@code now}. */
    void tick(Instant now) {
        second = now.getEpochSecond();
        nano = now.getNano();
    }

    /** The start of the tick now being simulated. */
    Instant now() {
        return Instant.ofEpochSecond(second, nano);
    }

    Bus.Sink sink() {
        return sink;
    }

    /** An event at the start of this tick. */
    void record(Event.Kind kind, String name, String value, String cause) {
        record(now(), kind, name, value, cause);
    }

    void record(Instant at, Event.Kind kind, String name, String value, String cause) {
        events.add(new Event(at, kind, name, value, cause));
    }

    void command(Command command) {
        commands.add(command);
    }

    /** The events since the last call, oldest first. */
    List<Event> takeEvents() {
        return take(events);
    }

    /** The commands since the last call, in order. */
    List<Command> takeCommands() {
        return take(commands);
    }

    private static <T> List<T> take(List<T> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<T> taken = List.copyOf(list);
        list.clear();
        return taken;
    }
}
