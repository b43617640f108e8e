package org.smallbms.app.readout;

import java.util.Optional;

/**
 * The sink that keeps only the latest advertisement, for readers on any thread (the web app). A device at 1440×
 * sends 1440 a wall second; a reader wants the newest, so each replaces the one before. The only mutable state is
 * this one reference.
 */
public final class LatestBroadcast implements ReadoutSink {

    private volatile Broadcast latest;

    @Override
    public void advertise(Broadcast broadcast) {
        latest = broadcast;
    }

    @Override
    public void silence() {
        latest = null;
    }

    /** The latest advertisement; empty before the first and while the device sends none. */
    public Optional<Broadcast> get() {
        return Optional.ofNullable(latest);
    }
}
