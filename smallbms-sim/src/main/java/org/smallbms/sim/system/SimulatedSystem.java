package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;
import org.smallbms.core.remote.Remote;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.bank.BatteryString;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.battery.MonitorThresholds;
import org.smallbms.sim.component.BmsOutput;
import org.smallbms.sim.component.Bus;
import org.smallbms.sim.component.Component;
import org.smallbms.sim.component.Demand;
import org.smallbms.sim.component.Draw;
import org.smallbms.sim.component.Role;
import org.smallbms.sim.component.Sun;
import org.smallbms.sim.monitor.ShuntMonitor;
import org.smallbms.sim.sensor.BankSensor;
import org.smallbms.sim.sensor.ChainFaults;

/**
 * A whole system around the BMS, built from a scenario: the battery bank, the components and their wiring to the
 * three BMS outputs and the remote terminal, the main switch, the weather, and a schedule of acts and faults.
 *
 * <p>Each tick: {@link #sense} applies what the schedule says is due and reads the bank through the chain (with its
 * faults), the remote terminal and the outputs' read-back; {@link #drive} takes the BMS's outputs; {@link #advance}
 * asks every component for its current at the bus voltage, given what its control input sees, adds the BMS's own
 * consumption and its outputs' currents (OUT-03), and steps the bank with the sum. Time zero is the first
 * {@code sense}; the virtual clock's UTC time of day is the local solar time.
 *
 * <p>What the simulation itself notices (faults it injects, acts of the schedule, an overloaded output, a
 * BatteryProtect's own disconnect, the end of the reserve after a low cell voltage shutdown) are {@link Event}s the
 * driver collects with {@link #takeEvents()}; commands for the BMS (a firmware update, settings) wait in
 * {@link #takeCommands()} for the driver to apply with {@code Bms.handle}.
 *
 * <p><b>A mutable physics body</b> with a single owner, the loop that drives it. Not thread-safe.
 */
public final class SimulatedSystem implements World {

    /** OUT-03: below 8 V the BMS is off. */
    public static final double BMS_MIN_VOLTS = 8;
    /** The Lithium NG's hard-coded low cell voltage (REQUIREMENTS.md §2). */
    public static final double LOW_CELL_VOLTS = 2.8;
    /** A LiFePO4 cell's minimum discharge voltage: below it the cell is damaged (SYS-05). */
    public static final double DAMAGE_CELL_VOLTS = 2.5;
    private static final double LOW_CELL_MARGIN_VOLTS = 0.05;
    private static final List<BmsOutput> OUTPUTS = List.of(BmsOutput.CHARGE_DISCONNECT, BmsOutput.LOAD_DISCONNECT,
            BmsOutput.PRE_ALARM);
    private static final int OUTPUT_COUNT = OUTPUTS.size();

    private final DeviceProfile device;
    /** OUT-03: what the device draws for itself with the remote on, after a low cell shutdown, remote off. */
    private final double remoteOnAmps;
    private final double lowCellAmps;
    private final double remoteOffAmps;
    /** OUT-02: each output's rating, and whether a short only limits its current, by ordinal. */
    private final double[] outputRatingAmps = new double[BmsOutput.values().length];
    private final boolean[] outputLimits = new boolean[BmsOutput.values().length];
    private final List<ShuntMonitor> monitors;
    /** The BMV whose relay contact is on the remote terminal (RemoteWiring.BMV_RELAY); null for none. */
    private final ShuntMonitor remoteRelay;
    private final BatteryBank bank;
    private final BatteryModel model;
    private final int series;
    private final long seed;
    private final String serialPrefix;
    private final List<Placement> placements;
    private final RemoteWiring remoteWiring;
    private final List<Action.Timed> schedule;
    private final Sun sun;
    /** The cosines of the daily temperature swing and of the sun's hour angle, for each second of the day. */
    private final double[] outputControlAmps = new double[BmsOutput.values().length];
    private final double[] componentAmps;
    private final double[] componentJoules;
    private final List<Event> events = new ArrayList<>();
    /** Where the devices report their own acts: one for the life of the system, not a new one each tick. */
    private final Bus.Sink sink = (name, value, cause) -> record(Event.Kind.FINDING, name, value, cause);
    private final List<Command> commands = new ArrayList<>();
    private final Set<String> failedSensors = new TreeSet<>();
    private final EnumSet<BmsOutput> shorted = EnumSet.noneOf(BmsOutput.class);
    private final EnumSet<BmsOutput> overloadReported = EnumSet.noneOf(BmsOutput.class);

