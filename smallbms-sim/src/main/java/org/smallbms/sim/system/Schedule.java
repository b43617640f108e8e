package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scenario's timeline: its acts, weather and faults in the order they happen, each at its time since the start.
 * The start is the first tick's time.
 *
 * <p>Mutable: it remembers the start and how far it has got. One owner, the system.
 */
final class Schedule {

    private final List<Action.Timed> actions;
    private Instant start;
    private int next;

    Schedule(List<Action.Timed> actions) {
        List<Action.Timed> timed = new ArrayList<>(actions);
        timed.sort(Comparator.comparing(Action.Timed::at));
        this.actions = List.copyOf(timed);
    }

    /** Does to {@code system} every action due by {@code now}, in order; the first call sets the start. */
    void applyDue(Instant now, SimulatedSystem system) {
        if (start == null) {
            start = now;
        }
        // The time since the start is worked out only while something is still to happen.
        if (next < actions.size()) {
            Duration elapsed = Duration.between(start, now);
            while (next < actions.size() && actions.get(next).at().compareTo(elapsed) <= 0) {
                actions.get(next++).action().applyTo(system);
            }
        }
    }

    /** The first tick's time; null before it. */
    Instant start() {
        return start;
    }
}
