package org.smallbms.app.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
 * read-only) keeps what it could not write, shows a warning in {@link #status()} that says what happened (the disk is
 * full, read-only) and is retried every second; the warning clears when a write succeeds again.
 *
 * <p>Anything else that stops the writer (a bug) is reported to the {@code fatal} handler given at construction, so
 * the device stops with the reason instead of running on with nothing saved.
 */
public final class StoreWriter implements Persistence, AutoCloseable {

    /** Events kept in memory while the disk cannot take them. */
    static final int MAX_PENDING_EVENTS = 10_000;
    private static final long RETRY_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    /** What the writer writes to: the store, or a stand-in in a test. */
    public interface Target extends AutoCloseable {
        /** One transaction of a state and events. */
        void save(Optional<Store.Saved> state, List<Event> events) throws SQLException;

        /** The file, for messages. */
        Path file();

        @Override
        void close();
    }

    private final Target store;
    private final Consumer<Throwable> fatal;
    private final Thread thread;
    private final Object lock = new Object();
    // Guarded by lock.
    private Store.Saved pendingState;
    private final ArrayDeque<Event> pendingEvents = new ArrayDeque<>();
    private long droppedEvents;
    private long attempts;
    private boolean closing;
    /** Nothing failed to reach the disk so far; false once the writer gave up on something it was given. */
    private boolean complete = true;
    // Written by the writer thread, read by anyone.
    private volatile StorageStatus status = StorageStatus.OK;

    /**
     * @param store the open store; the writer becomes its only user
     * @param fatal told, once, if the writer thread dies of anything but a failed write
     */
    public StoreWriter(Target store, Consumer<Throwable> fatal) {
        this.store = store;
        this.fatal = fatal;
        this.thread = new Thread(this::run, "store-writer");
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

    /**
     * Whether everything the writer was given reached the disk: true after {@link #close()} only when the last
     * checkpoint and every event were written, so "state saved" is said only when it is true.
     */
    public boolean complete() {
        synchronized (lock) {
            return complete && pendingState == null && pendingEvents.isEmpty() && droppedEvents == 0;
        }
    }

    private void run() {
        try {
            writeLoop();
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                complete = false;
            }
            status = StorageStatus.warning("storage: the writer stopped on an internal error (" + e + "): "
                    + "nothing more is saved", status.lastCheckpointAt());
            fatal.accept(e);
        }
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
                synchronized (lock) {
                    complete = false;
                }
                LOG.warn("storage: giving up at shutdown; {} events{} were not written", events.size(),
                        state == null ? "" : " and the last checkpoint");
                return;
            }
        }
    }

    /** One transaction; on failure puts back what it took, unless something newer has come meanwhile. */
    private boolean write(Store.Saved state, List<Event> events) {
        try {
            store.save(Optional.ofNullable(state), events);
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
            String warning = "storage: cannot write " + store.file() + ": " + StorageFailure.describe(e) + ". What "
                    + "happens now is kept in memory only and retried every second";
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
