package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bms.Command;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.battery.Battery;
import org.smallbms.sim.component.Sun;
import org.smallbms.sim.monitor.ShuntMonitor;
import org.smallbms.sim.sensor.BankSensor;

/**
 * A whole system around the BMS, built from a scenario: the battery bank, the components and their wiring to the
 * three BMS outputs and the remote terminal, the main switch, the weather, and a schedule of acts and faults.
 *
 * <p>It is composed of parts that each keep one thing: the {@link Schedule}, the {@link Weather}, the
 * {@link Components} on the bus bars, the {@link BmsUnit} (the smallBMS's outputs, remote terminal and own draw),
 * the daisy {@link Chain} with its faults, the battery {@link Monitors}, the {@link EnergyLedger}, the SYS-05
 * {@link Reserve}, the {@link StringChanges} of TOP-09, and the {@link Journal} they all write their events to.
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

    private final DeviceProfile device;
    private final BatteryBank bank;
    /** The parts the schedule's actions change ({@link Action#applyTo}) are the package's to reach. */
    final Journal journal = new Journal();
    private final Schedule schedule;
    final Weather weather;
    final Components components;
    private final Monitors monitors;
    final BmsUnit unit;
    final Chain chain;
    private final EnergyLedger ledger;
    private final Reserve reserve;
    private final StringChanges stringChanges;

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
        this.bank = bank;
        this.schedule = new Schedule(schedule);
        this.weather = new Weather(sun, ambient, cloudiness, journal);
        this.components = new Components(placements, journal);
        this.monitors = new Monitors(monitors, remoteWiring, journal);
        this.unit = new BmsUnit(device, bank, components, remoteWiring, this.monitors, journal);
        this.chain = new Chain(bank, journal);
        this.ledger = new EnergyLedger(components.placements().size());
        this.reserve = new Reserve(bank, journal);
        this.stringChanges = new StringChanges(bank, model, series, seed, serialPrefix, journal);
    }

    @Override
    public BankFrame sense(Instant now) {
        journal.tick(now);
        schedule.applyDue(now, this);
        int vbat = BankSensor.terminalMillivolts(bank);
        return chain.read(vbat, unit.remoteTerminal(vbat), unit.readback());
    }

    @Override
    public void drive(Outputs newOutputs) {
        boolean loadOpened = unit.drive(newOutputs);
        reserve.driven(loadOpened, newOutputs.load().isHigh());
    }

    @Override
    public void advance(Instant now, Duration dt) {
        double seconds = dt.toNanos() / 1e9;
        int secondOfDay = Weather.secondOfDay(now);
        if (weather.advance(schedule.start(), now, secondOfDay)) {
            List<Battery> all = bank.batteries();
            for (int i = 0; i < all.size(); i++) {
                all.get(i).setAmbientCelsius(weather.airCelsius());
            }
        }
        double volts = bank.terminalVolts();
        double total = components.step(secondOfDay, seconds, volts, bank.openCircuitVolts(), bank.ohms(),
                weather.irradiance(), unit.outputs());
        double bmsAmps = unit.amps(volts);
        total -= bmsAmps;
        if (monitors.isEmpty()) {
            bank.step(total, seconds);
        } else {
            // A monitor draws from the battery side of its shunt: the bank gives it, the shunt does not count it.
            bank.step(total - monitors.count() * ShuntMonitor.OWN_AMPS, seconds);
            monitors.measure(bank.stepVolts(), total, seconds);
        }
        ledger.add(bank.stepVolts(), components.amps(), total, bmsAmps, seconds);
        if (reserve.watching()) {
            reserve.check(now, dt, total);
        }
    }

    /**
     * What the simulation did or noticed since the last call, oldest first: read after {@code sense}, the acts of the
     * schedule and the faults it injected; read after {@code advance}, overloads, devices' own acts, the reserve.
     */
    @Override
    public List<Event> takeEvents() {
        return journal.takeEvents();
    }

    /** The commands for the BMS that became due since the last call, in order. */
    @Override
    public List<Command> takeCommands() {
        return journal.takeCommands();
    }

    @Override
    public void act(Action action) {
        action.applyTo(this);
    }

    /** TOP-09, the one act that needs two parts: a string added takes the air's temperature. */
    void changeStrings(boolean add) {
        stringChanges.change(add, weather.airCelsius());
    }

    @Override
    public Optional<WorldView> view() {
        return Optional.of(new WorldView(unit.remoteOn(), chain.closed(), components.mainSwitchOn(),
                weather.cloudiness(), weather.irradiance() * 1000, weather.airCelsius(), ledger.bankAmps(),
                soc() * 100, components.views(), chain.views(), bank.strings().size(), monitors.views()));
    }

    // Truth, for reports and tests.

    /** The battery monitors on the bank's minus, in the scenario's order. */
    public List<ShuntMonitor> monitors() {
        return monitors.all();
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
        return components.placements();
    }

    /** Component {@code index}'s current in the last step, positive charging. */
    public double componentAmps(int index) {
        return components.amps(index);
    }

    /** Component {@code index}'s energy so far, positive charging. */
    public double componentJoules(int index) {
        return ledger.componentJoules(index);
    }

    /** The bank current in the last step, positive charging. */
    public double bankAmps() {
        return ledger.bankAmps();
    }

    /** The BMS's own draw and its outputs' currents in the last step. */
    public double bmsAmps() {
        return ledger.bmsAmps();
    }

    /** Energy into the bank over the steps it charged. */
    public double chargedJoules() {
        return ledger.chargedJoules();
    }

    /** Energy out of the bank over the steps it discharged. */
    public double dischargedJoules() {
        return ledger.dischargedJoules();
    }

    /** The energy the BMS and its outputs drew. */
    public double bmsJoules() {
        return ledger.bmsJoules();
    }

    public Outputs outputs() {
        return unit.outputs();
    }

    /** The sun on the panels in the last step, a fraction of 1000 W/m². */
    public double irradiance() {
        return weather.irradiance();
    }

    /** The air around the batteries in the last step. */
    public double ambientCelsius() {
        return weather.airCelsius();
    }

    public boolean remoteOn() {
        return unit.remoteOn();
    }

    /** The lowest cell voltage in the bank now (the truth, not a reading). */
    public double minCellVolts() {
        return bank.minCellVolts();
    }

    /** The highest cell voltage in the bank now. */
    public double maxCellVolts() {
        return bank.maxCellVolts();
    }

    /** The bank's SoC now: the mean of its batteries' (0..1). */
    public double soc() {
        return bank.soc();
    }

    /** The start of the run (the first {@code sense}); null before it. */
    public Instant start() {
        return schedule.start();
    }
}
