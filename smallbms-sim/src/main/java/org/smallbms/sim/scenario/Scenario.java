package org.smallbms.sim.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.SystemVoltage;
import org.smallbms.core.bms.Bms;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.settings.SettingChange;
import org.smallbms.core.settings.Settings;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.battery.MonitorThresholds;
import org.smallbms.sim.battery.BatteryVariant;
import org.smallbms.sim.component.Component;
import org.smallbms.sim.component.Sun;
import org.smallbms.sim.component.Wiring;
import org.smallbms.sim.monitor.ShuntMonitor;
import org.smallbms.sim.system.Action;
import org.smallbms.sim.system.Ambient;
import org.smallbms.sim.system.Placement;
import org.smallbms.sim.system.RemoteWiring;
import org.smallbms.sim.system.SimulatedSystem;

/**
 * A checked scenario: everything in it refers to something that exists and is allowed, so it runs. Immutable; each
 * {@link #newWorld(long)} builds a fresh system.
 */
public final class Scenario {

    /** When a scenario's SoC ({@code socKnown}) reaches the BMS: at the first tick after the first. */
    public static final Duration INSTALLER_SETS_SOC = Duration.ofSeconds(1);

    /** Serial numbers of the simulated batteries start with this. */
    public static final String SERIAL_PREFIX = "HQ2401";
    /**
     * The most batteries a bank may have at any time, with the strings a schedule adds: as many as the BMS cable
     * chain addresses. Banks above TOP-03's 50 (25 of 51.2 V) up to this run, so a simulation can show the BMS
     * refusing them; beyond it the chain itself cannot carry them.
     */
    public static final int MAX_BATTERIES = BankFrame.MAX_CHAIN_NODES;
    /** The shortest control step: the unit of the durations in a file. */
    public static final Duration MIN_STEP = Duration.ofSeconds(1);
    /** The longest control step: the BMS's delays (30 s pre-alarm lead, 2 h absorption) need steps well below. */
    public static final Duration MAX_STEP = Duration.ofHours(1);
    /** The earliest start: the epoch, so no clock in the system runs before its zero. */
    public static final Instant EARLIEST_START = Instant.parse("1970-01-01T00:00:00Z");
    /** The latest start: the last second of four-digit years, so a start plus {@link Durations#MAX} still fits. */
    public static final Instant LATEST_START = Instant.parse("9999-12-31T23:59:59Z");

    private final ScenarioFile file;
    private final String source;
    private final Instant start;
    private final Duration duration;
    private final Duration step;
    private final List<Action.Timed> schedule;
    /** How many of the schedule's first actions are the BMS's initial conditions (its settings, a known SoC). */
    private final int initialActions;
    private final Map<Integer, BatteryVariant> variants;

    private Scenario(ScenarioFile file, String source, Instant start, Duration duration, Duration step,
            List<Action.Timed> schedule, int initialActions, Map<Integer, BatteryVariant> variants) {
        this.file = file;
        this.source = source;
        this.start = start;
        this.duration = duration;
        this.step = step;
        this.schedule = List.copyOf(schedule);
        this.initialActions = initialActions;
        this.variants = Map.copyOf(variants);
    }

