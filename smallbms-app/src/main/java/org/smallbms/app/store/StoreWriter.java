package org.smallbms.app.store;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smallbms.app.runtime.Persistence;
import org.smallbms.app.runtime.StorageStatus;
import org.smallbms.core.bms.PersistedState;
import org.smallbms.core.event.Event;

/**
 * Writes checkpoints and events to a {@link Store} on its own thread, so the control thread only hands over
 * references and never waits for the disk (protection never waits on storage).
 *
 * <p>A newer checkpoint replaces one not yet written (only the latest state matters); events queue in order, at most
 * {@link #MAX_PENDING_EVENTS}, the oldest dropped beyond that and counted. A failed write (disk full, directory made
 * read-only) keeps what it could not write, shows a warning in {@link #status()} and is retried every second;
 * the warning clears when a write succeeds again.
 */
public final class StoreWriter implements Persistence, AutoCloseable {

    /** Events kept in memory while the disk cannot take them. */
    static final int MAX_PENDING_EVENTS = 10_000;
    private static final long RETRY_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    private final Store store;
    private final Thread thread;
    private final SecureRandom random = new SecureRandom();
    private final Object lock = new Object();
    // Guarded by lock.
    private Store.Saved pendingState;
    private final ArrayDeque<Event> pendingEvents = new ArrayDeque<>();
    private long droppedEvents;
    private long attempts;
    private boolean closing;
    // Written by the writer thread, read by anyone.
    private volatile StorageStatus status = StorageStatus.OK;
    // Writer thread only.
    private String hashedPin;

    /**
     * @param store the open store; the writer becomes its only user
     * @param pin the PIN whose hash the store holds now
     */
    public StoreWriter(Store store, String pin) {
        this.store = store;
        this.hashedPin = pin;
        this.thread = new Thread(this::writeLoop, "store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void checkpoint(PersistedState state, Instant at) {
        synchronized (lock) {
            pendingState = new Store.Saved(state, at);
            lock.notifyAll();
        }
    }

    @Override
    public void log(List<Event> events) {
        synchronized (lock) {
            for (Event event : events) {
                if (pendingEvents.size() == MAX_PENDING_EVENTS) {
                    pendingEvents.removeFirst();
                    droppedEvents++;
                }
                pendingEvents.addLast(event);
            }
            lock.notifyAll();
        }
    }

    @Override
    public StorageStatus status() {
        return status;
    }

    /** Writes what is pending, stops the thread and closes the store. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    private void writeLoop() {
        boolean failing = false;
        while (true) {
            Store.Saved state;
            List<Event> events;
            synchronized (lock) {
                long waitUntil = System.currentTimeMillis() + (failing ? RETRY_MILLIS : Long.MAX_VALUE / 2);
                while (!closing && (failing ? System.currentTimeMillis() < waitUntil
                        : pendingState == null && pendingEvents.isEmpty())) {
                    try {
                        lock.wait(failing ? Math.max(1, waitUntil - System.currentTimeMillis()) : 0);
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                }
                if (pendingState == null && pendingEvents.isEmpty()) {
                    return;
                }
                state = pendingState;
                events = new ArrayList<>(pendingEvents);
                pendingState = null;
                pendingEvents.clear();
            }
            failing = !write(state, events);
            synchronized (lock) {
                attempts++;
                lock.notifyAll();
            }
            if (failing && closing) {
                LOG.warn("storage: giving up at shutdown; {} events and the last checkpoint were not written",
                        events.size());
                return;
            }
        }
    }

    /** One transaction; on failure puts back what it took, unless something newer has come meanwhile. */
    private boolean write(Store.Saved state, List<Event> events) {
        String pin = state == null ? hashedPin : state.state().settings().pin();
        Optional<DeviceIdentity.PinHash> newPin = pin.equals(hashedPin) ? Optional.empty()
                : Optional.of(DeviceIdentity.PinHash.of(random, pin));
        try {
            store.save(Optional.ofNullable(state), events, newPin);
            hashedPin = pin;
            Instant at = state != null ? state.at() : status.lastCheckpointAt();
            if (!status.isOk()) {
                LOG.info("storage: writing to {} again", store.file());
            }
            status = StorageStatus.ok(at);
            return true;
        } catch (SQLException e) {
            synchronized (lock) {
                if (pendingState == null) {
                    pendingState = state;
                }
                for (int i = events.size() - 1; i >= 0; i--) {
                    if (pendingEvents.size() == MAX_PENDING_EVENTS) {
                        droppedEvents++;
                        continue;
                    }
                    pendingEvents.addFirst(events.get(i));
                }
            }
            String warning = "storage: cannot write " + store.file() + " (" + e.getMessage() + "): what happens "
                    + "now is kept in memory only and retried every second";
            if (status.isOk()) {
                LOG.warn(warning);
            }
            status = StorageStatus.warning(warning, status.lastCheckpointAt());
            return false;
        }
    }

    /** How many write transactions the writer has tried so far. */
    public long attempts() {
        synchronized (lock) {
            return attempts;
        }
    }

    /** Waits until the writer has tried {@code count} writes in all, at most {@code timeoutMillis}; true if it has. */
    public boolean awaitAttempts(long count, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (attempts < count && System.currentTimeMillis() < end) {
                lock.wait(Math.max(1, end - System.currentTimeMillis()));
            }
            return attempts >= count;
        }
    }

    /** How many events were dropped because the disk could not take them in time. */
    public long droppedEvents() {
        synchronized (lock) {
            return droppedEvents;
        }
    }
}
