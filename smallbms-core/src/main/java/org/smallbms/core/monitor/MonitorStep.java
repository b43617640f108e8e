package org.smallbms.core.monitor;

import java.util.List;
import java.util.Objects;
import org.smallbms.core.event.Event;

/**
 * One step of the battery monitor: the next state and what happened in the step, for the history to add up.
 *
 * @param state the monitor after the step
 * @param events what changed, with causes
 * @param chargeMicrocoulombs the bank charge that flowed in the step, as measured (no efficiency); positive charging
 * @param energyMicrojoules the energy that flowed in the step; positive charging
 * @param synchronised the bank was found fully charged in this step (MON-02), not by a user command
 */
public record MonitorStep(MonitorState state, List<Event> events, long chargeMicrocoulombs, long energyMicrojoules,
        boolean synchronised) {

    public MonitorStep {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    /** A step in which no charge was counted: a user command, or a tick without a measurement. */
    static MonitorStep withoutFlow(MonitorState state, List<Event> events) {
        return new MonitorStep(state, events, 0, 0, false);
    }
}
