package org.smallbms.app.runtime;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest {@link Snapshot}: written by the control loop after every tick, read by everyone else.
 *
 * <p><b>The only mutable object shared between threads</b> in the runtime. Readers never lock and never see a
 * half-written snapshot, because a snapshot is immutable and the reference is swapped whole.
 */
public final class SnapshotHolder {

    private final AtomicReference<Snapshot> latest;

    public SnapshotHolder(Snapshot initial) {
        latest = new AtomicReference<>(initial);
    }

    /** The latest snapshot. */
    public Snapshot get() {
        return latest.get();
    }

    void publish(Snapshot snapshot) {
        latest.set(snapshot);
    }
}