    private Ambient ambient;
    private double cloudiness;
    private boolean remoteOn = true;
    private boolean mainSwitchOn = true;
    private ChainFaults faults = ChainFaults.NONE;
    private Outputs outputs = Outputs.ALL_FLOATING;
    /** The sensor's frame of the last tick, before failed sensors: what did not change since is reused. */
    private BankFrame lastFrame;
    private Instant start;
    /**
     * The time of the last {@code sense}, as its epoch second and nanosecond: a reference to each tick's new Instant
     * stored in this long-lived object would cost the collector's write barrier every tick, and only events read it.
     */
    private long clockSecond;
    private int clockNano;
    private int nextAction;
    private int serialCount;
    private double lastAmbient = Double.NaN;
    private long cloudKey = Long.MIN_VALUE;
    /** The UTC day of {@link #sunDay}: the calendar and the declination are worked out once a day, not a tick. */
    private long dayOfYearEpochDay = Long.MIN_VALUE;
    private Sun.Day sunDay;
    private double cloudFactor = 1;
    private double irradiance;
    private double bankAmps;
    private double bmsAmps;
    private double chargedJoules;
    private double dischargedJoules;
    private double bmsJoules;
    private Instant lowCellShutdownAt;
    private boolean reserveReported;
    /** The last remote terminal, for {@code remoteOn} and {@code terminalMillivolts} at Vbat. */
    private RemoteTerminal terminal;
    private boolean terminalOn;
    private int terminalMillivolts;

    /**
     * @param device which smallBMS: its own draw (OUT-03) and its outputs' ratings (OUT-02)
     * @param bank the batteries, built by the caller from {@code model}, {@code series} and {@code seed}
     * @param model the battery model, for a string added while running
     * @param series batteries in series in each string
     * @param seed the seed the bank was built with
     * @param serialPrefix the serial prefix the bank was built with
     * @param placements the components and their wiring
     * @param monitors the battery monitors on the bank's minus (SmartShunt, BMV-712); none is usual
     * @param remoteWiring what is fitted to the remote terminal
     * @param schedule what happens when
     * @param sun the sky over the panels
     * @param ambient the air around the batteries
     * @param cloudiness the cloudiness at the start, 0..1
     */
    public SimulatedSystem(DeviceProfile device, BatteryBank bank, BatteryModel model, int series, long seed,
            String serialPrefix, List<Placement> placements, List<ShuntMonitor> monitors, RemoteWiring remoteWiring,
            List<Action.Timed> schedule, Sun sun, Ambient ambient, double cloudiness) {
        this.device = device;
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
        DeviceProfile.Consumption consumption = device.consumption();
        remoteOnAmps = consumption.remoteOnMicroamps() / 1e6;
        lowCellAmps = consumption.lowCellMicroamps() / 1e6;
        remoteOffAmps = consumption.remoteOffMicroamps() / 1e6;
        for (BmsOutput output : BmsOutput.values()) {
            outputRatingAmps[output.ordinal()] = output.ratingAmps(device);
            outputLimits[output.ordinal()] = output.rating(device).shortCircuitProtected();
        }
        this.bank = bank;
        this.model = model;
        this.series = series;
        this.seed = seed;
        this.serialPrefix = serialPrefix;
        // Loads first, chargers last: a charger that holds a voltage needs the net current of everything else.
        List<Placement> ordered = new ArrayList<>(placements);
        ordered.sort(Comparator.comparing(p -> p.component().role() == Role.CHARGER));
        this.placements = List.copyOf(ordered);
        this.remoteWiring = remoteWiring;
        List<Action.Timed> timed = new ArrayList<>(schedule);
        timed.sort(Comparator.comparing(Action.Timed::at));
        this.schedule = List.copyOf(timed);
        this.sun = sun;
        this.ambient = ambient;
        this.cloudiness = cloudiness;
        this.serialCount = bank.batteries().size();
        componentAmps = new double[this.placements.size()];
        componentJoules = new double[this.placements.size()];
        for (Placement placement : this.placements) {
            outputControlAmps[placement.wiring().output().ordinal()] += placement.controlAmps();
        }
        outputControlAmps[BmsOutput.NONE.ordinal()] = 0;
    }

