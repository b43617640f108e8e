package org.smallbms.sim.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.protection.Outputs;
import org.smallbms.sim.component.Role;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The core's safety invariants on the simulated truth, over 30 days of a §3.3.1-like system with a seeded random
 * schedule (loads, weather, ambient, remote switch).
 *
 * <p>The runs step 5 s, not 1 s: a 30-day run at 1 s takes several seconds on the shared two-core machine and the
 * suite must stay within minutes. Every timer these invariants involve (the 30 s pre-alarm lead, the BatteryProtect's
 * 90 s) is a multiple of 5 s, so the coarser step loses nothing they check.
 */
class ClosedLoopPropertyTest {

    private static final double EMERGENCY_CELL_VOLTS = 2.5;
    private static final long PRE_ALARM_LEAD_SECONDS = 30;

    @Property(tries = 4, seed = "20260601")
    @Label("PROT-05 REM-02 OUT-03 30 days of random schedules: ATD never stays high for more than the pre-alarm lead "
            + "with a cell below 2.5 V; remote off floats every output; chargers stop while ATC floats; every joule "
            + "is accounted for")
    void thirtyDays_randomSchedule_invariantsHold(
            @ForAll @DoubleRange(min = 0, max = 25) double eveningAmps,
            @ForAll @DoubleRange(min = 0.2, max = 4) double baseAmps,
            @ForAll @DoubleRange(min = 60, max = 400) double panelWatts,
            @ForAll @DoubleRange(min = 5, max = 95) double soc,
            @ForAll @Size(min = 3, max = 12) List<@IntRange(min = 1, max = 719) Integer> hours,
            @ForAll @IntRange(min = 1, max = 1_000_000) int seed) throws ScenarioException {
        var scenario = Scenarios.parse(yaml(eveningAmps, baseAmps, panelWatts, soc, hours, seed), "random");
        SimulatedSystem system = scenario.newWorld(seed);
        double storedBefore = system.bank().storedJoules();
        long[] lowCellWithAtd = {0};
        long[] worst = {0};
        int[] violations = new int[3];
        double seconds = scenario.step().toNanos() / 1e9;
        // Energy at the bus bars as the test sees it, tick by tick: the bus voltage times what each component and
        // the BMS put on it, from the system's public readings rather than its own books.
        double[] busJoules = {0};
        double[] grossJoules = {0};
        Simulation.run(system, scenario.newBms(), scenario.start(), scenario.duration(), scenario.step(),
                new Simulation.Observer() {
                    @Override
                    public void tick(Instant at, BmsState bms, SimulatedSystem world) {
                        Outputs outputs = bms.protection().outputs();
                        if (outputs.load().isHigh() && world.minCellVolts() < EMERGENCY_CELL_VOLTS) {
                            lowCellWithAtd[0] += 5;
                            worst[0] = Math.max(worst[0], lowCellWithAtd[0]);
                        } else {
                            lowCellWithAtd[0] = 0;
                        }
                        if (!world.remoteOn() && !outputs.equals(Outputs.ALL_FLOATING)) {
                            violations[0]++;
                        }
                        for (int i = 0; i < world.placements().size(); i++) {
                            boolean charger = world.placements().get(i).component().role() == Role.CHARGER;
                            if (charger && !outputs.charge().isHigh() && world.componentAmps(i) != 0) {
                                violations[1]++;
                            }
                        }
                        double busAmps = -world.bmsAmps();
                        for (int i = 0; i < world.placements().size(); i++) {
                            busAmps += world.componentAmps(i);
                            busJoules[0] += world.bank().stepVolts() * world.componentAmps(i) * seconds;
                        }
                        busJoules[0] -= world.bank().stepVolts() * world.bmsAmps() * seconds;
                        grossJoules[0] += Math.abs(world.bank().stepVolts() * busAmps * seconds);
                        if (Math.abs(world.bank().amps() - busAmps) > 1e-9 * (1 + Math.abs(busAmps))) {
                            violations[2]++;
                        }
                    }
                });

        assertThat(worst[0]).isLessThanOrEqualTo(PRE_ALARM_LEAD_SECONDS);
        assertThat(violations[0]).as("ticks with the remote off and an output high").isZero();
        assertThat(violations[1]).as("ticks with ATC floating and a charger charging").isZero();
        assertThat(violations[2]).as("ticks where the bank's current is not the components' less the BMS's")
                .isZero();
        double terminal = system.bank().terminalJoules();
        assertThat(busJoules[0]).isCloseTo(terminal, within(1e-8 * grossJoules[0] + 1e-3));
        double stored = system.bank().storedJoules() - storedBefore;
        double heat = system.bank().heatJoules();
        assertThat(Math.abs(terminal - stored - heat)).isLessThan(0.02 * heat + 0.001 * Math.abs(terminal) + 1000);
    }

    static String yaml(double eveningAmps, double baseAmps, double panelWatts, double soc,
            List<Integer> hours, int seed) {
        StringBuilder schedule = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        boolean remote = true;
        for (int hour : hours.stream().sorted().distinct().toList()) {
            String at = (hour / 24) + "d" + (hour % 24) + "h";
            switch (random.nextInt(4)) {
                case 0 -> {
                    remote = !remote;
                    schedule.append("  - {at: ").append(at).append(", remote: ").append(remote).append("}\n");
                }
                case 1 -> schedule.append(String.format(Locale.ROOT, "  - {at: %s, cloudiness: %.2f}%n", at,
                        random.nextDouble()));
                case 2 -> schedule.append(String.format(Locale.ROOT, "  - {at: %s, ambient: %.1f}%n", at,
                        random.nextDouble(0, 35)));
                default -> schedule.append(String.format(Locale.ROOT, "  - {at: %s, demand: {component: loads, "
                        + "draws: [{amps: %.2f}]}}%n", at, random.nextDouble(0.1, 30)));
            }
        }
        return String.format(Locale.ROOT, """
                name: random
                duration: 30d
                step: 5s
                seed: %d
                site: {latitude: 50, cloudiness: 0.4}
                ambient: {celsius: 18, dailySwing: 8}
                bms: {remote: switch-h-to-plus, socKnown: false}
                batteries: {model: ng-12v8-100ah, soc: %.1f}
                components:
                  - {name: solar, type: solar-charger, panelWatts: %.0f, maxAmps: 20,
                     control: {output: charge-disconnect, link: ve-direct-non-inverting-cable}}
                  - {name: loads, type: battery-protect, demand: [{amps: %.2f}, {amps: %.2f, hours: ["18:00-23:00"]}],
                     control: {output: load-disconnect}}
                  - {name: drain, type: residual-load, demand: [{amps: 0.02}]}
                schedule:
                %s""", seed, soc, panelWatts, baseAmps, eveningAmps, schedule.length() == 0 ? "  []\n"
                : schedule.toString());
    }
}
