package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.event.Event;
import org.smallbms.sim.scenario.Scenario;

/** A finished run of a scenario for tests: every event, and the system at the end. */
public record Run(List<Event> events, SimulatedSystem system, BmsState bms, Instant start) {

    /** Runs {@code scenario} with its own seed; {@code watcher} sees every tick. */
    public static Run of(Scenario scenario, Simulation.Observer watcher) {
        return from(scenario, scenario.start(), watcher);
    }

    /**
     * Runs {@code scenario} from {@code start} instead of the file's, as the live device starts it at the wall
     * clock's time; {@code watcher} sees every tick.
     */
    public static Run from(Scenario scenario, Instant start, Simulation.Observer watcher) {
        List<Event> events = new ArrayList<>();
        SimulatedSystem system = scenario.newWorld(scenario.seed());
        BmsState bms = Simulation.run(system, scenario.newBms(), start, scenario.duration(),
                scenario.step(), new Simulation.Observer() {
                    @Override
                    public void event(Event event) {
                        events.add(event);
                        watcher.event(event);
                    }

                    @Override
                    public void tick(Instant at, BmsState state, SimulatedSystem world) {
                        watcher.tick(at, state, world);
                    }
                });
        return new Run(events, system, bms, start);
    }

    public static Run of(Scenario scenario) {
        return of(scenario, new Simulation.Observer() {
        });
    }

    /** The events as "kind name value" lines, for containsSubsequence. */
    public List<String> lines() {
        return events.stream().map(e -> e.kind().label() + " " + e.name() + " " + e.value()).toList();
    }

    /** The first event that matches, as seconds since the start; -1 if none. */
    public long firstAt(Predicate<Event> match) {
        return events.stream().filter(match).findFirst()
                .map(e -> Duration.between(start, e.at()).getSeconds()).orElse(-1L);
    }

    public static Predicate<Event> is(String kindNameValue) {
        return e -> (e.kind().label() + " " + e.name() + " " + e.value()).equals(kindNameValue);
    }
}