    @Override
    public BankFrame sense(Instant now) {
        if (start == null) {
            start = now;
        }
        clockSecond = now.getEpochSecond();
        clockNano = now.getNano();
        // The time since the start is worked out only while the schedule still has something to do.
        if (nextAction < schedule.size()) {
            Duration elapsed = Duration.between(start, now);
            while (nextAction < schedule.size() && schedule.get(nextAction).at().compareTo(elapsed) <= 0) {
                schedule.get(nextAction++).action().applyTo(this);
            }
        }
        int vbat = BankSensor.terminalMillivolts(bank);
        OutputReadback readback = OutputReadback.of(readsHigh(BmsOutput.CHARGE_DISCONNECT),
                readsHigh(BmsOutput.LOAD_DISCONNECT), readsHigh(BmsOutput.PRE_ALARM));
        BankFrame frame = BankSensor.read(bank, vbat, faults, remoteTerminal(vbat), readback, lastFrame);
        // Stored only when it changed: three ticks in four the frame is the last one, and a store costs a barrier.
        if (frame != lastFrame) {
            lastFrame = frame;
        }
        return failedSensors.isEmpty() ? frame : withFailedSensors(frame);
    }

    /**
     * The remote terminal at this battery voltage. The last one is kept: a switch to plus gives a new terminal for
     * each voltage, and the sense and the BMS's own draw ask for the same one in a tick.
     */
    private RemoteTerminal remoteTerminal(int vbatMillivolts) {
        // With a BMV relay on the terminal, the switch and the relay's contact are in series.
        boolean on = remoteOn && (remoteRelay == null || remoteRelay.relayClosed());
        if (terminal == null || terminalOn != on || terminalMillivolts != vbatMillivolts) {
            terminal = remoteWiring.terminal(on, vbatMillivolts);
            terminalOn = on;
            terminalMillivolts = vbatMillivolts;
        }
        return terminal;
    }

    private boolean readsHigh(BmsOutput output) {
        return output.levelIn(outputs).isHigh() && !shorted.contains(output);
    }

    /** An open NTC reads the bottom of its scale, and the battery's own monitor then forbids charging. */
    private BankFrame withFailedSensors(BankFrame frame) {
        List<BatteryReading> readings = new ArrayList<>(frame.batteries().size());
        for (BatteryReading r : frame.batteries()) {
            readings.add(!failedSensors.contains(r.serial()) ? r : new BatteryReading(r.serial(), r.model(),
                    r.firmwareVersion(), r.cellMillivolts(), BatteryReading.MIN_DECI_CELSIUS, r.milliamps(),
                    r.millivolts(), r.flags().with(BatteryFlag.CHARGE_LOW_TEMPERATURE)));
        }
        return new BankFrame(readings, frame.chainNodes(), frame.chainClosed(), frame.terminalMillivolts(),
                frame.remote(), frame.readback(), frame.selfTestPassed());
    }

