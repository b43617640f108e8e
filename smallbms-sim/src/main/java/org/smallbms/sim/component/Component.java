package org.smallbms.sim.component;

import java.util.Objects;
import java.util.Optional;

/**
 * A device on the bus bars: what it is, how its on/off input behaves, and the current it gives each step.
 *
 * <p>A mutable physics body: the owner's own switch on the device (shore power present, engine running, a load
 * switched on) and, in subclasses, a charger's phase or a latch. One owner steps it.
 */
public abstract class Component {

    private final String name;
    private final String product;
    private final Role role;
    private final ControlInput input;
    private final double inputAmps;
    private boolean switchedOn = true;

    /**
     * @param name the name in the scenario, unique in a system
     * @param product the product, as the manual names it
     * @param role what it does to the battery
     * @param input its on/off input
     * @param inputAmps the current its input takes from an output driving it high
     */
    protected Component(String name, String product, Role role, ControlInput input, double inputAmps) {
        this.name = Objects.requireNonNull(name, "name");
        this.product = Objects.requireNonNull(product, "product");
        this.role = Objects.requireNonNull(role, "role");
        this.input = Objects.requireNonNull(input, "input");
        if (!(inputAmps >= 0)) {
            throw new IllegalArgumentException("inputAmps = " + inputAmps + " must be 0 or more");
        }
        this.inputAmps = inputAmps;
    }

    /**
     * The current into the battery over the next step (negative for a load), given whether its control lets it run
     * and the net current of the devices already counted this step.
     */
    public abstract double amps(Bus bus, boolean enabled, double othersAmps);

    /** The most it delivers (charger) or draws (load) continuously at {@code volts}, as a positive number. */
    public abstract double continuousAmps(double volts);

    /** The most it delivers or draws for up to 10 s at {@code volts}, as a positive number. */
    public double pulseAmps(double volts) {
        return continuousAmps(volts);
    }

    /** Whether its input is a coil (OUT-04: not for the Charge disconnect output). */
    public boolean inductiveInput() {
        return false;
    }

    /** What it draws now, for a device with a demand of its own (a load); empty for the others. */
    public Optional<Demand> currentDemand() {
        return Optional.empty();
    }

    /** Replaces what a load draws; devices that draw nothing of their own refuse. */
    public void setDemand(Demand demand) {
        throw new IllegalArgumentException(name + " (" + product + ") has no demand to set");
    }

    public final String name() {
        return name;
    }

    public final String product() {
        return product;
    }

    public final Role role() {
        return role;
    }

    public final ControlInput input() {
        return input;
    }

    public final double inputAmps() {
        return inputAmps;
    }

    /** The owner's own switch on the device: shore power present, engine running, a load switched on. */
    public final void switchOn(boolean on) {
        switchedOn = on;
    }

    public final boolean switchedOn() {
        return switchedOn;
    }
}
