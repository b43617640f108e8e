package org.smallbms.core.bms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.event.Event;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.history.History;
import org.smallbms.core.monitor.Balancer;
import org.smallbms.core.monitor.BalancerState;
import org.smallbms.core.monitor.BalancerStatus;
import org.smallbms.core.monitor.Measurement;
import org.smallbms.core.monitor.Monitor;
import org.smallbms.core.monitor.MonitorState;
import org.smallbms.core.monitor.MonitorStep;
import org.smallbms.core.protection.FirmwarePhase;
import org.smallbms.core.protection.Limits;
import org.smallbms.core.protection.Protection;
import org.smallbms.core.protection.ProtectionInputs;
import org.smallbms.core.protection.ProtectionState;
import org.smallbms.core.protection.ProtectionStepper;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.settings.SettingChange;
import org.smallbms.core.settings.Settings;

/**
 * A smallBMS as one step: {@link #step} for each frame from the batteries, {@link #handle} for each user command,
 * {@link #restore} after a restart. The state names its {@link DeviceProfile}: the smallBMS NG, or the classic
 * smallBMS, which has only its protection (no battery monitor, history or settings: CLS-04).
 *
 * <p>Within a step the battery monitor counts first and the protection acts on the SoC it just counted, so the
 * discharge floor opens the load output in the very step the SoC reaches it (PROT-06).
 */
public final class Bms {

    /** The model a firmware image must be built for (FW-03). */
    public static final String DEVICE_MODEL = "smallBMS NG";

    private Bms() {
    }

    /** A new smallBMS NG from the factory: default settings, SoC unknown, empty history, not yet powered. */
    public static BmsState initial() {
        return initial(DeviceProfile.NG);
    }

    /** A new device of {@code profile} from the factory, not yet powered. */
    public static BmsState initial(DeviceProfile profile) {
        return restore(new PersistedState(profile, Settings.defaults(SystemVoltage.V12), MonitorState.UNKNOWN,
                History.EMPTY, BalancerState.NOT_JUDGED), List.of());
    }

    /**
     * The BMS after a restart with what it stored: the protection starts again from power-up, the rest continues.
     * The first step sees how long the BMS was off and does not count that gap (MON-07).
     */
    public static BmsState restore(PersistedState persisted, Instant now) {
        List<Event> events = !persisted.device().has(DeviceProfile.Feature.BATTERY_MONITOR) ? List.of()
                : List.of(new Event(now, Event.Kind.MONITOR, "SoC", persisted.monitor().socText(),
                "restored after a restart"));
        return restore(persisted, events);
    }

    private static BmsState restore(PersistedState persisted, List<Event> events) {
        return new BmsState(persisted.device(), persisted.settings(), Protection.poweredOff(), persisted.monitor(),
                persisted.history(), persisted.balancer(), BalancerStatus.UNKNOWN_SOC, events);
    }

    /** One control step with the frame the batteries sent at {@code now}. */
    public static BmsState step(BmsState previous, Instant now, BankFrame frame) {
        return step(previous, now, frame, ProtectionStepper.PLAIN);
    }

