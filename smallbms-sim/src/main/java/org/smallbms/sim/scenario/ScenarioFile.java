package org.smallbms.sim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.sim.component.BatteryProtect;
import org.smallbms.sim.component.BmsOutput;
import org.smallbms.sim.component.ChargeProfile;
import org.smallbms.sim.component.Charger;
import org.smallbms.sim.component.Component;
import org.smallbms.sim.component.ControlInput;
import org.smallbms.sim.component.CyrixLiCt;
import org.smallbms.sim.component.DailyWindow;
import org.smallbms.sim.component.DcDcConverter;
import org.smallbms.sim.component.DcLoad;
import org.smallbms.sim.component.Demand;
import org.smallbms.sim.component.Draw;
import org.smallbms.sim.component.Inverter;
import org.smallbms.sim.component.Link;
import org.smallbms.sim.component.Signal;
import org.smallbms.sim.component.SolarCharger;
import org.smallbms.sim.monitor.ShuntMonitor;
import org.smallbms.sim.system.RemoteWiring;

/**
 * A scenario file as written (docs/scenarios.md): the shape Jackson reads, with the defaults of missing fields and
 * the checks of single fields. Checks across fields are {@link Scenario}'s.
 *
 * @param name the scenario's name
 * @param description what it shows, in a sentence or two
 * @param manual the manual section it follows, if any
 * @param start the virtual clock at the start, ISO-8601 UTC (its time of day is local solar time)
 * @param duration how long it runs
 * @param step the control step
 * @param seed the seed of the cell spread and the clouds, unless the command line gives one
 * @param site where the panels are
 * @param ambient the air around the batteries
 * @param bms the BMS: remote terminal, fuse, settings
 * @param batteries the bank
 * @param components the devices and their wiring
 * @param schedule what happens when
 */