    @Override
    public void drive(Outputs newOutputs) {
        boolean loadOpened = outputs.load().isHigh() && !newOutputs.load().isHigh();
        if (newOutputs != outputs) {
            outputs = newOutputs;
        }
        for (int i = 0; i < OUTPUT_COUNT; i++) {
            BmsOutput output = OUTPUTS.get(i);
            double amps = outputControlAmps[output.ordinal()];
            double rating = outputRatingAmps[output.ordinal()];
            if (output.levelIn(outputs).isHigh() && amps > rating && overloadReported.add(output)) {
                record(Event.Kind.FINDING, output.label(), "overloaded", overload(output, amps, rating));
            }
        }
        if (loadOpened && minCellVolts() < LOW_CELL_VOLTS + LOW_CELL_MARGIN_VOLTS) {
            lowCellShutdownAt = clock();
            reserveReported = false;
        } else if (outputs.load().isHigh()) {
            lowCellShutdownAt = null;
        }
    }

    @Override
    public void advance(Instant now, Duration dt) {
        double seconds = dt.toNanos() / 1e9;
        int secondOfDay = (int) Math.floorMod(now.getEpochSecond(), 86_400L);
        double airCelsius = ambient.celsiusAt(DailyTable.AMBIENT_COS.at(secondOfDay));
        if (airCelsius != lastAmbient) {
            List<Battery> all = bank.batteries();
            for (int i = 0; i < all.size(); i++) {
                all.get(i).setAmbientCelsius(airCelsius);
            }
            lastAmbient = airCelsius;
        }
        irradiance = sunshine(now, secondOfDay);
        double volts = bank.terminalVolts();
        double ocv = bank.openCircuitVolts();
        double ohms = bank.ohms();
        Bus batterySide = new Bus(secondOfDay, seconds, volts, ocv, ohms, irradiance, sink);
        Bus busBar = mainSwitchOn ? batterySide : new Bus(secondOfDay, seconds, 0, ocv, ohms, irradiance, sink);
        double total = 0;
        for (int i = 0; i < componentAmps.length; i++) {
            Placement placement = placements.get(i);
            Component component = placement.component();
            boolean enabled = placement.wiring().enables(outputs, component.input());
            double amps = component.amps(placement.beforeMainSwitch() ? batterySide : busBar, enabled, total);
            componentAmps[i] = amps;
            total += amps;
        }
        bmsAmps = bmsOwnAmps(volts) + outputAmps();
        total -= bmsAmps;
        if (monitors.isEmpty()) {
            bank.step(total, seconds);
        } else {
            // A monitor draws from the battery side of its shunt: the bank gives it, the shunt does not count it.
            bank.step(total - monitors.size() * ShuntMonitor.OWN_AMPS, seconds);
            measure(bank.stepVolts(), total, seconds);
        }
        bankAmps = total;
        double stepVolts = bank.stepVolts();
        for (int i = 0; i < componentAmps.length; i++) {
            componentJoules[i] += stepVolts * componentAmps[i] * seconds;
        }
        bmsJoules += stepVolts * bmsAmps * seconds;
        if (total > 0) {
            chargedJoules += stepVolts * total * seconds;
        } else {
            dischargedJoules -= stepVolts * total * seconds;
        }
        if (lowCellShutdownAt != null && !reserveReported) {
            checkReserve(now, dt);
        }
    }

    /** The monitors measure the step; what they change becomes an event at the step's start. */
    private void measure(double volts, double amps, double seconds) {
        for (int i = 0; i < monitors.size(); i++) {
            ShuntMonitor monitor = monitors.get(i);
            switch (monitor.measure(volts, amps, seconds)) {
                case NONE -> {
                }
                case SYNCHRONISED -> record(Event.Kind.MONITOR, monitor.name(), "SoC 100.0 %", String.format(
                        Locale.ROOT, "%s synchronised: %.2f V ≥ charged voltage %.2f V and %.2f A ≤ tail current "
                        + "%.2f A for %d min", monitor.product().label(), volts, monitor.settings().chargedVolts(),
                        amps, monitor.settings().tailAmps(), monitor.settings().chargedDetection().toMinutes()));
                case RELAY_OPENED -> record(Event.Kind.MONITOR, monitor.name() + " relay", "open", String.format(
                        Locale.ROOT, "SoC %.1f %% fell below %.0f %%%s", monitor.socPercent().orElse(0),
                        monitor.relay().orElseThrow().openBelowSocPercent(), monitor == remoteRelay
                        ? ": the BMS's remote terminal opens, loads and chargers off (classic manual §3.1)" : ""));
                case RELAY_CLOSED -> record(Event.Kind.MONITOR, monitor.name() + " relay", "closed", String.format(
                        Locale.ROOT, "SoC %.1f %% reached %.0f %%%s", monitor.socPercent().orElse(0),
                        monitor.relay().orElseThrow().closeAboveSocPercent(), monitor == remoteRelay
                        ? ": the BMS's remote terminal closes again" : ""));
            }
        }
    }