    static Scenario of(ScenarioFile file, String source, Map<String, Integer> lines) throws ScenarioException {
        Checker check = new Checker(source, lines);
        Instant start = check.instant(file.start());
        Duration duration = check.duration("/duration", "duration", file.duration());
        Duration step = check.duration("/step", "step", file.step());
        if (step.compareTo(MIN_STEP) < 0 || step.compareTo(duration) > 0 || step.compareTo(MAX_STEP) > 0) {
            throw check.fail("/step", "step", "step = " + Durations.format(step) + " must be between "
                    + Durations.format(MIN_STEP) + " and " + Durations.format(MAX_STEP) + " and no longer than the "
                    + "duration " + Durations.format(duration));
        }
        Set<String> names = new HashSet<>();
        Map<Integer, BatteryVariant> variants = variants(file.batteries(), check);
        smartLevels(file.batteries(), check);
        int units = units(file.batteries());
        for (int i = 0; i < file.components().size(); i++) {
            ScenarioFile.ComponentSpec spec = file.components().get(i);
            if (!names.add(spec.name())) {
                throw check.fail("/components/" + i + "/name", "components[" + i + "].name", "the name \""
                        + spec.name() + "\" is used twice: each component needs its own");
            }
            try {
                if (spec instanceof ScenarioFile.DeviceSpec device) {
                    device.build(units);
                } else if (spec instanceof ScenarioFile.MonitorSpec monitor) {
                    monitor.build(units, capacityAmpHours(file.batteries()), OptionalDouble.of(file.batteries()
                            .soc()));
                }
            } catch (IllegalArgumentException e) {
                throw check.fail("/components/" + i, "components[" + i + "]", e.getMessage());
            }
        }
        if (file.bms().remote() == RemoteWiring.BMV_RELAY && file.components().stream().noneMatch(c -> c
                instanceof ScenarioFile.Bmv712Spec bmv && bmv.relay() != null)) {
            throw check.fail("/bms/remote", "bms.remote", "bmv-relay wires a BMV's relay contact to the remote "
                    + "terminal, and no component is a bmv-712 with a relay: add one, for example {name: bmv, type: "
                    + "bmv-712, relay: {openBelowSoc: 50, closeAboveSoc: 90}}, or choose another remote");
        }
        if (file.components().stream().filter(c -> c instanceof ScenarioFile.Bmv712Spec bmv && bmv.relay() != null)
                .count() > 1 && file.bms().remote() == RemoteWiring.BMV_RELAY) {
            throw check.fail("/bms/remote", "bms.remote", "bmv-relay wires one BMV's relay to the remote terminal, "
                    + "and more than one bmv-712 has a relay: give the relay to one of them only");
        }
        List<Action.Timed> schedule = new ArrayList<>();
        // SET-01: the file's settings are one change, checked as a whole against the factory's, so their order in
        // the file does not matter (a floor of 30 % with a warning level of 40 % is one valid change).
        Settings settings = Bms.initial().settings();
        DeviceProfile device = file.bms().device();
        if (!device.has(DeviceProfile.Feature.SETTINGS) && !file.bms().settings().isEmpty()) {
            throw check.fail("/bms/settings", "bms.settings", "the " + device.label() + " has no settings (CLS-02: "
                    + "its levels are set in the batteries): remove bms.settings");
        }
        if (!file.bms().settings().isEmpty()) {
            Map<Setting, Double> values = check.settings("/bms/settings", "bms.settings", file.bms().settings(),
                    true);
            settings = check.apply(settings, values, "/bms/settings", "bms.settings", true);
            schedule.add(new Action.Timed(Duration.ZERO, new Action.BmsCommand(new Command.ChangeSettings(values))));
        }
        // A device without a battery monitor has no SoC to set (CLS-04).
        if (file.bms().socKnown() && device.has(DeviceProfile.Feature.BATTERY_MONITOR)) {
            // The installer sets the SoC once the BMS has seen the bank (a SoC needs its capacity): at the first tick
            // after the first. Commands act before the step of their tick (PROT-13), so at zero it would come too
            // early.
            schedule.add(new Action.Timed(INSTALLER_SETS_SOC, new Action.BmsCommand(new Command.SetSoc(
                    file.batteries().soc()))));
        }
        int initialActions = schedule.size();
        List<ScheduledChange> changes = new ArrayList<>();
        int strings = file.batteries().parallel();
        for (int i = 0; i < file.schedule().size(); i++) {
            ScenarioFile.Entry entry = file.schedule().get(i);
            String pointer = "/schedule/" + i;
            String field = "schedule[" + i + "]";
            Duration at = check.duration(pointer + "/at", field + ".at", entry.at());
            if (at.compareTo(duration) > 0) {
                throw check.fail(pointer + "/at", field + ".at", "at = " + entry.at() + " is after the end of the "
                        + "scenario (duration " + file.duration() + ")");
            }
            if (entry.fault() == ScenarioFile.Fault.REMOVE_BATTERY) {
                strings--;
                if (strings < 1) {
                    throw check.fail(pointer, field + ".fault", "remove-battery takes a parallel string off the bus "
                            + "bars, and the bank would have none left: give it parallel: 2 or more");
                }
            } else if (entry.fault() == ScenarioFile.Fault.ADD_BATTERY) {
                strings++;
                if (strings * file.batteries().series() > MAX_BATTERIES) {
                    throw check.fail(pointer, field + ".fault", "add-battery would make " + strings + " strings of "
                            + file.batteries().series() + " in series, more batteries than the "
                            + MAX_BATTERIES + " the BMS cable chain addresses: remove a string first");
                }
            }
            int batteries = strings * file.batteries().series();
            if (entry.battery() != null && (entry.battery() < 1 || entry.battery() > batteries)) {
                throw check.fail(pointer + "/battery", field + ".battery", "battery = " + entry.battery()
                        + " is not in the bank: allowed 1.." + batteries);
            }
            for (String named : List.of(entry.device() == null ? "" : entry.device().component(),
                    entry.demand() == null ? "" : entry.demand().component())) {
                if (!named.isEmpty() && !names.contains(named)) {
                    throw check.fail(pointer, field, "\"" + named + "\" names no component; the components are "
                            + String.join(", ", names.stream().sorted().toList()));
                }
            }
            schedule.addAll(actions(entry, at, check, pointer, field));
            if (entry.setting() != null) {
                changes.add(new ScheduledChange(at, pointer + "/setting", field + ".setting", settingValues(entry,
                        check, pointer, field)));
            }
        }
        checkScheduledSettings(file, changes, settings, check);
        return new Scenario(file, source, start, duration, step, schedule, initialActions, variants);
    }

