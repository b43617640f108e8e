package org.smallbms.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.event.Event;
import org.smallbms.sim.check.SystemCheck;
import org.smallbms.sim.system.Run;
import org.smallbms.sim.system.SimulatedSystem;
import org.smallbms.sim.system.Simulation;
import org.smallbms.sim.system.WorldView;

/** The classic manual's system examples (§3.3.1–3.3.3) as shipped scenarios work as it describes them (SYS-02). */
class ClassicScenariosTest {

    /** What a device drew while an output floated, by tick: every value must be zero. */
    private static final class WhileFloating implements Simulation.Observer {
        private final String load;
        private final String charger;
        final List<Double> loadAmps = new ArrayList<>();
        final List<Double> chargerAmps = new ArrayList<>();

        WhileFloating(String load, String charger) {
            this.load = load;
            this.charger = charger;
        }

        @Override
        public void tick(Instant at, BmsState bms, SimulatedSystem system) {
            if (!bms.protection().outputs().load().isHigh()) {
                loadAmps.add(ampsOf(system, load));
            }
            if (!bms.protection().outputs().charge().isHigh()) {
                chargerAmps.add(ampsOf(system, charger));
            }
        }
    }

    @Test
    @DisplayName("SYS-02 CLS-02 CLS-03 classic §3.3.1: the battery's pre-alarm raises the pre-alarm output, its low "
            + "cell voltage at least 30 s later cuts the BatteryProtect's loads; the remote switch turns loads and "
            + "the solar charger off and on")
    void classic331_lowCellCutsLoads_remoteSwitchTurnsAllOff() throws ScenarioException {
        WhileFloating watch = new WhileFloating("dc-loads", "solar");
        Run run = Run.of(Scenarios.builtIn("classic-3.3.1-solar-batteryprotect"), watch);

        assertThat(run.lines()).containsSubsequence("state CELL_PRE_ALARM active", "output PRE_ALARM HIGH",
                "state CELL_UNDERVOLTAGE active", "output ATD FLOATING", "output ATD HIGH");
        assertEveryLowCellDisconnectHasThirtySecondsOfPreAlarm(run);
        assertThat(watch.loadAmps).isNotEmpty().allSatisfy(a -> assertThat(a).isZero());
        assertThat(run.lines()).containsSubsequence("command remote off", "output ATC FLOATING",
                "output ATD FLOATING", "command remote on", "output ATC HIGH", "output ATD HIGH");
        assertThat(watch.chargerAmps).isNotEmpty().allSatisfy(a -> assertThat(a).isZero());
        assertClassicOnly(run);
    }

    @Test
    @DisplayName("SYS-02 CLS-02 classic §3.3.2: a cell at its high voltage, signalled by the battery, floats Charge "
            + "disconnect and the Cyrix-Li-ct stops charging from the alternator; the remote switch turns loads and "
            + "charger off")
    void classic332_cellHighVoltage_cyrixStops() throws ScenarioException {
        WhileFloating watch = new WhileFloating("dc-loads", "alternator");
        Run run = Run.of(Scenarios.builtIn("classic-3.3.2-cyrix-li-ct"), watch);

        assertThat(run.lines()).containsSubsequence("command alternator on", "state CELL_HIGH_VOLTAGE active",
                "output ATC FLOATING", "output ATC HIGH");
        assertThat(watch.chargerAmps).isNotEmpty().allSatisfy(a -> assertThat(a).isZero());
        assertThat(run.system().maxCellVolts()).isLessThan(3.9);
        assertThat(run.lines()).containsSubsequence("command remote off", "output ATC FLOATING",
                "output ATD FLOATING", "command remote on", "output ATC HIGH", "output ATD HIGH");
        assertThat(watch.loadAmps).isNotEmpty().allSatisfy(a -> assertThat(a).isZero());
        assertClassicOnly(run);
    }

    @Test
    @DisplayName("SYS-02 CLS-03 classic §3.3.3: the Phoenix inverter is cut at least 30 s after the pre-alarm on low "
            + "cell voltage and comes back once the sun has charged the battery; the remote switch turns inverter "
            + "and solar charger off")
    void classic333_inverterCutOnLowCell() throws ScenarioException {
        WhileFloating watch = new WhileFloating("inverter", "solar");
        Run run = Run.of(Scenarios.builtIn("classic-3.3.3-inverter"), watch);

        assertThat(run.lines()).containsSubsequence("output PRE_ALARM HIGH", "state CELL_UNDERVOLTAGE active",
                "output ATD FLOATING", "state CELL_UNDERVOLTAGE cleared", "output ATD HIGH");
        assertEveryLowCellDisconnectHasThirtySecondsOfPreAlarm(run);
        assertThat(watch.loadAmps).isNotEmpty().allSatisfy(a -> assertThat(a).isZero());
        assertThat(run.lines()).containsSubsequence("command remote off", "output ATC FLOATING",
                "output ATD FLOATING", "command remote on");
        assertThat(watch.chargerAmps).isNotEmpty().allSatisfy(a -> assertThat(a).isZero());
        assertClassicOnly(run);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"classic-3.3.1-solar-batteryprotect", "classic-3.3.2-cyrix-li-ct",
        "classic-3.3.3-inverter"})
    @DisplayName("SYS-02 CLS-01 each classic system example has the classic smallBMS with Lithium Battery Smart and "
            + "a SmartShunt, passes the check without errors or warnings, and its SmartShunt shows a SoC")
    void classicExamples_passTheCheck_showTheirSmartShunt(String name) throws ScenarioException {
        Scenario scenario = Scenarios.builtIn(name);

        assertThat(scenario.device()).isEqualTo(DeviceProfile.CLASSIC);
        assertThat(scenario.manual()).startsWith("classic §3.3.");
        assertThat(SystemCheck.check(scenario)).allSatisfy(f -> assertThat(f.severity()).as(f.toString())
                .isEqualTo(org.smallbms.sim.check.Finding.Severity.INFO));
        Run run = Run.of(scenario.withDuration(Duration.ofHours(1)));
        WorldView.MonitorView shunt = run.system().view().orElseThrow().monitors().get(0);
        assertThat(shunt.product()).isEqualTo("SmartShunt 500A/50mV");
        assertThat(shunt.socPercent().getAsDouble()).isBetween(0.0, 100.0);
    }

    /** CLS-03: every load disconnect for low cell voltage comes at least 30 s after the pre-alarm went high. */
    private static void assertEveryLowCellDisconnectHasThirtySecondsOfPreAlarm(Run run) {
        Instant preAlarm = null;
        int disconnects = 0;
        for (Event e : run.events()) {
            String line = e.kind().label() + " " + e.name() + " " + e.value();
            if (line.equals("output PRE_ALARM HIGH")) {
                preAlarm = e.at();
            } else if (line.equals("output ATD FLOATING") && e.cause().startsWith("CELL_UNDERVOLTAGE")) {
                assertThat(preAlarm).as("pre-alarm before " + e).isNotNull();
                assertThat(Duration.between(preAlarm, e.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
                disconnects++;
            }
        }
        assertThat(disconnects).isPositive();
    }

    /** CLS-04: the classic raises no NG codes and has no SoC of its own. */
    private static void assertClassicOnly(Run run) {
        assertThat(run.lines()).noneMatch(line -> line.startsWith("code "))
                .noneMatch(line -> line.startsWith("monitor SoC"));
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
