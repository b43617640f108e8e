package org.smallbms.app.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.smallbms.app.runtime.Snapshot;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.event.Event;
import org.smallbms.core.led.Led;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.ProtectionState;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.system.WorldView;

/** How the terminal shows the device: one status line per snapshot, one line per event. */
final class StatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StatusText() {
    }

    /**
     * {@code 2026-06-01 12:00:05  SoC 12.3 %  12.95 V  -20.0 A  1h 10m left  ATC yes  ATD Pre-Alarm  codes W-B01}:
     * the time remaining (MON-04) while the bank discharges with its SoC known.
     */
    static String status(Snapshot snapshot) {
        if (!snapshot.bms().profile().has(DeviceProfile.Feature.BATTERY_MONITOR)) {
            return classicStatus(snapshot);
        }
        StringBuilder line = new StringBuilder(clock(snapshot.at())).append("  SoC ")
                .append(snapshot.bms().monitor().socText());
        Measurement m = snapshot.bms().measurement().orElse(null);
        if (m == null) {
            line.append("  -- V  -- A");
        } else {
            line.append("  ").append(Figures.millivoltsAsVolts(m.bankMillivolts(), 2)).append("  ")
                    .append(Figures.signedAmps(m.bankMilliamps() / 1000.0, 1));
        }
        TimeRemaining remaining = snapshot.bms().timeRemaining();
        if (remaining.kind() == TimeRemaining.Kind.FINITE) {
            line.append("  ").append(remaining.label()).append(" left");
        }
        ProtectionState p = snapshot.bms().protection();
        line.append("  ATC ").append(p.allowedToCharge().label()).append("  ATD ")
                .append(p.allowedToDischarge().label());
        StringJoiner codes = new StringJoiner(" ");
        for (Condition condition : p.active().codes()) {
            codes.add(condition.label());
        }
        line.append("  codes ").append(codes.length() == 0 ? "none" : codes.toString());
        snapshot.storage().warning().ifPresent(w -> line.append("  STORAGE WARNING"));
        return line.toString();
    }

    /**
     * A device without a battery monitor (the classic smallBMS, CLS-04): {@code 2026-06-01 12:00:05  Vbat 13.20 V
     * Load ON On  Temp or OVP Off  ATC Yes  ATD Pre-Alarm  SmartShunt 500A/50mV SoC 23.4 %  Cell undervoltage
     * imminent}: its supply voltage, its LEDs (LED-03), its outputs, the SoC of the system's own battery monitor where
     * there is one, and the states that hold the outputs.
     */
    private static String classicStatus(Snapshot snapshot) {
        BmsState bms = snapshot.bms();
        ProtectionState p = bms.protection();
        StringBuilder line = new StringBuilder(clock(snapshot.at()));
        snapshot.frame().ifPresent(f -> line.append("  Vbat ").append(Figures.millivoltsAsVolts(f.terminalMillivolts(),
                2)));
        boolean powered = !p.has(Condition.UNPOWERED);
        for (Led led : bms.profile().leds()) {
            line.append("  ").append(led.label()).append(' ')
                    .append(led.pattern(powered, false, false, p.active(), p.outputs()).name());
        }
        line.append("  ATC ").append(p.allowedToCharge().label()).append("  ATD ")
                .append(p.allowedToDischarge().label());
        // The system's own battery monitor, where it has one (a SmartShunt, a BMV-712): its SoC.
        for (WorldView.MonitorView m : snapshot.world().map(WorldView::monitors).orElse(List.of())) {
            line.append("  ").append(m.product()).append(" SoC ").append(m.socPercent().isPresent()
                    ? Figures.percent(m.socPercent().getAsDouble(), 1) : "--");
            if (m.hasRelay()) {
                line.append(" relay ").append(m.relayClosed() ? "closed" : "open");
            }
        }
        StringJoiner states = new StringJoiner(", ");
        for (Condition condition : p.active().list()) {
            states.add(condition.message());
        }
        line.append("  ").append(states.length() == 0 ? "no signal held" : states.toString());
        snapshot.storage().warning().ifPresent(w -> line.append("  STORAGE WARNING"));
        return line.toString();
    }

    /** What a status line is about, without the time and the figures that move every tick. */
    static String state(Snapshot snapshot) {
        ProtectionState p = snapshot.bms().protection();
        return p.outputs() + " " + p.active() + " " + snapshot.storage().isOk();
    }

    /** {@code 2026-06-01 12:00:05  output ATD       FLOATING  A-B01 …}. */
    static String event(Event event) {
        return clock(event.at()) + "  " + of(event);
    }

    /** An event without its time: kind, name, value, cause in columns. */
    static String of(Event event) {
        return String.format(Locale.ROOT, "%-6s %-9s %-9s %s", event.kind().label(), event.name(), event.value(),
                event.cause());
    }

    static String clock(Instant at) {
        return TIME.format(at);
    }
}