    private double sunshine(Instant now, int secondOfDay) {
        long day = Math.floorDiv(secondsBetween(start, now) + secondOfDay(start), 86_400L);
        int hour = secondOfDay / 3600;
        long key = day * 24 + hour;
        if (key != cloudKey) {
            cloudKey = key;
            cloudFactor = sun.cloudFactor(day, hour, cloudiness);
        }
        long epochDay = Math.floorDiv(now.getEpochSecond(), 86_400L);
        if (epochDay != dayOfYearEpochDay) {
            dayOfYearEpochDay = epochDay;
            sunDay = sun.day(now.atOffset(ZoneOffset.UTC).getDayOfYear());
        }
        return sunDay.clearSkyAt(DailyTable.SUN_COS.at(secondOfDay)) * cloudFactor;
    }

    /** {@code Duration.between(from, to).getSeconds()}, without building the Duration every tick. */
    private static long secondsBetween(Instant from, Instant to) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        return to.getNano() < from.getNano() ? seconds - 1 : seconds;
    }

    private static int secondOfDay(Instant instant) {
        return (int) Math.floorMod(instant.getEpochSecond(), 86_400L);
    }

    /**
     * OUT-02: what an overload does. An output that is not short-circuit protected sources what is asked and is at
     * risk; one that is (the classic's Charge disconnect) limits its current to its rating instead: it is not
     * damaged, but the devices get less than they need. <em>Decision:</em> the simulation limits the current it
     * draws from the bank and leaves the devices' inputs as they were; whether a starved input still switches on
     * depends on the device, which the manual does not say.
     */
    private String overload(BmsOutput output, double amps, double rating) {
        if (!outputLimits[output.ordinal()]) {
            return String.format(Locale.ROOT, "the devices on the %s output take %.2f A, more than its %.1f A rating "
                    + "(OUT-02); it is not short-circuit protected", output.label(), amps, rating);
        }
        return String.format(Locale.ROOT, "the devices on the %s output would take %.3f A, more than its %.0f mA "
                + "rating (OUT-02); it is short-circuit protected, so it limits its current to %.0f mA rather than "
                + "being damaged, and what it drives gets less than it needs and may not switch on", output.label(),
                amps, rating * 1000, rating * 1000);
    }

    /** OUT-03: what the BMS draws for itself, from the device's figures. */
    private double bmsOwnAmps(double volts) {
        if (volts < BMS_MIN_VOLTS) {
            return 0;
        }
        int millivolts = (int) Math.round(volts * 1000);
        boolean lowCell = !outputs.load().isHigh() && minCellVolts() < LOW_CELL_VOLTS + LOW_CELL_MARGIN_VOLTS;
        if (!Remote.isOn(remoteTerminal(millivolts), millivolts)) {
            return remoteOffAmps;
        }
        return lowCell ? lowCellAmps : remoteOnAmps;
    }

    /**
     * The currents the outputs that are high source into what is wired to them (OUT-02), from the bank; an output
     * that limits its current sources at most its rating.
     */
    private double outputAmps() {
        double sum = 0;
        for (int i = 0; i < OUTPUT_COUNT; i++) {
            BmsOutput output = OUTPUTS.get(i);
            if (output.levelIn(outputs).isHigh()) {
                int o = output.ordinal();
                sum += outputLimits[o] ? Math.min(outputControlAmps[o], outputRatingAmps[o]) : outputControlAmps[o];
            }
        }
        return sum;
    }

    /**
     * SYS-05: after a low cell voltage shutdown, the reserve is gone when the weakest cell falls to
     * {@link #DAMAGE_CELL_VOLTS}, the LiFePO4 cell's minimum discharge voltage: "the battery will be damaged if the
     * remaining capacity reserve is drawn" (manual §3.1). That is the last few tenths of a percent of its charge.
     */
    private void checkReserve(Instant now, Duration dt) {
        double minVolts = minCellVolts();
        if (minVolts <= DAMAGE_CELL_VOLTS) {
            Instant at = now.plus(dt);
            reserveReported = true;
            double days = Duration.between(lowCellShutdownAt, at).getSeconds() / 86_400.0;
            record(at, Event.Kind.FINDING, "reserve", "exhausted", String.format(Locale.ROOT,
                    "the weakest cell is down to %.2f V %.1f days after the low cell voltage shutdown with %.1f mA "
                    + "still drawn: the battery is being damaged; recharge at once after a shutdown (SYS-05, manual "
                    + "§3.1)", minVolts, days, -bankAmps * 1000));
        }
    }

    private void record(Event.Kind kind, String name, String value, String cause) {
        record(clock(), kind, name, value, cause);
    }

    private Instant clock() {
        return Instant.ofEpochSecond(clockSecond, clockNano);
    }

    private void record(Instant at, Event.Kind kind, String name, String value, String cause) {
        events.add(new Event(at, kind, name, value, cause));
    }

    /**
     * What the simulation did or noticed since the last call, oldest first: read after {@code sense}, the acts of the
     * schedule and the faults it injected; read after {@code advance}, overloads, devices' own acts, the reserve.
     */
    @Override
    public List<Event> takeEvents() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Event> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** The commands for the BMS that became due since the last call, in order. */
    @Override
    public List<Command> takeCommands() {
        if (commands.isEmpty()) {
            return List.of();
        }
        List<Command> taken = List.copyOf(commands);
        commands.clear();
        return taken;
    }

    // What the schedule's actions do (Action#applyTo).

    void setRemote(boolean on) {
        remoteOn = on;
        record(Event.Kind.COMMAND, "remote", on ? "on" : "off", "remote on/off switch (" + remoteWiring.name()
                .toLowerCase(Locale.ROOT).replace('_', '-') + ") turned " + (on ? "on" : "off"));
    }

    void setMainSwitch(boolean on) {
        mainSwitchOn = on;
        record(Event.Kind.COMMAND, "main switch", on ? "on" : "off", on ? "the bus bar is connected to the battery"
                : "the bus bar is isolated from the battery");
    }

    void setAmbientMean(double celsius) {
        ambient = ambient.withMean(celsius);
        record(Event.Kind.COMMAND, "ambient", String.format(Locale.ROOT, "%.1f °C", celsius),
                "the daily mean of the air around the batteries");
    }

    void setCloudiness(double value) {
        cloudiness = value;
        cloudKey = Long.MIN_VALUE;
        record(Event.Kind.COMMAND, "cloudiness", String.format(Locale.ROOT, "%.2f", value), "the weather changes");
    }

    void switchDevice(String name, boolean on) {
        component(name).switchOn(on);
        record(Event.Kind.COMMAND, name, on ? "on" : "off", "its own switch (mains, engine, load switch)");
    }

    void setDemand(String name, Demand demand) {
        component(name).setDemand(demand);
        record(Event.Kind.COMMAND, name, "demand", "now " + demand.draws());
    }

    void setBmsCable(boolean connected) {
        faults = faults.withOpen(!connected);
        record(Event.Kind.FAULT, "BMS cable", connected ? "plugged" : "pulled", connected
                ? "the daisy chain is closed again"
                : "a BMS cable is out: the daisy chain is open (W-B05 at once, E-B05 if it stays open 5 s)");
    }

    void setBatteryAnswers(int battery, boolean answers) {
        String serial = batterySerial(battery);
        faults = answers ? faults.withAnswering(serial) : faults.withSilent(serial);
        record(Event.Kind.FAULT, "battery " + serial, answers ? "answering" : "silent", answers
                ? "the battery answers on the chain again"
                : "the battery stops answering on the chain (W-B05 after 2 s, A-B05 after 10 s, if it stays silent)");
    }

    void changeStrings(boolean add) {
        if (add) {
            double soc = 0;
            List<Battery> all = bank.batteries();
            for (Battery battery : all) {
                soc += battery.soc();
            }
            soc /= all.size();
            List<Battery> string = new ArrayList<>();
            MonitorThresholds levels = all.get(0).thresholds();
            for (int s = 0; s < series; s++) {
                serialCount++;
                Battery battery = Battery.of(model, String.format(Locale.ROOT, "%s%04d", serialPrefix, serialCount),
                        seed * 1_000_003L + serialCount, soc, lastAmbient);
                // CLS-02: an added Lithium Battery Smart is set up as its siblings are.
                if (model.family() == BatteryFamily.LITHIUM_BATTERY_SMART) {
                    battery.setSmartThresholds(levels.cellLowVolts(), levels.preAlarmVolts());
                }
                string.add(battery);
            }
            bank.addString(BatteryString.of(string));
            record(Event.Kind.FAULT, "bank", "string added", String.format(Locale.ROOT,
                    "%d × %s added in parallel at %.0f %% SoC (TOP-09)", series, model.label(), soc * 100));
        } else {
            if (bank.strings().size() < 2) {
                throw new IllegalStateException("the last string of a bank cannot be removed");
            }
            BatteryString removed = bank.removeString(bank.strings().size() - 1);
            record(Event.Kind.FAULT, "bank", "string removed", removed.batteries().size() + " × " + model.label()
                    + " taken off the bus bars (TOP-09)");
        }
    }

    void setSensorFailure(int battery, boolean failed) {
        String serial = batterySerial(battery);
        if (failed) {
            failedSensors.add(serial);
        } else {
            failedSensors.remove(serial);
        }
        record(Event.Kind.FAULT, "battery " + serial, failed ? "sensor failed" : "sensor repaired", failed
                ? "its temperature sensor is open: it reads the bottom of its scale and the battery forbids charging"
                : "its temperature sensor reads again");
    }

    void setShort(BmsOutput output, boolean isShorted) {
        if (isShorted) {
            shorted.add(output);
        } else {
            shorted.remove(output);
        }
        record(Event.Kind.FAULT, output.label(), isShorted ? "shorted" : "short removed", isShorted
                ? "the output is shorted to minus: it reads back low while driven high (E-B11)"
                : "the output is free of the short");
    }

    void command(Command command) {
        commands.add(command);
    }

    private String batterySerial(int battery) {
        List<Battery> all = bank.batteries();
        if (battery < 1 || battery > all.size()) {
            throw new IllegalStateException("battery " + battery + " is not in the bank of " + all.size());
        }
        return all.get(battery - 1).serial();
    }

    private Component component(String name) {
        for (Placement placement : placements) {
            if (placement.component().name().equals(name)) {
                return placement.component();
            }
        }
        throw new IllegalStateException("no component named " + name);
    }

    @Override
    public void act(Action action) {
        action.applyTo(this);
    }

    @Override
    public Optional<WorldView> view() {
        List<WorldView.ComponentView> components = new ArrayList<>(placements.size());
        for (int i = 0; i < placements.size(); i++) {
            Component c = placements.get(i).component();
            Optional<Demand> demand = c.currentDemand();
            components.add(new WorldView.ComponentView(c.name(), c.product(), c.role(), c.switchedOn(),
                    componentAmps[i], demand.map(SimulatedSystem::steadyWatts).orElse(OptionalDouble.empty()),
                    demand.isPresent()));
        }
        List<WorldView.BatteryView> batteries = new ArrayList<>();
        List<Battery> all = bank.batteries();
        for (int i = 0; i < all.size(); i++) {
            Battery b = all.get(i);
            batteries.add(new WorldView.BatteryView(i + 1, b.serial(), !faults.silentSerials().contains(b.serial()),
                    failedSensors.contains(b.serial()), b.soc() * 100));
        }
        List<WorldView.MonitorView> monitorViews = new ArrayList<>(monitors.size());
        for (ShuntMonitor m : monitors) {
            monitorViews.add(new WorldView.MonitorView(m.name(), m.product().label(), m.socPercent(),
                    m.consumedAmpHours(), m.timeToGoSeconds(), m.volts(), m.amps(), m.relay().isPresent(),
                    m.relayClosed()));
        }
        return Optional.of(new WorldView(remoteOn, !faults.open(), mainSwitchOn, cloudiness, irradiance * 1000,
                lastAmbient, bankAmps, soc() * 100, components, batteries, bank.strings().size(), monitorViews));
    }

    /** The power of a demand that is one power all day, as a load set from the panel is; empty for any other. */
    private static OptionalDouble steadyWatts(Demand demand) {
        if (demand.draws().size() == 1 && demand.draws().get(0).kind() == Draw.Kind.WATTS
                && demand.draws().get(0).hours().isEmpty()) {
            return OptionalDouble.of(demand.draws().get(0).value());
        }
        return OptionalDouble.empty();
    }

    // Truth, for reports and tests.

    /** The battery monitors on the bank's minus, in the scenario's order. */
    public List<ShuntMonitor> monitors() {
        return monitors;
    }

    /** Which smallBMS the system has. */
    public DeviceProfile device() {
        return device;
    }

    public BatteryBank bank() {
        return bank;
    }

    /** The placements, loads first, in the order {@link #componentAmps(int)} counts them. */
    public List<Placement> placements() {
        return placements;
    }

    /** Component {@code index}'s current in the last step, positive charging. */
    public double componentAmps(int index) {
        return componentAmps[index];
    }

    /** Component {@code index}'s energy so far, positive charging. */
    public double componentJoules(int index) {
        return componentJoules[index];
    }

    /** The bank current in the last step, positive charging. */
    public double bankAmps() {
        return bankAmps;
    }

    /** The BMS's own draw and its outputs' currents in the last step. */
    public double bmsAmps() {
        return bmsAmps;
    }

    /** Energy into the bank over the steps it charged. */
    public double chargedJoules() {
        return chargedJoules;
    }

    /** Energy out of the bank over the steps it discharged. */
    public double dischargedJoules() {
        return dischargedJoules;
    }

    /** The energy the BMS and its outputs drew. */
    public double bmsJoules() {
        return bmsJoules;
    }

    public Outputs outputs() {
        return outputs;
    }

    /** The sun on the panels in the last step, a fraction of 1000 W/m². */
    public double irradiance() {
        return irradiance;
    }

    /** The air around the batteries in the last step. */
    public double ambientCelsius() {
        return lastAmbient;
    }

    public boolean remoteOn() {
        return remoteOn;
    }

    /** The lowest cell voltage in the bank now (the truth, not a reading). */
    public double minCellVolts() {
        // Asked every tick after a low cell voltage shutdown: an index loop, no iterator.
        List<Battery> all = bank.batteries();
        double min = Double.MAX_VALUE;
        for (int i = 0; i < all.size(); i++) {
            min = Math.min(min, all.get(i).minCellVolts());
        }
        return min;
    }

    /** The highest cell voltage in the bank now. */
    public double maxCellVolts() {
        double max = 0;
        for (Battery battery : bank.batteries()) {
            max = Math.max(max, battery.maxCellVolts());
        }
        return max;
    }

    /** The bank's SoC now: the mean of its batteries' (0..1). */
    public double soc() {
        double sum = 0;
        List<Battery> all = bank.batteries();
        for (Battery battery : all) {
            sum += battery.soc();
        }
        return sum / all.size();
    }

    /** The start of the run (the first {@code sense}); null before it. */
    public Instant start() {
        return start;
    }
}