    private static List<Action.Timed> actions(ScenarioFile.Entry e, Duration at, Checker check, String pointer,
            String field) throws ScenarioException {
        List<Action> now = new ArrayList<>();
        if (e.remote() != null) {
            now.add(new Action.Remote(e.remote()));
        } else if (e.mainSwitch() != null) {
            now.add(new Action.MainSwitch(e.mainSwitch()));
        } else if (e.ambient() != null) {
            now.add(new Action.AmbientMean(e.ambient()));
        } else if (e.cloudiness() != null) {
            now.add(new Action.Cloudiness(e.cloudiness()));
        } else if (e.device() != null) {
            now.add(new Action.SwitchDevice(e.device().component(), e.device().on()));
        } else if (e.demand() != null) {
            now.add(new Action.SetDemand(e.demand().component(), ScenarioFile.DrawSpec.demand(e.demand().draws())));
        } else if (e.setting() != null) {
            now.add(new Action.BmsCommand(new Command.ChangeSettings(settingValues(e, check, pointer, field))));
        } else if (e.soc() != null) {
            now.add(new Action.BmsCommand(new Command.SetSoc(e.soc())));
        } else if (e.firmware() != null) {
            FirmwareImage image = FirmwareImage.signed(Bms.DEVICE_MODEL, "v1.12", new byte[] {1, 2, 3, 4});
            Duration done = at.plus(Durations.parse(e.firmware().takes()));
            return List.of(new Action.Timed(at, new Action.BmsCommand(new Command.StartFirmwareUpdate(image))),
                    new Action.Timed(done, new Action.BmsCommand(new Command.FinishFirmwareUpdate(
                            e.firmware().succeeds(), e.firmware().succeeds() ? "image v1.12 applied"
                            : "the transfer was interrupted"))));
        } else {
            now.add(fault(e));
        }
        List<Action.Timed> timed = new ArrayList<>();
        for (Action action : now) {
            timed.add(new Action.Timed(at, action));
        }
        return timed;
    }

    /** A schedule entry's setting as the values of one change. */
    private static Map<Setting, Double> settingValues(ScenarioFile.Entry e, Checker check, String pointer,
            String field) throws ScenarioException {
        return check.settings(pointer + "/setting", field + ".setting", Map.of(e.setting().name(),
                e.setting().value()), false);
    }

