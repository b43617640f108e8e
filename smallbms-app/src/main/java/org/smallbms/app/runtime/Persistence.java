package org.smallbms.app.runtime;

import java.time.Instant;
import java.util.List;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.event.Event;

/**
 * Where the control loop sends what must survive a power cut. Every method is called on the control thread and must
 * return at once, whatever the disk does: a slow, full or read-only disk shows in {@link #status()}, never as a
 * late tick (protection never waits on storage).
 */
public interface Persistence {

    /** The state to keep as of device time {@code at}; a newer call may replace one not yet written. */
    void checkpoint(PersistedState state, Instant at);

    /** Events for the event log, in the order they happened. */
    void log(List<Event> events);

    /** How storage is doing now. */
    StorageStatus status();
}
