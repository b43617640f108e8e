package org.smallbms.core.bms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.smallbms.core.event.Event;
import org.smallbms.core.history.History;
import org.smallbms.core.monitor.BalancerState;
import org.smallbms.core.monitor.BalancerStatus;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.Monitor;
import org.smallbms.core.monitor.MonitorState;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.ProtectionState;
import org.smallbms.core.settings.Settings;

/**
 * The whole BMS between two steps, and what the status, battery, history and settings pages show (UI-01..04).
 * Immutable.
 *
 * @param profile the device: the smallBMS NG or the classic smallBMS
 * @param settings the user's settings
 * @param protection the protection: outputs, active codes, the detected bank, firmware update phase
 * @param monitor the battery monitor
 * @param history the history page
 * @param balancerState the balance judged at the last full charge
 * @param balancer the balancer status now (BAL-01)
 * @param events what the step or command that produced this state changed, with causes
 */
public record BmsState(
        DeviceProfile profile,
        Settings settings,
        ProtectionState protection,
        MonitorState monitor,
        History history,
        BalancerState balancerState,
        BalancerStatus balancer,
        List<Event> events) {

    /** What the status page says while the SoC is unknown (PROT-09). */
    public static final String SOC_UNKNOWN_NOTICE = "SoC unknown: charge to 100 % or set SoC. Until then the low SoC "
            + "warning, the discharge floor and the time remaining are inactive.";

    public BmsState {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(balancerState, "balancerState");
        Objects.requireNonNull(balancer, "balancer");
        events = List.copyOf(events);
    }

    /** What the runtime stores to survive a power cut. */
    public PersistedState persisted() {
        return new PersistedState(profile, settings, monitor, history, balancerState);
    }

    /** Whether the state of charge is known (PROT-09). */
    public boolean socKnown() {
        return monitor.socKnown();
    }

    /** The state of charge in permille; empty while unknown. */
    public Optional<Integer> socPermille() {
        return monitor.socKnown() ? Optional.of(monitor.socPermille()) : Optional.empty();
    }

    /** Consumed Ah in mAh (0 or negative); empty while the SoC is unknown. */
    public Optional<Long> consumedMilliampHours() {
        return monitor.socKnown() ? Optional.of(monitor.consumedMilliampHours()) : Optional.empty();
    }

    /** MON-04. */
    public TimeRemaining timeRemaining() {
        return Monitor.timeRemaining(monitor, settings.dischargeFloorPercent());
    }

    /** MON-06: voltage, current and power as the batteries report them; empty when they did not all report. */
    public Optional<Measurement> measurement() {
        return monitor.latest();
    }

    /** Notices for the status page: why something shows no value. */
    public List<String> notices() {
        return monitor.socKnown() ? List.of() : List.of(SOC_UNKNOWN_NOTICE);
    }
}
