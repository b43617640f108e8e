package org.smallbms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.system.Simulation;
import org.smallbms.sim.system.SimulatedSystem;

/** The systems the benchmarks time are systems a scenario file may describe, and they run. */
class BenchSystemsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {BenchSystems.NG_331, BenchSystems.BANK_50})
    @DisplayName("TOP-03 each benchmark system loads as a scenario and runs a simulated day with its bank charged and "
            + "discharged")
    void scenario_loadsAndRunsADay(String name) throws Exception {
        Scenario scenario = BenchSystems.scenario(name, 1);
        SimulatedSystem system = scenario.newWorld(scenario.seed());
        Simulation.run(system, scenario.newBms(), scenario.start(), scenario.duration(), scenario.step(),
                new Simulation.Observer() {
                });
        assertThat(scenario.duration()).isEqualTo(Duration.ofDays(1));
        assertThat(system.bank().batteries()).hasSize(name.equals(BenchSystems.BANK_50) ? 50 : 1);
        assertThat(system.chargedJoules()).as("the sun charged the bank").isPositive();
        assertThat(system.dischargedJoules()).as("the loads drew from the bank").isPositive();
    }
}
