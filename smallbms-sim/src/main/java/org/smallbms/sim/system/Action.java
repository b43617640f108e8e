package org.smallbms.sim.system;

import java.time.Duration;
import java.util.Objects;
import org.smallbms.core.bms.Command;
import org.smallbms.sim.component.BmsOutput;
import org.smallbms.sim.component.Demand;

/** Something that happens to a simulated system at a moment of its schedule: a user's act, the weather, a fault. */
public sealed interface Action {

    /** Does it to the system; each action names the one thing it changes, so a new action needs its own. */
    void applyTo(SimulatedSystem system);

    /**
     * An action at a moment.
     *
     * @param at the time since the start
     * @param action what happens
     */
    record Timed(Duration at, Action action) {
        public Timed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(action, "action");
            if (at.isNegative()) {
                throw new IllegalArgumentException("at = " + at + " is before the start");
            }
        }
    }

    /** The remote on/off switch (or the wire loop) on or off. */
    record Remote(boolean on) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.unit.setRemote(on);
        }
    }

    /** The main switch between the battery and the positive bus bar. */
    record MainSwitch(boolean on) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.components.setMainSwitch(on);
        }
    }

    /** The daily mean of the ambient temperature. */
    record AmbientMean(double celsius) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.weather.setAmbientMean(celsius);
        }
    }

    /** The cloudiness from now on, 0 (clear) .. 1 (overcast). */
    record Cloudiness(double value) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.weather.setCloudiness(value);
        }
    }

    /** A device's own switch: mains present, engine running, a load switched on. */
    record SwitchDevice(String component, boolean on) implements Action {
        public SwitchDevice {
            Objects.requireNonNull(component, "component");
        }

        @Override
        public void applyTo(SimulatedSystem system) {
            system.components.switchDevice(component, on);
        }
    }

    /** A load's demand from now on. */
    record SetDemand(String component, Demand demand) implements Action {
        public SetDemand {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(demand, "demand");
        }

        @Override
        public void applyTo(SimulatedSystem system) {
            system.components.setDemand(component, demand);
        }
    }

    /** A BMS cable pulled (the daisy chain open: E-B05) or plugged back. */
    record BmsCable(boolean connected) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.chain.setBmsCable(connected);
        }
    }

    /** Battery number {@code battery} (1-based, chain order) stops or starts answering on the chain. */
    record BatteryAnswers(int battery, boolean answers) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.chain.setBatteryAnswers(battery, answers);
        }
    }

    /** The last parallel string taken off the bus bars (TOP-09), or one more string like the others added. */
    record BatteryString(boolean add) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.changeStrings(add);
        }
    }

    /** Battery number {@code battery}'s temperature sensor open (reads end of scale, cold) or repaired. */
    record SensorFailure(int battery, boolean failed) implements Action {
        @Override
        public void applyTo(SimulatedSystem system) {
            system.chain.setSensorFailure(battery, failed);
        }
    }

    /** A BMS output shorted to minus (reads back low: E-B11) or the short removed. */
    record ShortOutput(BmsOutput output, boolean shorted) implements Action {
        public ShortOutput {
            Objects.requireNonNull(output, "output");
        }

        @Override
        public void applyTo(SimulatedSystem system) {
            system.unit.setShort(output, shorted);
        }
    }

    /** A command to the BMS, which the simulation driver hands to {@code Bms.handle}. */
    record BmsCommand(Command command) implements Action {
        public BmsCommand {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public void applyTo(SimulatedSystem system) {
            system.journal.command(command);
        }
    }
}
