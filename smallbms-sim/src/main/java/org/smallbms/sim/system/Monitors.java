package org.smallbms.sim.system;

import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.event.Event;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.monitor.ShuntMonitor;

/**
 * The battery monitors on the bank's minus (a SmartShunt, a BMV-712; usually none): they measure every step, and
 * what they change (a synchronisation, a relay that opens or closes) becomes an event. A BMV's relay contact may be
 * wired to the BMS's remote terminal.
 *
 * <p>The monitors are mutable physics bodies; this holds them for the system, its single owner.
 */
final class Monitors {

    private final List<ShuntMonitor> monitors;
    /** The BMV whose relay contact is on the remote terminal (RemoteWiring.BMV_RELAY); null for none. */
    private final ShuntMonitor remoteRelay;
    private final Journal journal;

    Monitors(List<ShuntMonitor> monitors, RemoteWiring remoteWiring, Journal journal) {
        this.monitors = List.copyOf(monitors);
        ShuntMonitor relay = null;
        for (ShuntMonitor monitor : this.monitors) {
            if (relay == null && monitor.relay().isPresent()) {
                relay = monitor;
            }
        }
        if (remoteWiring == RemoteWiring.BMV_RELAY && relay == null) {
            throw new IllegalArgumentException("the remote is wired to a BMV relay, and no monitor has a relay");
        }
        this.remoteRelay = remoteWiring == RemoteWiring.BMV_RELAY ? relay : null;
        this.journal = journal;
    }

    boolean isEmpty() {
        return monitors.isEmpty();
    }

    int count() {
        return monitors.size();
    }

    /** Whether the remote terminal's relay contact, if one is wired there, lets the remote switch through. */
    boolean relayLetsRemoteThrough() {
        return remoteRelay == null || remoteRelay.relayClosed();
    }

    /** The monitors measure the step; what they change becomes an event at the step's start. */
    void measure(double volts, double amps, double seconds) {
        for (int i = 0; i < monitors.size(); i++) {
            ShuntMonitor monitor = monitors.get(i);
            switch (monitor.measure(volts, amps, seconds)) {
                case NONE -> {
                }
                case SYNCHRONISED -> journal.record(Event.Kind.MONITOR, monitor.name(), "SoC 100.0 %",
                        monitor.product().label() + " synchronised: " + Figures.volts(volts, 2) + " ≥ charged voltage "
                        + Figures.volts(monitor.settings().chargedVolts(), 2) + " and " + Figures.amps(amps, 2)
                        + " ≤ tail current " + Figures.amps(monitor.settings().tailAmps(), 2) + " for "
                        + monitor.settings().chargedDetection().toMinutes() + " min");
                case RELAY_OPENED -> journal.record(Event.Kind.MONITOR, monitor.name() + " relay", "open", "SoC "
                        + Figures.percent(monitor.socPercent().orElse(0), 1) + " fell below "
                        + Figures.percent(monitor.relay().orElseThrow().openBelowSocPercent(), 0)
                        + (monitor == remoteRelay
                        ? ": the BMS's remote terminal opens, loads and chargers off (classic manual §3.1)" : ""));
                case RELAY_CLOSED -> journal.record(Event.Kind.MONITOR, monitor.name() + " relay", "closed", "SoC "
                        + Figures.percent(monitor.socPercent().orElse(0), 1) + " reached "
                        + Figures.percent(monitor.relay().orElseThrow().closeAboveSocPercent(), 0)
                        + (monitor == remoteRelay ? ": the BMS's remote terminal closes again" : ""));
            }
        }
    }

    List<ShuntMonitor> all() {
        return monitors;
    }

    /** The monitors as a front end shows them. */
    List<WorldView.MonitorView> views() {
        List<WorldView.MonitorView> views = new ArrayList<>(monitors.size());
        for (ShuntMonitor m : monitors) {
            views.add(new WorldView.MonitorView(m.name(), m.product().label(), m.socPercent(), m.consumedAmpHours(),
                    m.timeToGoSeconds(), m.volts(), m.amps(), m.relay().isPresent(), m.relayClosed()));
        }
        return views;
    }
}