    /** A schedule entry's change of settings, with where the file gives it. */
    private record ScheduledChange(Duration at, String pointer, String field, Map<Setting, Double> values) {
    }

    /**
     * Checks the schedule's settings in the order the run applies them (by time, then as written), each against the
     * settings the BMS holds by then: the file's, with the earlier changes, and, once the BMS has seen the bank after
     * the start, scaled for its system voltage as {@code Bms.step} scales them. A change refused here would be
     * refused in the run.
     */
    private static void checkScheduledSettings(ScenarioFile file, List<ScheduledChange> changes, Settings initial,
            Checker check) throws ScenarioException {
        SystemVoltage system = SystemVoltage.ofNominal(file.batteries().series()
                * file.batteries().model().nominalMillivolts());
        Settings settings = initial;
        List<ScheduledChange> inOrder = changes.stream().sorted(Comparator.comparing(ScheduledChange::at)).toList();
        for (ScheduledChange change : inOrder) {
            if (system != null && !change.at().isZero()) {
                settings = settings.forSystem(system);
            }
            settings = check.apply(settings, change.values(), change.pointer(), change.field(), false);
        }
    }

    private static Action fault(ScenarioFile.Entry e) {
        return switch (e.fault()) {
            case PULL_BMS_CABLE -> new Action.BmsCable(false);
            case REPLUG_BMS_CABLE -> new Action.BmsCable(true);
            case SILENCE_BATTERY -> new Action.BatteryAnswers(e.battery(), false);
            case ANSWER_BATTERY -> new Action.BatteryAnswers(e.battery(), true);
            case REMOVE_BATTERY -> new Action.BatteryString(false);
            case ADD_BATTERY -> new Action.BatteryString(true);
            case SENSOR_FAILURE -> new Action.SensorFailure(e.battery(), true);
            case SENSOR_REPAIR -> new Action.SensorFailure(e.battery(), false);
            case SHORT_OUTPUT -> new Action.ShortOutput(e.output(), true);
            case CLEAR_SHORT -> new Action.ShortOutput(e.output(), false);
        };
    }

    /** How many 12.8 V batteries in series the bank's voltage amounts to (chargers' defaults scale with it). */
    /** The batteries unlike their siblings, by position in the chain, checked against the bank. */
    private static Map<Integer, BatteryVariant> variants(ScenarioFile.Batteries b, Checker check)
            throws ScenarioException {
        Map<Integer, BatteryVariant> variants = new java.util.TreeMap<>();
        int count = b.series() * b.parallel();
        for (int i = 0; i < b.overrides().size(); i++) {
            ScenarioFile.BatteryOverride o = b.overrides().get(i);
            String pointer = "/batteries/overrides/" + i;
            String field = "batteries.overrides[" + i + "]";
            if (o.battery() < 1 || o.battery() > count) {
                throw check.fail(pointer + "/battery", field + ".battery", "battery = " + o.battery() + " is not in "
                        + "the bank of " + count + ": allowed 1.." + count + " (1 is " + SERIAL_PREFIX + "0001)");
            }
            ScenarioFile.WeakCell weak = o.weakCell();
            if (weak != null && (weak.cell() < 1 || weak.cell() > b.model().cells())) {
                throw check.fail(pointer + "/weakCell/cell", field + ".weakCell.cell", "cell = " + weak.cell()
                        + " is not in a battery of " + b.model().cells() + " cells: allowed 1.." + b.model().cells());
            }
            BatteryVariant variant = new BatteryVariant(o.capacity(), o.resistance(), weak == null ? 0 : weak.cell(),
                    weak == null ? 1 : weak.capacity(), weak == null ? 1 : weak.resistance(), o.celsiusOffset(),
                    o.soc() == null ? Double.NaN : o.soc() / 100);
            if (variants.put(o.battery(), variant) != null) {
                throw check.fail(pointer + "/battery", field + ".battery", "battery " + o.battery() + " is given "
                        + "twice: give each battery's differences in one entry");
            }
        }
        return variants;
    }

