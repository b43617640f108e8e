package org.smallbms.sim.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;
import org.smallbms.sim.component.BmsOutput;
import org.smallbms.sim.component.Bus;
import org.smallbms.sim.component.Component;
import org.smallbms.sim.component.Demand;
import org.smallbms.sim.component.Draw;
import org.smallbms.sim.component.Role;

/**
 * The components on the bus bars, each wired to a BMS output or to none, and the main switch between the battery and
 * the bus bar: what each one draws or gives in a step, given what its control input sees.
 *
 * <p>Mutable: the components' currents of the last step, and the switches the schedule turns. One owner, the system.
 */
final class Components {

    private final List<Placement> placements;
    private final Journal journal;
    private final double[] amps;
    /** What the control inputs wired to each output draw from it, by the output's ordinal (OUT-02). */
    private final double[] controlAmps = new double[BmsOutput.values().length];
    private boolean mainSwitchOn = true;

    Components(List<Placement> placements, Journal journal) {
        // Loads first, chargers last: a charger that holds a voltage needs the net current of everything else.
        List<Placement> ordered = new ArrayList<>(placements);
        ordered.sort(Comparator.comparing(p -> p.component().role() == Role.CHARGER));
        this.placements = List.copyOf(ordered);
        this.journal = journal;
        amps = new double[this.placements.size()];
        for (Placement placement : this.placements) {
            controlAmps[placement.wiring().output().ordinal()] += placement.controlAmps();
        }
        controlAmps[BmsOutput.NONE.ordinal()] = 0;
    }

    /**
     * Each component's current in the step, loads first, at the battery's {@code volts} (and 0 V on the bus bar
     * while the main switch is open), with the BMS's {@code outputs}.
     *
     * @return their sum, positive charging
     */
    double step(int secondOfDay, double seconds, double volts, double ocv, double ohms, double irradiance,
            Outputs outputs) {
        Bus batterySide = new Bus(secondOfDay, seconds, volts, ocv, ohms, irradiance, journal.sink());
        Bus busBar = mainSwitchOn ? batterySide
                : new Bus(secondOfDay, seconds, 0, ocv, ohms, irradiance, journal.sink());
        double total = 0;
        for (int i = 0; i < amps.length; i++) {
            Placement placement = placements.get(i);
            Component component = placement.component();
            boolean enabled = placement.wiring().enables(outputs, component.input());
            double a = component.amps(placement.beforeMainSwitch() ? batterySide : busBar, enabled, total);
            amps[i] = a;
            total += a;
        }
        return total;
    }

    /** What the control inputs wired to {@code output} draw from it while it is high. */
    double controlAmps(BmsOutput output) {
        return controlAmps[output.ordinal()];
    }

    List<Placement> placements() {
        return placements;
    }

    /** Component {@code index}'s current in the last step, positive charging. */
    double amps(int index) {
        return amps[index];
    }

    /** Every component's current in the last step, by index: the live array, read by the ledger, never written. */
    double[] amps() {
        return amps;
    }

    boolean mainSwitchOn() {
        return mainSwitchOn;
    }

    void setMainSwitch(boolean on) {
        mainSwitchOn = on;
        journal.record(Event.Kind.COMMAND, "main switch", on ? "on" : "off", on
                ? "the bus bar is connected to the battery" : "the bus bar is isolated from the battery");
    }

    void switchDevice(String name, boolean on) {
        component(name).switchOn(on);
        journal.record(Event.Kind.COMMAND, name, on ? "on" : "off", "its own switch (mains, engine, load switch)");
    }

    void setDemand(String name, Demand demand) {
        component(name).setDemand(demand);
        journal.record(Event.Kind.COMMAND, name, "demand", "now " + demand.draws());
    }

    private Component component(String name) {
        for (Placement placement : placements) {
            if (placement.component().name().equals(name)) {
                return placement.component();
            }
        }
        throw new IllegalStateException("no component named " + name);
    }

    /** The components as a front end shows them. */
    List<WorldView.ComponentView> views() {
        List<WorldView.ComponentView> views = new ArrayList<>(placements.size());
        for (int i = 0; i < placements.size(); i++) {
            Component c = placements.get(i).component();
            Optional<Demand> demand = c.currentDemand();
            views.add(new WorldView.ComponentView(c.name(), c.product(), c.role(), c.switchedOn(), amps[i],
                    demand.map(Components::steadyWatts).orElse(OptionalDouble.empty()), demand.isPresent()));
        }
        return views;
    }

    /** The power of a demand that is one power all day, as a load set from the panel is; empty for any other. */
    private static OptionalDouble steadyWatts(Demand demand) {
        if (demand.draws().size() == 1 && demand.draws().get(0).kind() == Draw.Kind.WATTS
                && demand.draws().get(0).hours().isEmpty()) {
            return OptionalDouble.of(demand.draws().get(0).value());
        }
        return OptionalDouble.empty();
    }
}
