package org.smallbms.core.bms;

import java.util.Objects;
import org.smallbms.core.history.History;
import org.smallbms.core.monitor.BalancerState;
import org.smallbms.core.monitor.MonitorState;
import org.smallbms.core.settings.Settings;

/**
 * Everything that must survive a power cut (MON-07, SET-04, HIST-04): the settings (mode included), the battery
 * monitor (SoC, its sync state, consumed Ah, its timers as instants), the history and the balancer's last judgement.
 * The protection is not here: it starts again from its inputs at power-up, as the device does (REM-04).
 *
 * @param device which smallBMS this is: a store holds one device's state
 * @param settings the user's settings
 * @param monitor the battery monitor
 * @param history the history page
 * @param balancer the balance judged at the last full charge
 */
public record PersistedState(DeviceProfile device, Settings settings, MonitorState monitor, History history,
        BalancerState balancer) {

    public PersistedState {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(balancer, "balancer");
    }
}