    /**
     * CLS-02: the two levels a Lithium Battery Smart keeps in the battery, within their ranges; a Lithium NG has
     * none to set (its levels are hard-coded).
     */
    private static void smartLevels(ScenarioFile.Batteries b, Checker check) throws ScenarioException {
        for (String key : List.of("loadDisconnectVolts", "preAlarmVolts")) {
            Double value = key.equals("loadDisconnectVolts") ? b.loadDisconnectVolts() : b.preAlarmVolts();
            if (value != null && b.model().family() != BatteryFamily.LITHIUM_BATTERY_SMART) {
                throw check.fail("/batteries/" + key, "batteries." + key, key + " is set in a Lithium Battery Smart "
                        + "(CLS-02); a " + b.model().label() + " has its levels hard-coded: remove batteries." + key
                        + ", or use a Lithium Battery Smart model such as smart-12v8-100ah");
            }
        }
        if (b.model().family() != BatteryFamily.LITHIUM_BATTERY_SMART) {
            return;
        }
        try {
            MonitorThresholds.lithiumBatterySmart(loadDisconnectVolts(b), MonitorThresholds
                    .SMART_PRE_ALARM_DEFAULT_VOLTS);
        } catch (IllegalArgumentException e) {
            throw check.fail("/batteries/loadDisconnectVolts", "batteries.loadDisconnectVolts", e.getMessage());
        }
        try {
            MonitorThresholds.lithiumBatterySmart(MonitorThresholds.SMART_LOAD_DISCONNECT_DEFAULT_VOLTS,
                    preAlarmVolts(b));
        } catch (IllegalArgumentException e) {
            throw check.fail("/batteries/preAlarmVolts", "batteries.preAlarmVolts", e.getMessage());
        }
    }

    private static double loadDisconnectVolts(ScenarioFile.Batteries b) {
        return b.loadDisconnectVolts() == null ? MonitorThresholds.SMART_LOAD_DISCONNECT_DEFAULT_VOLTS
                : b.loadDisconnectVolts();
    }

    private static double preAlarmVolts(ScenarioFile.Batteries b) {
        return b.preAlarmVolts() == null ? MonitorThresholds.SMART_PRE_ALARM_DEFAULT_VOLTS : b.preAlarmVolts();
    }

    private static double capacityAmpHours(ScenarioFile.Batteries batteries) {
        return (double) batteries.model().capacityAmpHours() * batteries.parallel();
    }

    private static int units(ScenarioFile.Batteries batteries) {
        return batteries.series() * batteries.model().cells() / 4;
    }

    /** A new system from this scenario, its cell spread and clouds from {@code seed}. */
    public SimulatedSystem newWorld(long seed) {
        return world(seed, file.batteries().soc(), schedule, variants);
    }

    /**
     * The system for a device restarted on its stored state: the batteries at {@code socPercent} (where the BMS left
     * them, or the scenario's SoC when the BMS did not know it), and without the BMS's initial conditions, so its
     * stored settings and SoC are not overwritten by {@code bms.settings} and {@code socKnown} again. The schedule
     * runs again from the restart.
     */
    public SimulatedSystem resumedWorld(long seed, double socPercent) {
        // Each battery continues at the SoC the BMS saw for the bank: a battery's own starting SoC is for a new one.
        Map<Integer, BatteryVariant> resumed = new java.util.TreeMap<>();
        variants.forEach((n, v) -> resumed.put(n, v.atTheBanksSoc()));
        return world(seed, socPercent, schedule.subList(initialActions, schedule.size()), resumed);
    }

