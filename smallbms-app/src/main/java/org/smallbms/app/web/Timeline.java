package org.smallbms.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smallbms.core.event.Event;

/**
 * The event timeline the pages show: each event with an id that only grows, the newest {@value #CAPACITY} kept. It
 * starts with the store's newest events from before this run, so a restart keeps the timeline. Written on the control
 * thread, read by the server's; thread-safe.
 */
final class Timeline {

    /** Events kept. */
    static final int CAPACITY = 5_000;
    /** Events a read returns at most. */
    static final int MAX_READ = 500;

    /** An event and its id. */
    record Entry(long id, Event event) {
        Entry {
            Objects.requireNonNull(event, "event");
        }
    }

    private final Entry[] ring = new Entry[CAPACITY];
    // Guarded by this: the id of the newest entry; entry id sits at ring[(id - 1) % CAPACITY].
    private long latest;

    Timeline(List<Event> earlier) {
        append(earlier);
    }

    /** Adds {@code events} in order and returns them with their ids. */
    synchronized List<Entry> append(List<Event> events) {
        List<Entry> added = new ArrayList<>(events.size());
        for (Event event : events) {
            latest++;
            Entry entry = new Entry(latest, event);
            ring[(int) ((latest - 1) % CAPACITY)] = entry;
            added.add(entry);
        }
        return added;
    }

    /** The id of the newest event; 0 before any. */
    synchronized long latestId() {
        return latest;
    }

    /**
     * The events after {@code since}, oldest first, at most {@value #MAX_READ} (the oldest of them when more are
     * newer); events older than the ring holds are gone.
     */
    synchronized List<Entry> after(long since) {
        long first = Math.max(Math.max(since + 1, latest - CAPACITY + 1), 1);
        long last = Math.min(latest, first + MAX_READ - 1);
        List<Entry> entries = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            entries.add(ring[(int) ((id - 1) % CAPACITY)]);
        }
        return entries;
    }

    /** The newest {@value #MAX_READ} events, oldest first. */
    synchronized List<Entry> newest() {
        return after(Math.max(0, latest - MAX_READ));
    }
}
