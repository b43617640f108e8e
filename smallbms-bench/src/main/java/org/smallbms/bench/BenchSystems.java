package org.smallbms.bench;

import java.time.Duration;
import org.smallbms.sim.scenario.Scenario;
import org.smallbms.sim.scenario.ScenarioException;
import org.smallbms.sim.scenario.Scenarios;

/** The systems the simulation benchmarks run, by name. */
final class BenchSystems {

    /**
     * {@code ng331}: the shipped §3.3.1 example. {@code bank50}: the same kind of system on 50 batteries (TOP-03's
     * largest bank), its 60 kW of solar and 300 A (600 A in the evening) of loads shared by devices within a
     * scenario's ratings.
     */
    static final String NG_331 = "ng331";
    static final String BANK_50 = "bank50";

    private static final String BANK_50_SCENARIO = """
            name: bank50
            duration: 365d
            site: {latitude: 45, cloudiness: 0.3}
            bms: {remote: wire-loop}
            batteries: {model: ng-25v6-200ah, series: 1, parallel: 50, soc: 50}
            components:
              - {name: solar-1, type: solar-charger, input: remote-h, panelWatts: 30000, maxAmps: 1000,
                 control: {output: charge-disconnect}}
              - {name: solar-2, type: solar-charger, input: remote-h, panelWatts: 30000, maxAmps: 1000,
                 control: {output: charge-disconnect}}
              - {name: loads-1, type: battery-protect, ratedAmps: 1000, demand: [{amps: 100},
                 {amps: 200, hours: ["18:00-23:00"]}], control: {output: load-disconnect}}
              - {name: loads-2, type: battery-protect, ratedAmps: 1000, demand: [{amps: 100},
                 {amps: 200, hours: ["18:00-23:00"]}], control: {output: load-disconnect}}
              - {name: loads-3, type: battery-protect, ratedAmps: 1000, demand: [{amps: 100},
                 {amps: 200, hours: ["18:00-23:00"]}], control: {output: load-disconnect}}
            """;

    private BenchSystems() {
    }

    /** The system named {@code name}, to run for {@code days}. */
    static Scenario scenario(String name, int days) throws ScenarioException {
        return switch (name) {
            case NG_331 -> Scenarios.builtIn("ng-3.3.1-solar-batteryprotect").withDuration(Duration.ofDays(days));
            case BANK_50 -> Scenarios.parse(BANK_50_SCENARIO, "bank50").withDuration(Duration.ofDays(days));
            default -> throw new IllegalArgumentException("system = '" + name + "': the systems are " + NG_331
                    + " and " + BANK_50);
        };
    }
}