    private SimulatedSystem world(long seed, double socPercent, List<Action.Timed> actions,
            Map<Integer, BatteryVariant> batteryVariants) {
        if (!(socPercent >= 0 && socPercent <= 100)) {
            throw new IllegalArgumentException("socPercent = " + socPercent + " is outside the allowed 0..100");
        }
        ScenarioFile.Batteries b = file.batteries();
        double celsius = b.celsius() != null ? b.celsius() : file.ambient().celsius();
        BatteryBank bank = BatteryBank.of(b.model(), b.series(), b.parallel(), seed, socPercent / 100, celsius,
                SERIAL_PREFIX, n -> batteryVariants.getOrDefault(n, BatteryVariant.NONE));
        if (b.model().family() == BatteryFamily.LITHIUM_BATTERY_SMART) {
            for (Battery battery : bank.batteries()) {
                battery.setSmartThresholds(loadDisconnectVolts(b), preAlarmVolts(b));
            }
        }
        // In time order, the initial conditions first among equal times: the world runs what is due in list order.
        List<Action.Timed> inOrder = actions.stream().sorted(Comparator.comparing(Action.Timed::at))
                .toList();
        return new SimulatedSystem(device(), bank, b.model(), b.series(), seed, SERIAL_PREFIX, placements(),
                monitors(socPercent), remoteWiring(), inOrder, new Sun(file.site().latitude(), seed),
                new Ambient(file.ambient().celsius(), file.ambient().dailySwing()), file.site().cloudiness());
    }

    /**
     * A new BMS from the factory; the scenario's settings reach it as one command at time zero, its SoC at the first
     * tick after the first ({@link #INSTALLER_SETS_SOC}).
     */
    public BmsState newBms() {
        return Bms.initial(device());
    }

    /** Which smallBMS the system has: the NG or the classic (bms.device). */
    public DeviceProfile device() {
        return file.bms().device();
    }

    /** Fresh components with their wiring, as the design describes them. */
    public List<Placement> placements() {
        int units = units(file.batteries());
        List<Placement> placements = new ArrayList<>();
        for (ScenarioFile.ComponentSpec any : file.components()) {
            if (!(any instanceof ScenarioFile.DeviceSpec spec)) {
                continue;
            }
            Component component = spec.build(units);
            component.switchOn(spec.initiallyOn());
            ScenarioFile.Control control = spec.control();
            Wiring wiring = control == null ? Wiring.NONE : new Wiring(control.output(), control.link());
            placements.add(new Placement(component, wiring, spec.onBatterySide()));
        }
        return placements;
    }

    /** Fresh battery monitors (SmartShunt, BMV-712) on the bank's minus, their SoC set to {@code socPercent}. */
    public List<ShuntMonitor> monitors(double socPercent) {
        List<ShuntMonitor> monitors = new ArrayList<>();
        for (ScenarioFile.ComponentSpec spec : file.components()) {
            if (spec instanceof ScenarioFile.MonitorSpec monitor) {
                monitors.add(monitor.build(units(file.batteries()), capacityAmpHours(file.batteries()),
                        OptionalDouble.of(socPercent)));
            }
        }
        return monitors;
    }

    public String name() {
        return file.name();
    }

    public String description() {
        return file.description();
    }

    /** The manual section it follows; empty if none. */
    public String manual() {
        return file.manual();
    }

    /** Where it was read from. */
    public String source() {
        return source;
    }

    public Instant start() {
        return start;
    }

    public Duration duration() {
        return duration;
    }

    public Duration step() {
        return step;
    }

    /** The seed the file gives (1 if none). */
    public long seed() {
        return file.seed();
    }

    public BatteryModel model() {
        return file.batteries().model();
    }

    public int series() {
        return file.batteries().series();
    }

    public int parallel() {
        return file.batteries().parallel();
    }

    /** The batteries' SoC at the start, in percent. */
    public double initialSocPercent() {
        return file.batteries().soc();
    }

    /** CLS-02: the Lithium Battery Smart's load disconnect level, set in the battery; empty for a Lithium NG. */
    public OptionalDouble loadDisconnectVolts() {
        return smart() ? OptionalDouble.of(loadDisconnectVolts(file.batteries())) : OptionalDouble.empty();
    }

    /** CLS-02: the Lithium Battery Smart's pre-alarm level, set in the battery; empty for a Lithium NG. */
    public OptionalDouble preAlarmVolts() {
        return smart() ? OptionalDouble.of(preAlarmVolts(file.batteries())) : OptionalDouble.empty();
    }

    private boolean smart() {
        return model().family() == BatteryFamily.LITHIUM_BATTERY_SMART;
    }