    /**
     * One control step, the protection stepped by {@code stepper}: a driver that steps one device tick after tick
     * passes its own {@link org.smallbms.core.protection.SteadySteps}, with the same result, faster.
     */
    public static BmsState step(BmsState previous, Instant now, BankFrame frame, ProtectionStepper stepper) {
        if (!previous.profile().has(DeviceProfile.Feature.BATTERY_MONITOR)) {
            return protectionOnly(previous, now, frame, stepper);
        }
        // Most steps have no events: then no list is built or copied.
        List<Event> events = List.of();
        // The bank the frame comes from, found once for the monitor and the protection (after a restart the
        // protection knows none yet, and the monitor must not lose the first step for that).
        Optional<Bank> bank = Protection.bankFor(previous.profile().rules(), previous.protection(), frame);
        Settings settings = previous.settings();
        SystemVoltage system = bank.isPresent() && bank.get().isValid() ? bank.get().systemVoltage() : null;
        if (system != null && system != settings.system()) {
            Settings scaled = settings.forSystem(system);
            events = new ArrayList<>();
            for (Setting setting : scaled.differences(settings)) {
                events.add(new Event(now, Event.Kind.MONITOR, setting.key(), setting.format(scaled.get(setting)),
                        "scaled from " + setting.format(settings.get(setting)) + " for the detected "
                        + system.label() + " system"));
            }
            settings = scaled;
        }

        // Below its operating voltage the BMS is off (OUT-03) and measures nothing. On a complete frame the bank
        // has the frame's batteries as members (Protection.bankFor), the only frame a measurement is made from.
        Optional<Measurement> measurement = frame.terminalMillivolts() < Limits.OPERATING_MIN_MILLIVOLTS
                || bank.isEmpty() ? Optional.empty()
                : Measurement.ofMembers(frame, bank.get(), previous.monitor().latest());
        MonitorStep monitor = Monitor.step(previous.monitor(), now, measurement, settings);
        ProtectionState protection = stepper.step(previous.profile().rules(), previous.protection(), now, frame,
                protectionInputs(settings, monitor.state()), bank);
        History history = History.step(previous.history(), now, measurement, monitor,
                previous.protection().active(), protection.active());
        BalancerState balancerState = monitor.synchronised()
                ? Balancer.judge(now, measurement.orElseThrow(), bank.orElseThrow()) : previous.balancerState();
        BalancerStatus balancer = Balancer.status(balancerState, now, monitor.state().socKnown(), measurement,
                bank);

        if (!monitor.events().isEmpty() || !protection.events().isEmpty()) {
            events = new ArrayList<>(events);
            events.addAll(monitor.events());
            events.addAll(protection.events());
        }
        return new BmsState(previous.profile(), settings, protection, monitor.state(), history, balancerState,
                balancer, events);
    }

    /**
     * The step of a device without a battery monitor (the classic smallBMS): its protection alone, on the signals
     * of its batteries; it knows no bank, no SoC and no settings but its defaults.
     */
    private static BmsState protectionOnly(BmsState previous, Instant now, BankFrame frame,
            ProtectionStepper stepper) {
        ProtectionState protection = stepper.step(previous.profile().rules(), previous.protection(), now, frame,
                protectionInputs(previous.settings(), previous.monitor()), Optional.empty());
        if (protection == previous.protection() && previous.events().isEmpty()) {
            return previous;
        }
        return new BmsState(previous.profile(), previous.settings(), protection, previous.monitor(),
                previous.history(), previous.balancerState(), previous.balancer(), protection.events());
    }

    /**
     * What the protection takes from the settings and the monitor. The SoC is known only after a synchronisation or
     * a set; until then the protection raises no SoC codes (PROT-09).
     *
     * <p>PROT-06: at the discharge floor the protection raises A-B07 and opens the <em>Load disconnect</em> output
     * (ATD) at once. Manual §4.3 says "ATC is disabled" there, but §2.2 and the status page's reasons say ATD, and
     * stopping the loads is what keeps the reserve the floor is for; REQUIREMENTS.md decides ATD and so does this
     * code.
     */
    static ProtectionInputs protectionInputs(Settings settings, MonitorState monitor) {
        return new ProtectionInputs(settings.modeOn(), settings.preAlarmCellMillivolts(), monitor.socKnown(),
                monitor.socPermille(), settings.dischargeFloorPercent(), settings.lowSocWarningPercent());
    }

    /** A user command, handled between two steps. A refusal returns the given state unchanged with the reason. */
    public static CommandResult handle(BmsState state, Instant now, Command command) {
        if (!state.profile().has(command.needs())) {
            return new CommandResult.Rejected(state, "The " + state.profile().label() + " has no "
                    + command.describe() + " (CLS-04). Nothing was changed.");
        }
        return command.applyTo(state, now);
    }

    static CommandResult setSoc(BmsState state, Instant now, double socPercent) {
        // Checked as the double it came as: a cast first would make NaN 0 % and 1e20 % the largest int.
        if (!(socPercent >= 0 && socPercent <= 100)) {
            return new CommandResult.Rejected(state, "State of charge = " + Double.toString(socPercent)
                    + " % is not allowed: the allowed values are 0.0..100.0 %. Nothing was changed.");
        }
        int socPermille = (int) Math.round(socPercent * 10);
        Optional<String> problem = Monitor.setSocProblem(state.monitor(), socPermille);
        if (problem.isPresent()) {
            return new CommandResult.Rejected(state, problem.get());
        }
        return withMonitor(state, Monitor.setSoc(state.monitor(), now, socPermille));
    }