public record ScenarioFile(String name, String description, String manual, String start, String duration,
        String step, Long seed, Site site, AmbientSpec ambient, BmsSpec bms, Batteries batteries,
        List<ComponentSpec> components, List<Entry> schedule) {

    // Bounds of the physical quantities a file may give: well above any smallBMS NG system (its outputs drive
    // devices; its bank is at most 50 batteries of 48 V nominal), and far below where the simulation's arithmetic
    // turns to infinity or NaN.
    /** The largest current of a device or a draw, A. */
    public static final double MAX_AMPS = 1000;
    /** The largest power of a device or a draw, W. */
    public static final double MAX_WATTS = 100_000;
    /** The largest voltage a device is set to, V: what the BMS's terminals measure at most. */
    public static final double MAX_VOLTS = 100;
    /** The largest resistance of a draw, Ω (a gigaohm is no load at all). */
    public static final double MAX_OHMS = 1e9;
    /** The largest fuse in the BMS's Bat+ lead, A; the check wants 0.3–2.5 A, larger ones are flagged. */
    public static final double MAX_FUSE_AMPS = 100;
    /** The largest current of a pre-alarm signal, A (the output is rated 0.5 A; more is flagged). */
    public static final double MAX_SIGNAL_AMPS = 10;

    public ScenarioFile {
        require(name, "name", "a short name, for example ng-3.3.1");
        description = description == null ? "" : description;
        manual = manual == null ? "" : manual;
        start = start == null ? "2026-06-01T00:00:00Z" : start;
        duration = duration == null ? "1d" : duration;
        step = step == null ? "1s" : step;
        seed = seed == null ? 1L : seed;
        site = site == null ? new Site(null, null) : site;
        ambient = ambient == null ? new AmbientSpec(null, null) : ambient;
        bms = bms == null ? new BmsSpec(null, null, null, null, null) : bms;
        require(batteries, "batteries", "the bank: model, series, parallel, soc, celsius, overrides");
        components = components == null ? List.of() : List.copyOf(components);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
    }

    static <T> T require(T value, String field, String allowed) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required: " + allowed);
        }
        return value;
    }

    static double inRange(Double value, double fallback, double min, double max, String field) {
        double v = value == null ? fallback : value;
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(field + " = " + v + " is outside the allowed " + min + ".." + max);
        }
        return v;
    }

    static double positive(Double value, double max, String field, String meaning) {
        require(value, field, meaning);
        if (!(value > 0 && value <= max)) {
            throw new IllegalArgumentException(field + " = " + value + " must be positive and at most "
                    + plain(max) + ": " + meaning);
        }
        return value;
    }

    /** A Skylla's remote port is a charger's: refused on any other device, so the check never meets one there. */
    static ControlInput notSkylla(ControlInput input, String device) {
        if (input == ControlInput.SKYLLA_TG || input == ControlInput.SKYLLA_I) {
            throw new IllegalArgumentException("input = " + Scenarios.kebab(input.name()) + " is the remote port of a "
                    + "Skylla charger, which " + device + " does not have: give it on a charger");
        }
        return input;
    }

    /** An optional value: null (the default) or positive and at most {@code max}. */
    static Double optional(Double value, double max, String field, String meaning) {
        return value == null ? null : positive(value, max, field, meaning);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }

    /** @param latitude degrees north (−90..90, default 52) @param cloudiness 0 clear .. 1 overcast (default 0.3) */
    public record Site(Double latitude, Double cloudiness) {
        public Site {
            latitude = inRange(latitude, 52, -90, 90, "latitude");
            cloudiness = inRange(cloudiness, 0.3, 0, 1, "cloudiness");
        }
    }

    /** @param celsius the daily mean (default 20) @param dailySwing warmest minus coldest (default 0) */
    public record AmbientSpec(Double celsius, Double dailySwing) {
        public AmbientSpec {
            celsius = inRange(celsius, 20, -40, 70, "celsius");
            dailySwing = inRange(dailySwing, 0, 0, 40, "dailySwing");
        }
    }

    /**
     * @param device which smallBMS: ng (the smallBMS NG, default) or classic (the smallBMS with pre-alarm)
     * @param remote what is fitted to the remote terminal (default wire-loop)
     * @param socKnown the installer sets the SoC at the start (MON-05; default true), else it is unknown (PROT-09)
     * @param fuseAmps the fuse in the BMS's Bat+ lead, if the design names one
     * @param settings BMS settings by key (dischargeFloor, lowSocWarning, preAlarmLevel, …) in their units: one change,
     *     checked as a whole (SET-01), so their order does not matter
     */
    public record BmsSpec(DeviceProfile device, RemoteWiring remote, Boolean socKnown, Double fuseAmps,
            Map<String, Integer> settings) {
        public BmsSpec {
            device = device == null ? DeviceProfile.NG : device;
            remote = remote == null ? RemoteWiring.WIRE_LOOP : remote;
            socKnown = socKnown == null || socKnown;
            optional(fuseAmps, MAX_FUSE_AMPS, "fuseAmps", "the fuse's rating in A, for example 1");
            settings = settings == null ? Map.of() : new LinkedHashMap<>(settings);
        }
    }

    /**
     * @param model the battery model, for example ng-12v8-100ah
     * @param series batteries in series per string (default 1)
     * @param parallel strings in parallel (default 1)
     * @param soc the SoC at the start, percent (default 50)
     * @param celsius the batteries' temperature at the start (default: the ambient mean)
     * @param overrides batteries unlike their siblings, by position in the chain (default none)
     * @param loadDisconnectVolts a Lithium Battery Smart's load disconnect level, set in the battery (CLS-02; default
     *     2.8 V, 2.6..2.8 V); checked against the model by {@link Scenario}
     * @param preAlarmVolts a Lithium Battery Smart's pre-alarm level, set in the battery (CLS-02; default 3.1 V,
     *     2.85..3.15 V)
     */
    public record Batteries(BatteryModel model, Integer series, Integer parallel, Double soc, Double celsius,
            List<BatteryOverride> overrides, Double loadDisconnectVolts, Double preAlarmVolts) {
        public Batteries {
            require(model, "model", "a battery model such as ng-12v8-100ah");
            series = series == null ? 1 : series;
            parallel = parallel == null ? 1 : parallel;
            if (series < 1 || series > 50 || parallel < 1 || parallel > 50) {
                throw new IllegalArgumentException("series = " + series + " and parallel = " + parallel
                        + " must each be within 1..50");
            }
            if (series * parallel > Scenario.MAX_BATTERIES) {
                throw new IllegalArgumentException("series = " + series + " × parallel = " + parallel + " is "
                        + series * parallel + " batteries; the BMS cable chain addresses at most "
                        + Scenario.MAX_BATTERIES + ", and a bank may have at most 50 of 12.8 V or 25.6 V, 25 of "
                        + "51.2 V (TOP-03): give fewer batteries, or larger ones");
            }
            soc = inRange(soc, 50, 0, 100, "soc");
            if (celsius != null) {
                inRange(celsius, 20, -30, 60, "celsius");
            }
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }
    }

    /**
     * One battery unlike its siblings, as an installer finds it or fears it.
     *
     * @param battery its position in the chain, 1.. (serial HQ24010001 is 1)
     * @param capacity its capacity as found, on the nominal (default 1; 0.3..1.2)
     * @param resistance its internal resistance as found, on the nominal (default 1; 0.5..5)
     * @param weakCell one weak cell in it (default none)
     * @param celsiusOffset how much warmer its place is than the bank's air, K (default 0; -30..30)
     * @param soc its own SoC at the start, percent (default the bank's)
     */
    public record BatteryOverride(Integer battery, Double capacity, Double resistance, WeakCell weakCell,
            Double celsiusOffset, Double soc) {
        public BatteryOverride {
            require(battery, "battery", "the battery's position in the chain, 1 for the first");
            capacity = inRange(capacity, 1, 0.3, 1.2, "capacity");
            resistance = inRange(resistance, 1, 0.5, 5, "resistance");
            celsiusOffset = inRange(celsiusOffset, 0, -30, 30, "celsiusOffset");
            if (soc != null) {
                inRange(soc, 50, 0, 100, "soc");
            }
        }
    }

    /**
     * @param cell the cell's position in its battery, 1..
     * @param capacity its capacity on the nominal cell's (0.2..1.2)
     * @param resistance its internal resistance on the nominal cell's (default 1; 0.5..8)
     */
    public record WeakCell(Integer cell, Double capacity, Double resistance) {
        public WeakCell {
            require(cell, "cell", "the cell's position in its battery, 1 for the first");
            capacity = inRange(require(capacity, "capacity", "the weak cell's capacity on the nominal, as 0.7"), 1,
                    0.2, 1.2, "capacity");
            resistance = inRange(resistance, 1, 0.5, 8, "resistance");
        }
    }

    /** @param output the BMS output (charge-disconnect, load-disconnect, pre-alarm) @param link default direct */
    public record Control(BmsOutput output, Link link) {
        public Control {
            require(output, "output", "charge-disconnect, load-disconnect or pre-alarm");
            link = link == null ? Link.DIRECT : link;
        }
    }

    /** One part of a demand: exactly one of amps, watts, ohms; {@code hours} daily windows (default all day). */
    public record DrawSpec(Double amps, Double watts, Double ohms, List<String> hours) {
        public DrawSpec {
            int given = (amps == null ? 0 : 1) + (watts == null ? 0 : 1) + (ohms == null ? 0 : 1);
            if (given != 1) {
                throw new IllegalArgumentException("a draw has exactly one of amps, watts or ohms, not " + given);
            }
            hours = hours == null ? List.of() : List.copyOf(hours);
            optional(amps, MAX_AMPS, "amps", "the current it draws in A");
            optional(watts, MAX_WATTS, "watts", "the power it draws in W");
            optional(ohms, MAX_OHMS, "ohms", "its resistance in Ω");
            draw(amps, watts, ohms, hours);
        }

        Draw toDraw() {
            return draw(amps, watts, ohms, hours);
        }

        private static Draw draw(Double amps, Double watts, Double ohms, List<String> hours) {
            List<DailyWindow> windows = new ArrayList<>();
            for (String window : hours) {
                windows.add(DailyWindow.parse(window));
            }
            Draw.Kind kind = amps != null ? Draw.Kind.AMPS : watts != null ? Draw.Kind.WATTS : Draw.Kind.OHMS;
            double value = amps != null ? amps : watts != null ? watts : ohms;
            return new Draw(kind, value, windows);
        }

        static Demand demand(List<DrawSpec> draws) {
            List<Draw> list = new ArrayList<>();
            for (DrawSpec draw : draws == null ? List.<DrawSpec>of() : draws) {
                list.add(draw.toDraw());
            }
            return new Demand(list);
        }
    }

    /** A device with its wiring; {@code type} chooses which. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = DcLoadSpec.class, name = "dc-load"),
        @JsonSubTypes.Type(value = ResidualLoadSpec.class, name = "residual-load"),
        @JsonSubTypes.Type(value = ChargerSpec.class, name = "charger"),
        @JsonSubTypes.Type(value = SolarChargerSpec.class, name = "solar-charger"),
        @JsonSubTypes.Type(value = BatteryProtectSpec.class, name = "battery-protect"),
        @JsonSubTypes.Type(value = CyrixLiCtSpec.class, name = "cyrix-li-ct"),
        @JsonSubTypes.Type(value = InverterSpec.class, name = "inverter"),
        @JsonSubTypes.Type(value = DcDcConverterSpec.class, name = "dc-dc-converter"),
        @JsonSubTypes.Type(value = SignalSpec.class, name = "pre-alarm-signal"),
        @JsonSubTypes.Type(value = SmartShuntSpec.class, name = "smart-shunt"),
        @JsonSubTypes.Type(value = Bmv712Spec.class, name = "bmv-712")})
    public sealed interface ComponentSpec {
        String name();

        /** The control wiring; null when the device is not wired to the BMS. */
        Control control();
    }

    /** A device on the bus bars: it draws or delivers current, and may be controlled by a BMS output. */
    public sealed interface DeviceSpec extends ComponentSpec {

        /** The device, with defaults for a bank of {@code units} × 12.8 V in series. */
        Component build(int units);

        /** Its own switch at the start (mains present, engine running, load on). */
        default boolean initiallyOn() {
            return true;
        }

        /** Powered from the battery side of the main switch. */
        default boolean onBatterySide() {
            return false;
        }
    }

    public record DcLoadSpec(String name, String product, ControlInput input, List<DrawSpec> demand,
            Control control, Boolean beforeMainSwitch, Boolean on) implements DeviceSpec {
        public DcLoadSpec {
            require(name, "name", "a unique name");
            product = product == null ? "DC load" : product;
            input = input == null ? (control == null ? ControlInput.NONE : ControlInput.REMOTE_H)
                    : notSkylla(input, "a dc-load");
            require(demand, "demand", "a list of draws, each with amps, watts or ohms");
        }

        @Override
        public Component build(int units) {
            return new DcLoad(name, product, input, DrawSpec.demand(demand));
        }

        @Override
        public boolean initiallyOn() {
            return on == null || on;
        }

        @Override
        public boolean onBatterySide() {
            return beforeMainSwitch != null && beforeMainSwitch;
        }
    }

    public record ResidualLoadSpec(String name, String product, List<DrawSpec> demand) implements DeviceSpec {
        public ResidualLoadSpec {
            require(name, "name", "a unique name");
            product = product == null ? "residual load" : product;
            require(demand, "demand", "a list of draws, for example [{amps: 0.01}]");
        }

        @Override
        public Control control() {
            return null;
        }

        @Override
        public Component build(int units) {
            return new DcLoad(name, product, ControlInput.NONE, DrawSpec.demand(demand));
        }

        @Override
        public boolean onBatterySide() {
            return true;
        }
    }

    public record ChargerSpec(String name, String product, ControlInput input, Double maxAmps,
            Double absorptionVolts, Double floatVolts, Control control, Boolean on) implements DeviceSpec {
        public ChargerSpec {
            require(name, "name", "a unique name");
            input = input == null ? ControlInput.REMOTE_H : input;
            product = product != null ? product : switch (input) {
                case SKYLLA_TG -> "Skylla TG charger";
                case SKYLLA_I -> "Skylla-i charger";
                case REMOTE_H, ACTIVE_LOW, VE_DIRECT, NONE -> "Smart IP43 Charger";
            };
            positive(maxAmps, MAX_AMPS, "maxAmps", "the charger's rated current in A");
            optional(absorptionVolts, MAX_VOLTS, "absorptionVolts", "the absorption voltage in V");
            optional(floatVolts, MAX_VOLTS, "floatVolts", "the float voltage in V");
        }

        @Override
        public Component build(int units) {
            ChargeProfile lithium = ChargeProfile.lithium(units, maxAmps);
            double absorption = absorptionVolts == null ? lithium.absorptionVolts() : absorptionVolts;
            double floating = floatVolts == null ? lithium.floatVolts() : floatVolts;
            if (floating > absorption) {
                throw new IllegalArgumentException("floatVolts = " + floating + " is above absorptionVolts = "
                        + absorption + ": the float voltage is at most the absorption voltage (the lithium preset "
                        + "per 12.8 V in series: float 13.5 V, absorption 14.2 V)");
            }
            return new Charger(name, product, input, maxAmps, new ChargeProfile(absorption, floating,
                    lithium.absorptionSeconds(), lithium.tailAmps(), floating - 0.4 * units));
        }

        @Override
        public boolean initiallyOn() {
            return on == null || on;
        }
    }

    public record SolarChargerSpec(String name, String product, ControlInput input, Double panelWatts,
            Double maxAmps, Control control) implements DeviceSpec {
        public SolarChargerSpec {
            require(name, "name", "a unique name");
            product = product == null ? "SmartSolar MPPT 75/15" : product;
            input = input == null ? ControlInput.VE_DIRECT : notSkylla(input, "a solar-charger");
            positive(panelWatts, MAX_WATTS, "panelWatts", "the panels' rating in W");
            positive(maxAmps, MAX_AMPS, "maxAmps", "the charger's rated output current in A");
        }

        @Override
        public Component build(int units) {
            return new SolarCharger(name, product, input, panelWatts, maxAmps, ChargeProfile.lithium(units, maxAmps));
        }
    }

    public record BatteryProtectSpec(String name, Double ratedAmps, Double disconnectVolts, Double reconnectVolts,
            List<DrawSpec> demand, Control control, Boolean on) implements DeviceSpec {
        public BatteryProtectSpec {
            require(name, "name", "a unique name");
            ratedAmps = ratedAmps == null ? 65 : positive(ratedAmps, MAX_AMPS, "ratedAmps",
                    "the BatteryProtect's rating in A");
            optional(disconnectVolts, MAX_VOLTS, "disconnectVolts", "the voltage it disconnects below, in V");
            optional(reconnectVolts, MAX_VOLTS, "reconnectVolts", "the voltage it reconnects above, in V");
            require(demand, "demand", "the DC loads behind it, a list of draws");
        }

        @Override
        public Component build(int units) {
            double disconnect = disconnectVolts == null ? 10.5 * units : disconnectVolts;
            double reconnect = reconnectVolts == null ? Math.max(12.0 * units, disconnect + 0.5) : reconnectVolts;
            return new BatteryProtect(name, DrawSpec.demand(demand), disconnect, reconnect, ratedAmps);
        }

        @Override
        public boolean initiallyOn() {
            return on == null || on;
        }
    }

    public record CyrixLiCtSpec(String name, Double alternatorAmps, Double alternatorVolts, Control control,
            Boolean engineRunning) implements DeviceSpec {
        public CyrixLiCtSpec {
            require(name, "name", "a unique name");
            positive(alternatorAmps, MAX_AMPS, "alternatorAmps", "what the alternator delivers through the Cyrix, "
                    + "in A");
            optional(alternatorVolts, MAX_VOLTS, "alternatorVolts", "the alternator's regulated voltage in V");
        }

        @Override
        public Component build(int units) {
            return new CyrixLiCt(name, alternatorAmps, alternatorVolts == null ? 14.2 * units : alternatorVolts);
        }

        @Override
        public boolean initiallyOn() {
            return engineRunning != null && engineRunning;
        }
    }

    public record InverterSpec(String name, Inverter.Kind kind, Double continuousWatts, Double peakWatts,
            Double efficiency, Double idleWatts, List<DrawSpec> acDemand, Control control, Boolean on)
            implements DeviceSpec {
        public InverterSpec {
            require(name, "name", "a unique name");
            kind = kind == null ? Inverter.Kind.VE_DIRECT : kind;
            require(acDemand, "acDemand", "the AC loads, a list of draws in watts");
            if (efficiency != null) {
                inRange(efficiency, 0.9, 0.5, 1, "efficiency");
            }
            optional(continuousWatts, MAX_WATTS, "continuousWatts", "its continuous rating in W");
            optional(peakWatts, MAX_WATTS, "peakWatts", "its peak rating in W");
            if (idleWatts != null) {
                inRange(idleWatts, 0, 0, 1000, "idleWatts");
            }
        }

        @Override
        public Component build(int units) {
            boolean small = kind == Inverter.Kind.VE_DIRECT;
            return new Inverter(name, kind, continuousWatts == null ? (small ? 300 : 1000) : continuousWatts,
                    peakWatts == null ? (small ? 700 : 2200) : peakWatts,
                    efficiency == null ? (small ? 0.89 : 0.92) : efficiency,
                    idleWatts == null ? (small ? 5.3 : 10) : idleWatts, DrawSpec.demand(acDemand));
        }

        @Override
        public boolean initiallyOn() {
            return on == null || on;
        }
    }

    /**
     * A DC-DC converter the bank feeds: Appendix A's Tr-type converters with a remote on/off connector, the Orion
     * 12/24-20 and the Orion XS take Load disconnect directly on the right-hand terminal of their 2-pole connector
     * ({@code input: remote-h}, the default); one without a connector has {@code input: none}.
     */
    public record DcDcConverterSpec(String name, String product, ControlInput input, Double efficiency,
            List<DrawSpec> demand, Control control, Boolean on) implements DeviceSpec {
        public DcDcConverterSpec {
            require(name, "name", "a unique name");
            product = product == null ? "Orion-Tr DC-DC converter" : product;
            input = input == null ? ControlInput.REMOTE_H : input;
            if (input != ControlInput.REMOTE_H && input != ControlInput.NONE) {
                throw new IllegalArgumentException("input = " + Scenarios.kebab(input.name()) + " is not an input of "
                        + "a DC-DC converter: remote-h (its remote on/off connector) or none");
            }
            efficiency = inRange(efficiency, 0.87, 0.5, 1, "efficiency");
            require(demand, "demand", "what its output supplies, a list of draws");
        }

        @Override
        public Component build(int units) {
            return new DcDcConverter(name, product, input, efficiency, DrawSpec.demand(demand));
        }

        @Override
        public boolean initiallyOn() {
            return on == null || on;
        }
    }

    public record SignalSpec(String name, Signal.Kind kind, Double amps, Control control) implements DeviceSpec {
        public SignalSpec {
            require(name, "name", "a unique name");
            require(kind, "kind", "buzzer, led or relay");
            amps = amps == null ? kind.amps() : positive(amps, MAX_SIGNAL_AMPS, "amps",
                    "what it takes from the output in A");
        }

        @Override
        public Component build(int units) {
            return new Signal(name, kind, amps);
        }
    }

    /**
     * A battery monitor on the bank's minus (a SmartShunt, a BMV-712): it measures, it draws no current of note and
     * no BMS output controls it. Its settings default to the bank's: capacity, charged voltage 14.0 V per 12.8 V in
     * series (0.2 V below the lithium absorption voltage), tail current 4 %, charged detection time 3 min, charge
     * efficiency 99 % (a lithium battery's), discharge floor 10 %.
     */
    public sealed interface MonitorSpec extends ComponentSpec {

        @Override
        default Control control() {
            return null;
        }

        /** The monitor, for a bank of {@code units} × 12.8 V in series and {@code capacityAmpHours}. */
        ShuntMonitor build(int units, double capacityAmpHours, OptionalDouble initialSocPercent);
    }

    /** The settings a SmartShunt and a BMV share; null for the default. */
    /** The checks a SmartShunt's and a BMV-712's settings share, refused as the file gives them. */
    static void checkMonitor(String name, Double capacityAmpHours, Double chargedVolts, Double tailCurrentPercent,
            String chargedDetectionTime, Double chargeEfficiency, Double dischargeFloor) {
        require(name, "name", "a unique name");
        optional(capacityAmpHours, 100_000, "capacityAmpHours", "the battery capacity in Ah");
        optional(chargedVolts, MAX_VOLTS, "chargedVolts", "the charged voltage in V");
        monitorSettings(1, 100, capacityAmpHours, chargedVolts, tailCurrentPercent, chargedDetectionTime,
                chargeEfficiency, dischargeFloor);
    }

    static ShuntMonitor.Settings monitorSettings(int units, double bankAmpHours, Double capacityAmpHours,
            Double chargedVolts, Double tailCurrentPercent, String chargedDetectionTime, Double chargeEfficiency,
            Double dischargeFloor) {
        double capacity = capacityAmpHours == null ? bankAmpHours : capacityAmpHours;
        double charged = chargedVolts == null ? 14.0 * units : chargedVolts;
        double tail = inRange(tailCurrentPercent, 4, 0.5, 10, "tailCurrentPercent");
        java.time.Duration detection = Durations.parse(chargedDetectionTime == null ? "3m" : chargedDetectionTime);
        if (detection.compareTo(java.time.Duration.ofMinutes(1)) < 0
                || detection.compareTo(java.time.Duration.ofMinutes(50)) > 0) {
            throw new IllegalArgumentException("chargedDetectionTime = " + chargedDetectionTime + " is outside the "
                    + "allowed 1m..50m (the monitors' range)");
        }
        double efficiency = inRange(chargeEfficiency, 99, 50, 100, "chargeEfficiency");
        double floor = inRange(dischargeFloor, 10, 0, 99, "dischargeFloor");
        return new ShuntMonitor.Settings(capacity, charged, capacity * tail / 100, detection, efficiency / 100,
                floor);
    }

    /**
     * A SmartShunt (classic manual §3.3): VictronConnect shows its SoC, consumed Ah, time to go and history.
     *
     * @param capacityAmpHours the battery capacity (default the bank's)
     * @param chargedVolts the charged voltage (default 14.0 V per 12.8 V in series)
     * @param tailCurrentPercent the tail current in % of the capacity (default 4; 0.5..10)
     * @param chargedDetectionTime how long charged voltage and tail current hold (default 3m; 1m..50m)
     * @param chargeEfficiency the charge efficiency factor in % (default 99; 50..100)
     * @param dischargeFloor the SoC the time to go counts to, % (default 10; 0..99)
     * @param socKnown the installer sets its SoC to the bank's at the start (default true); else it is unknown until
     *     it first synchronises
     */
    public record SmartShuntSpec(String name, Double capacityAmpHours, Double chargedVolts, Double tailCurrentPercent,
            String chargedDetectionTime, Double chargeEfficiency, Double dischargeFloor, Boolean socKnown)
            implements MonitorSpec {
        public SmartShuntSpec {
            checkMonitor(name, capacityAmpHours, chargedVolts, tailCurrentPercent, chargedDetectionTime,
                    chargeEfficiency, dischargeFloor);
        }

        @Override
        public ShuntMonitor build(int units, double capacity, OptionalDouble initialSocPercent) {
            return new ShuntMonitor(name, ShuntMonitor.Product.SMART_SHUNT, monitorSettings(units, capacity,
                    capacityAmpHours, chargedVolts, tailCurrentPercent, chargedDetectionTime, chargeEfficiency,
                    dischargeFloor), null, socKnown == null || socKnown ? initialSocPercent : OptionalDouble.empty());
        }
    }

    /**
     * The BMV's relay in its SoC mode (classic manual §3.1).
     *
     * @param openBelowSoc the relay opens when the SoC falls below this, % (the BMV's "discharge floor" relay
     *     setting, "low state of charge relay")
     * @param closeAboveSoc it closes again when the SoC reaches this, % (its clear level)
     */
    public record RelaySpec(Double openBelowSoc, Double closeAboveSoc) {
        public RelaySpec {
            require(openBelowSoc, "openBelowSoc", "the SoC in % below which the relay opens, for example 50");
            require(closeAboveSoc, "closeAboveSoc", "the SoC in % at which it closes again, for example 90");
            new ShuntMonitor.Relay(openBelowSoc, closeAboveSoc);
        }
    }

    /**
     * A BMV-712 Smart: a SmartShunt's readings and settings, and a relay; with {@code relay} its SoC relay, wired to
     * the BMS's remote terminal by {@code bms: {remote: bmv-relay}}.
     */
    public record Bmv712Spec(String name, Double capacityAmpHours, Double chargedVolts, Double tailCurrentPercent,
            String chargedDetectionTime, Double chargeEfficiency, Double dischargeFloor, Boolean socKnown,
            RelaySpec relay) implements MonitorSpec {
        public Bmv712Spec {
            checkMonitor(name, capacityAmpHours, chargedVolts, tailCurrentPercent, chargedDetectionTime,
                    chargeEfficiency, dischargeFloor);
        }

        @Override
        public ShuntMonitor build(int units, double capacity, OptionalDouble initialSocPercent) {
            return new ShuntMonitor(name, ShuntMonitor.Product.BMV_712, monitorSettings(units, capacity,
                    capacityAmpHours, chargedVolts, tailCurrentPercent, chargedDetectionTime, chargeEfficiency,
                    dischargeFloor), relay == null ? null : new ShuntMonitor.Relay(relay.openBelowSoc(),
                    relay.closeAboveSoc()), socKnown == null || socKnown ? initialSocPercent
                    : OptionalDouble.empty());
        }
    }

    /** The faults a schedule can inject. */
    public enum Fault {
        PULL_BMS_CABLE, REPLUG_BMS_CABLE, SILENCE_BATTERY, ANSWER_BATTERY, REMOVE_BATTERY, ADD_BATTERY,
        SENSOR_FAILURE, SENSOR_REPAIR, SHORT_OUTPUT, CLEAR_SHORT
    }

    /** @param component a component's name @param on its own switch */
    public record SwitchSpec(String component, Boolean on) {
        public SwitchSpec {
            require(component, "component", "the name of a component");
            require(on, "on", "true or false");
        }
    }

    /** @param component a load's name @param draws its demand from now on */
    public record DemandSpec(String component, List<DrawSpec> draws) {
        public DemandSpec {
            require(component, "component", "the name of a load");
            require(draws, "draws", "a list of draws");
        }
    }

    /** @param succeeds whether the update applies @param takes how long it runs (default 1m) */
    public record FirmwareSpec(Boolean succeeds, String takes) {
        public FirmwareSpec {
            succeeds = succeeds == null || succeeds;
            takes = takes == null ? "1m" : takes;
            Durations.parse(takes);
        }
    }

    /** @param name a setting's key @param value in the setting's unit */
    public record SettingSpec(String name, Integer value) {
        public SettingSpec {
            require(name, "name", "a setting key such as dischargeFloor");
            require(value, "value", "the value in the setting's unit");
        }
    }

    /**
     * One entry of the schedule: {@code at} and exactly one action.
     *
     * @param at when, as a duration since the start
     * @param remote the remote switch on or off
     * @param mainSwitch the main switch on or off
     * @param ambient the ambient daily mean from now, °C
     * @param cloudiness the cloudiness from now, 0..1
     * @param device a component's own switch
     * @param demand a load's new demand
     * @param fault a fault to inject (with {@code battery} or {@code output} where it needs one)
     * @param battery the battery (1-based, chain order) of a battery fault
     * @param output the output of an output fault
     * @param firmware a firmware update
     * @param setting a BMS setting changed by the user
     * @param soc the user sets the BMS's SoC, percent
     */
    public record Entry(String at, Boolean remote, Boolean mainSwitch, Double ambient, Double cloudiness,
            @JsonProperty("switch") SwitchSpec device, DemandSpec demand, Fault fault, Integer battery,
            BmsOutput output, FirmwareSpec firmware, SettingSpec setting, Double soc) {
        public Entry {
            Durations.parse(require(at, "at", "when, as a duration since the start such as 1d6h"));
            int actions = count(remote) + count(mainSwitch) + count(ambient) + count(cloudiness) + count(device)
                    + count(demand) + count(fault) + count(firmware) + count(setting) + count(soc);
            if (actions != 1) {
                throw new IllegalArgumentException("a schedule entry has exactly one of remote, mainSwitch, ambient, "
                        + "cloudiness, switch, demand, fault, firmware, setting or soc; this one has " + actions);
            }
            if (cloudiness != null) {
                inRange(cloudiness, 0, 0, 1, "cloudiness");
            }
            if (ambient != null) {
                inRange(ambient, 20, -40, 70, "ambient");
            }
            if (soc != null) {
                inRange(soc, 0, 0, 100, "soc");
            }
            boolean needsBattery = fault == Fault.SILENCE_BATTERY || fault == Fault.ANSWER_BATTERY
                    || fault == Fault.SENSOR_FAILURE || fault == Fault.SENSOR_REPAIR;
            if (needsBattery && battery == null) {
                throw new IllegalArgumentException("fault " + fault + " needs battery: the battery's number, 1-based");
            }
            boolean needsOutput = fault == Fault.SHORT_OUTPUT || fault == Fault.CLEAR_SHORT;
            if (needsOutput && (output == null || output == BmsOutput.NONE)) {
                throw new IllegalArgumentException("fault " + fault + " needs output: charge-disconnect, "
                        + "load-disconnect or pre-alarm");
            }
        }

        private static int count(Object value) {
            return value == null ? 0 : 1;
        }
    }
}