    public RemoteWiring remoteWiring() {
        return file.bms().remote();
    }

    /** The fuse in the BMS's Bat+ lead, if the design names one. */
    public Optional<Double> fuseAmps() {
        return Optional.ofNullable(file.bms().fuseAmps());
    }

    /** The schedule, expanded into actions, in the file's order. */
    public List<Action.Timed> schedule() {
        return schedule;
    }

    /** The same scenario running for {@code newDuration}. */
    public Scenario withDuration(Duration newDuration) {
        if (newDuration.compareTo(step) < 0 || newDuration.compareTo(Durations.MAX) > 0) {
            throw new IllegalArgumentException("duration " + Durations.format(newDuration) + " is outside the "
                    + "allowed " + Durations.format(step) + " (the step) .. " + Durations.format(Durations.MAX)
                    + " (100 years)");
        }
        return new Scenario(file, source, start, newDuration, step, schedule, initialActions, variants);
    }

    /** The same scenario with another step (long runs in tests use coarser steps). */
    public Scenario withStep(Duration newStep) {
        return new Scenario(file, source, start, duration, newStep, schedule, initialActions, variants);
    }


    /** Cross-field checks with the line of the field at fault. */
    private static final class Checker {
        private final String source;
        private final Map<String, Integer> lines;

        Checker(String source, Map<String, Integer> lines) {
            this.source = source;
            this.lines = lines;
        }

        ScenarioException fail(String pointer, String field, String problem) {
            Integer line = Scenarios.lineOf(lines, pointer);
            return new ScenarioException(source, line == null ? 0 : line, field, problem);
        }

        Instant instant(String text) throws ScenarioException {
            Instant instant;
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw fail("/start", "start", Printable.quote(text) + " is not an instant: write it in UTC as "
                        + "2026-06-01T00:00:00Z");
            }
            if (instant.isBefore(EARLIEST_START) || instant.isAfter(LATEST_START)) {
                throw fail("/start", "start", Printable.quote(text) + " is outside the allowed " + EARLIEST_START
                        + " .. " + LATEST_START + ": give a start in the years 1970 to 9999");
            }
            return instant;
        }

        Duration duration(String pointer, String field, String text) throws ScenarioException {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail(pointer, field, e.getMessage());
            }
        }

        /**
         * The settings by key as one change's values; a key that names no setting is refused, at its own line when
         * {@code byKey} (a map of settings), else at the change.
         */
        Map<Setting, Double> settings(String pointer, String field, Map<String, Integer> values, boolean byKey)
                throws ScenarioException {
            Map<Setting, Double> settings = new EnumMap<>(Setting.class);
            for (Map.Entry<String, Integer> entry : values.entrySet()) {
                Optional<Setting> setting = Setting.byKey(entry.getKey());
                if (setting.isEmpty()) {
                    throw fail(byKey ? pointer + "/" + entry.getKey() : pointer, byKey ? field + "."
                            + entry.getKey() : field, Printable.quote(entry.getKey()) + " is not a setting; "
                            + "allowed: " + String.join(", ", Setting.keys()));
                }
                settings.put(setting.get(), (double) entry.getValue());
            }
            return settings;
        }

        /**
         * The settings after {@code values} as one change, refused with the BMS's own message: at the first value
         * not allowed on its own when {@code byKey} (the file gives one line per key), else at the change.
         */
        Settings apply(Settings settings, Map<Setting, Double> values, String pointer, String field, boolean byKey)
                throws ScenarioException {
            SettingChange change = settings.changeAsGiven(values);
            if (change instanceof SettingChange.Accepted accepted) {
                return accepted.settings();
            }
            String message = ((SettingChange.Refused) change).message();
            if (byKey) {
                for (Map.Entry<Setting, Double> value : values.entrySet()) {
                    if (value.getKey().problem(settings.system(), value.getValue()).isPresent()) {
                        throw fail(pointer + "/" + value.getKey().key(), field + "." + value.getKey().key(),
                                message);
                    }
                }
            }
            throw fail(pointer, field, message);
        }
    }
}