    static CommandResult synchronise(BmsState state, Instant now) {
        return withMonitor(state, Monitor.synchronise(state.monitor(), now));
    }

    static CommandResult resetHistory(BmsState state, Instant now) {
        return accepted(state, state.settings(), state.protection(), History.EMPTY, List.of(new Event(now,
                Event.Kind.COMMAND, "history", "reset", "history cleared by the user; settings and SoC unchanged")));
    }

    static CommandResult startFirmwareUpdate(BmsState state, Instant now, FirmwareImage image) {
        if (state.protection().firmware() == FirmwarePhase.UPDATING) {
            return new CommandResult.Rejected(state, "A firmware update is already in progress: wait for it to "
                    + "finish. Nothing was changed.");
        }
        return withProtection(state, Protection.startFirmwareUpdate(state.protection(), now, image, DEVICE_MODEL));
    }

    static CommandResult finishFirmwareUpdate(BmsState state, Instant now, boolean applied, String detail) {
        if (state.protection().firmware() != FirmwarePhase.UPDATING) {
            return new CommandResult.Rejected(state, "No firmware update is in progress (" + state.protection()
                    .firmware() + "): there is nothing to finish. Nothing was changed.");
        }
        return withProtection(state, Protection.finishFirmwareUpdate(state.protection(), now, applied, detail));
    }

    static CommandResult changeSetting(BmsState state, Instant now, Setting setting, double requested) {
        SettingChange change = state.settings().changeAsGiven(Map.of(setting, requested));
        if (change instanceof SettingChange.Refused refused) {
            return new CommandResult.Rejected(state, refused.message());
        }
        Settings changed = ((SettingChange.Accepted) change).settings();
        return accepted(state, changed, state.protection(), state.history(), List.of(new Event(now,
                Event.Kind.COMMAND, setting.key(), setting.format(changed.get(setting)), "set by the user (was "
                + setting.format(state.settings().get(setting)) + ")")));
    }

    static CommandResult changeSettings(BmsState state, Instant now, Map<Setting, Double> requested) {
        SettingChange change = state.settings().changeAsGiven(requested);
        if (change instanceof SettingChange.Refused refused) {
            return new CommandResult.Rejected(state, refused.message());
        }
        Settings changed = ((SettingChange.Accepted) change).settings();
        List<Event> events = new ArrayList<>();
        for (Setting setting : changed.differences(state.settings())) {
            events.add(new Event(now, Event.Kind.COMMAND, setting.key(), setting.format(changed.get(setting)),
                    "set by the user (was " + setting.format(state.settings().get(setting)) + ")"));
        }
        return accepted(state, changed, state.protection(), state.history(), events);
    }

    static CommandResult resetToDefaults(BmsState state, Instant now) {
        Settings reset = state.settings().resetToDefaults();
        List<Event> events = new ArrayList<>();
        for (Setting setting : reset.differences(state.settings())) {
            events.add(new Event(now, Event.Kind.COMMAND, setting.key(), setting.format(reset.get(setting)),
                    "reset to defaults by the user (was " + setting.format(state.settings().get(setting)) + ")"));
        }
        return accepted(state, reset, state.protection(), state.history(), events);
    }

    private static CommandResult withMonitor(BmsState state, MonitorStep monitor) {
        return new CommandResult.Accepted(new BmsState(state.profile(), state.settings(), state.protection(),
                monitor.state(), state.history(), state.balancerState(), state.balancer(), monitor.events()));
    }

    private static CommandResult withProtection(BmsState state, ProtectionState protection) {
        return accepted(state, state.settings(), protection, state.history(), protection.events());
    }

    private static CommandResult accepted(BmsState state, Settings settings, ProtectionState protection,
            History history, List<Event> events) {
        return new CommandResult.Accepted(new BmsState(state.profile(), settings, protection, state.monitor(),
                history, state.balancerState(), state.balancer(), events));
    }
}
