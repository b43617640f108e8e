package org.smallbms.app.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.event.Event;

/** Keeps in memory what the loop asked to persist, in order. */
final class RecordingPersistence implements Persistence {

    final List<Instant> checkpointTimes = new ArrayList<>();
    final List<PersistedState> checkpoints = new ArrayList<>();
    final List<Event> events = new ArrayList<>();

    @Override
    public void checkpoint(PersistedState state, Instant at) {
        checkpointTimes.add(at);
        checkpoints.add(state);
    }

    @Override
    public void log(List<Event> logged) {
        events.addAll(logged);
    }

    @Override
    public StorageStatus status() {
        return StorageStatus.OK;
    }
}
