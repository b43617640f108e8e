package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.event.Event;
import org.smallbms.core.monitor.Monitor;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.Allowed;
import org.smallbms.core.protection.Outputs;
import org.smallbms.sim.system.Run;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;

/** Every shipped example runs, and does what its description says. */
class ShippedScenariosTest {

    @Test
    @DisplayName("every file in examples/ is a shipped scenario and loads from the jar by name")
    void examples_allListedAndLoadable() throws IOException, ScenarioException {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("..", "examples"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(Scenarios.BUILT_IN);
        for (String name : Scenarios.BUILT_IN) {
            assertThat(Scenarios.builtIn(name).name()).isEqualTo(name);
        }
    }

    @Test
    @DisplayName("SYS-02 §3.3.1: on low cell voltage the pre-alarm comes first, then the BatteryProtect's loads are "
            + "cut; the remote switch turns loads and charger off and on")
    void ng331_lowCellCutsLoads_remoteSwitchTurnsAllOff() throws ScenarioException {
        List<double[]> loadsWhileAtdFloating = new ArrayList<>();
        Run run = Run.of(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                if (!bms.protection().outputs().load().isHigh()) {
                    loadsWhileAtdFloating.add(new double[] {system.componentAmps(0)});
                }
            }
        });

        assertThat(run.lines()).containsSubsequence("code W-B01 active", "output PRE_ALARM HIGH", "code A-B01 active",
                "output ATD FLOATING", "output ATD HIGH");
        long preAlarm = run.firstAt(Run.is("output PRE_ALARM HIGH"));
        long loadOff = run.firstAt(Run.is("output ATD FLOATING"));
        assertThat(loadOff - preAlarm).isGreaterThanOrEqualTo(30);
        assertThat(loadsWhileAtdFloating).isNotEmpty().allSatisfy(amps -> assertThat(amps[0]).isZero());
        assertThat(run.lines()).containsSubsequence("command remote off", "output ATC FLOATING",
                "output ATD FLOATING", "command remote on", "output ATC HIGH", "output ATD HIGH");
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"2026-06-21T00:00:00Z", "2026-06-21T06:00:00Z", "2026-06-21T12:00:00Z",
        "2026-06-21T18:00:00Z", "2026-12-21T00:00:00Z", "2026-12-21T06:00:00Z", "2026-12-21T12:00:00Z",
        "2026-12-21T18:00:00Z", "2027-03-20T03:30:00Z", "2027-09-22T15:45:00Z"})
    @DisplayName("MON-02 MON-04 PROT-04 PROT-07 PROT-08 PROT-09 CODE-03 §3.3.1 sized for a cycle a day (the default "
            + "of run), started at any time of day, in June, December or between: within five days it synchronises "
            + "to 100 %, shows the evening's time remaining, raises the low SoC warning with the pre-alarm, and the "
            + "sun clears it and fills the battery again; the loads are never cut")
    void dailyCycle_anyStart_synchronisesWarnsAndRecoversWithinFiveDays(String start) throws ScenarioException {
        // Five wall minutes at run's default 1440×.
        Scenario scenario = Scenarios.builtIn("ng-3.3.1-daily-cycle").withDuration(Duration.ofDays(5));
        List<TimeRemaining> eveningRemaining = new ArrayList<>();
        List<String> warningsWithoutPreAlarm = new ArrayList<>();
        int[] warningSeconds = {0};
        Run run = Run.from(scenario, Instant.parse(start), new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                // The evening loads on: a minute's average of 5 A or more drawn.
                if (bms.socKnown() && bms.measurement().isPresent()
                        && Monitor.averageMilliamps(bms.monitor()) <= -5000) {
                    eveningRemaining.add(bms.timeRemaining());
                }
                if (bms.protection().has(Condition.W_B07)) {
                    warningSeconds[0]++;
                    Outputs outputs = bms.protection().outputs();
                    if (!outputs.preAlarm().isHigh() || !outputs.load().isHigh()
                            || bms.protection().allowedToDischarge() != Allowed.PRE_ALARM) {
                        warningsWithoutPreAlarm.add(at + " " + outputs + " " + bms.protection().allowedToDischarge());
                    }
                }
            }
        });

        String synchronised = "monitor SoC 100.0 %";
        assertThat(run.lines()).containsSubsequence(synchronised, "code W-B07 active", "output PRE_ALARM HIGH",
                "code W-B07 cleared", "output PRE_ALARM FLOATING", synchronised);
        // PROT-09: no SoC rule before the BMS has seen the battery full, however low the battery went.
        assertThat(run.firstAt(Run.is("code W-B07 active"))).isGreaterThan(run.firstAt(Run.is(synchronised)));
        assertThat(eveningRemaining).isNotEmpty().allSatisfy(remaining -> {
            assertThat(remaining.kind()).isEqualTo(TimeRemaining.Kind.FINITE);
            // At 5 A or more, the 90 Ah above the 10 % floor last at most 18 h.
            assertThat(remaining.duration()).isPositive().isLessThanOrEqualTo(Duration.ofHours(18));
        });
        assertThat(warningSeconds[0]).isPositive();
        assertThat(warningsWithoutPreAlarm).isEmpty();
        Event cleared = run.events().stream().filter(Run.is("code W-B07 cleared")).findFirst().orElseThrow();
        assertThat(cleared.cause()).contains("above the low SoC warning level 20 %");
        assertThat(run.lines()).doesNotContain("output ATD FLOATING").filteredOn(line -> line.startsWith("code "))
                .allSatisfy(line -> assertThat(line).startsWith("code W-B07 "));
    }

    @Test
    @DisplayName("SYS-02 §3.3.2: a cell at its high voltage opens Charge disconnect and the Cyrix-Li-ct stops "
            + "charging from the alternator")
    void ng332_cellHighVoltage_cyrixStops() throws ScenarioException {
        List<Double> cyrixAmpsWhileAtcFloating = new ArrayList<>();
        Run run = Run.of(Scenarios.builtIn("ng-3.3.2-cyrix-li-ct"), new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                if (!bms.protection().outputs().charge().isHigh()) {
                    cyrixAmpsWhileAtcFloating.add(ampsOf(system, "alternator"));
                }
            }
        });

        assertThat(run.lines()).containsSubsequence("command alternator on", "state CELL_HIGH_VOLTAGE active",
                "output ATC FLOATING", "output ATC HIGH");
        assertThat(cyrixAmpsWhileAtcFloating).isNotEmpty().allSatisfy(a -> assertThat(a).isZero());
        assertThat(run.system().maxCellVolts()).isLessThan(3.9);
    }

    @Test
    @DisplayName("SYS-02 §3.3.3: the inverter is cut after the pre-alarm on low cell voltage and comes back charged")
    void ng333_inverterCutOnLowCell() throws ScenarioException {
        Run run = Run.of(Scenarios.builtIn("ng-3.3.3-inverter"));

        assertThat(run.lines()).containsSubsequence("output PRE_ALARM HIGH", "code A-B01 active",
                "output ATD FLOATING", "code A-B01 cleared", "output ATD HIGH");
        assertThat(run.lines()).containsSubsequence("command remote off", "output ATD FLOATING", "command remote on");
    }

    @Test
    @DisplayName("PROT-06 a week off-grid with four cloudy days reaches the discharge floor: A-B07 cuts the loads at "
            + "once, and the sun brings them back")
    void cloudyWeek_dischargeFloorThenRecovery() throws ScenarioException {
        Run run = Run.of(Scenarios.builtIn("off-grid-cloudy-week"));

        assertThat(run.lines()).containsSubsequence("command cloudiness 1.00", "code W-B07 active",
                "code A-B07 active", "output ATD FLOATING", "command cloudiness 0.10", "code A-B07 cleared",
                "output ATD HIGH");
        assertThat(run.lines()).doesNotContain("code A-B01 active");
        assertThat(run.system().soc()).isGreaterThan(0.3);
    }

    @Test
    @DisplayName("PROT-01 SYS-02 a cold morning: charging is blocked below 5 °C, the solar charger gives nothing "
            + "while it is, and charging starts once the battery has warmed past 7 °C")
    void coldMorning_chargeBlockedUntilWarm() throws ScenarioException {
        double[] solarWhileBlocked = {0};
        double[] solarAfter = {0};
        Run run = Run.of(Scenarios.builtIn("cold-morning"), new Simulation.Observer() {
            @Override
            public void tick(Instant at, BmsState bms, SimulatedSystem system) {
                double amps = ampsOf(system, "solar");
                if (bms.protection().outputs().charge().isHigh()) {
                    solarAfter[0] = Math.max(solarAfter[0], amps);
                } else {
                    solarWhileBlocked[0] = Math.max(solarWhileBlocked[0], amps);
                }
            }
        });

        assertThat(run.lines().get(1)).isEqualTo("state CHARGE_LOW_TEMPERATURE active");
        assertThat(run.lines()).containsSubsequence("state CHARGE_LOW_TEMPERATURE cleared", "output ATC HIGH");
        assertThat(solarWhileBlocked[0]).isZero();
        assertThat(solarAfter[0]).isGreaterThan(5);
        long warm = run.firstAt(Run.is("output ATC HIGH"));
        assertThat(warm).isBetween(6 * 3600L, 18 * 3600L);
    }

    @Test
    @DisplayName("TOP-06 (revised) a pulled BMS cable warns at once and raises E-B05 after 5 s, both outputs float; "
            + "plugged back, they return 5 s later")
    void pulledCable_eB05BothOffThenBack() throws ScenarioException {
        Run run = Run.of(Scenarios.builtIn("pulled-bms-cable"));

        assertThat(run.lines()).containsSubsequence("fault BMS cable pulled", "code W-B05 active",
                "code E-B05 active", "output ATC FLOATING", "output ATD FLOATING", "fault BMS cable plugged",
                "code W-B05 cleared", "code E-B05 cleared", "output ATC HIGH", "output ATD HIGH");
        assertThat(run.firstAt(Run.is("code W-B05 active"))).isEqualTo(3600);
        assertThat(run.firstAt(Run.is("code E-B05 active"))).isEqualTo(3605);
        assertThat(run.firstAt(Run.is("code E-B05 cleared"))).isEqualTo(5405);
    }

    @Test
    @DisplayName("SYS-05 SYS-03 after a low cell voltage shutdown a 10 mA residual drain empties a 200 Ah battery's "
            + "reserve in about 8 days; the BatteryProtect's own threshold disconnects too")
    void residualDrain_reserveGoneInAboutEightDays() throws ScenarioException {
        Run run = Run.of(Scenarios.builtIn("residual-drain"));

        long shutdown = run.firstAt(Run.is("output ATD FLOATING"));
        long gone = run.firstAt(Run.is("finding reserve exhausted"));
        assertThat(shutdown).isPositive();
        assertThat(gone).isPositive();
        // The manual's 8 days count 1 Ah per 100 Ah and 10 mA; the model leaves ~1.5 % at 2.8 V, draws it to a cell
        // at 2.5 V, and adds the BMS's 1.2 mA and the cells' self-discharge.
        assertThat((gone - shutdown) / 86_400.0).isBetween(7.0, 10.0);
        assertThat(run.lines()).contains("finding dc-loads disconnected");
    }

    @Test
    @DisplayName("OUT-02 CODE-12 an overloaded pre-alarm output is flagged when it goes high; a shorted Load "
            + "disconnect output reads back low: E-B11 opens both outputs")
    void overloadedOutput_flaggedThenShortIsEB11() throws ScenarioException {
        Run run = Run.of(Scenarios.builtIn("overloaded-output"));

        assertThat(run.lines()).containsSubsequence("output PRE_ALARM HIGH", "finding Pre-alarm overloaded");
        assertThat(run.lines()).containsSubsequence("fault Load disconnect shorted", "code E-B11 active",
                "output ATC FLOATING", "output ATD FLOATING");
        Event overload = run.events().stream().filter(Run.is("finding Pre-alarm overloaded")).findFirst()
                .orElseThrow();
        assertThat(overload.cause()).contains("0.60 A", "0.5 A");
    }

    private static double ampsOf(SimulatedSystem system, String name) {
        for (int i = 0; i < system.placements().size(); i++) {
            if (system.placements().get(i).component().name().equals(name)) {
                return system.componentAmps(i);
            }
        }
        throw new AssertionError("no component " + name);
    }
}
