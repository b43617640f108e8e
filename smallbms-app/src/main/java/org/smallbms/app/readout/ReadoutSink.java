package org.smallbms.app.readout;

/**
 * Where the device's advertisements go: the web app's latest, a log file, a radio. Called on the control thread,
 * once a device second: it must return at once (hand the work to a thread of its own when there is any).
 */
public interface ReadoutSink {

    /** The device sent {@code broadcast}. */
    void advertise(Broadcast broadcast);

    /** The device stopped sending (Instant Readout or Bluetooth switched off, no power). */
    default void silence() {
    }
}
