package org.smallbms.sim.system;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.smallbms.sim.component.Role;

/**
 * The world as its panel shows it, after a tick: the user's switches, the weather, what each component does and
 * each battery's state. The truth of the simulation, not what the BMS reads. Immutable, so another thread reads it
 * whole.
 *
 * @param remoteOn the remote on/off switch
 * @param bmsCableConnected whether the daisy chain is closed (no BMS cable pulled)
 * @param mainSwitchOn the main switch between the battery and the bus bar
 * @param cloudiness 0 (clear) .. 1 (overcast)
 * @param irradianceWattsPerSquareMetre the sun on the panels
 * @param ambientCelsius the air around the batteries
 * @param bankAmps the bank current, positive charging
 * @param socPercent the bank's true state of charge
 * @param components the devices on the bus bars, loads first
 * @param batteries the batteries, in chain order
 * @param strings how many strings are in parallel
 * @param monitors the battery monitors on the bank's minus (SmartShunt, BMV-712); empty when none
 */
public record WorldView(boolean remoteOn, boolean bmsCableConnected, boolean mainSwitchOn, double cloudiness,
        double irradianceWattsPerSquareMetre, double ambientCelsius, double bankAmps, double socPercent,
        List<ComponentView> components, List<BatteryView> batteries, int strings, List<MonitorView> monitors) {

    public WorldView {
        components = List.copyOf(components);
        batteries = List.copyOf(batteries);
        monitors = List.copyOf(monitors);
    }

    /**
     * A battery monitor as VictronConnect shows it.
     *
     * @param name its name in the scenario
     * @param product the product, for example {@code SmartShunt 500A/50mV}, {@code BMV-712 Smart}
     * @param socPercent its state of charge; empty until set or synchronised
     * @param consumedAmpHours consumed Ah since full, 0 or negative, as VictronConnect shows it
     * @param timeToGoSeconds time to its discharge floor at the present current; empty when not discharging
     * @param volts the bank voltage it measures (NaN before the first step)
     * @param amps the current through its shunt, positive charging
     * @param hasRelay whether its relay is in use (a BMV-712 with a SoC relay)
     * @param relayClosed whether the relay contact is closed (true for one without a relay)
     */
    public record MonitorView(String name, String product, OptionalDouble socPercent, double consumedAmpHours,
            OptionalLong timeToGoSeconds, double volts, double amps, boolean hasRelay, boolean relayClosed) {
        public MonitorView {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(socPercent, "socPercent");
            Objects.requireNonNull(timeToGoSeconds, "timeToGoSeconds");
        }
    }

    /**
     * One device on the bus bars.
     *
     * @param name its name in the scenario
     * @param product the product
     * @param role what it does to the battery
     * @param on its own switch (mains present, a load switched on)
     * @param amps its current in the last step, positive charging
     * @param powerWatts the power a load is set to, when its demand is one figure all day; empty otherwise
     * @param demandSettable whether a power can be set for it (a load)
     */
    public record ComponentView(String name, String product, Role role, boolean on, double amps,
            OptionalDouble powerWatts, boolean demandSettable) {
        public ComponentView {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(powerWatts, "powerWatts");
        }
    }

    /**
     * One battery.
     *
     * @param index its place on the chain, from 1
     * @param serial its serial number
     * @param answering whether it answers on the chain
     * @param sensorFailed whether its temperature sensor is open
     * @param socPercent its true state of charge
     */
    public record BatteryView(int index, String serial, boolean answering, boolean sensorFailed, double socPercent) {
        public BatteryView {
            Objects.requireNonNull(serial, "serial");
        }
    }
}
