package org.smallbms.sim.system;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.bms.DeviceProfile;
import org.smallbms.core.event.Event;
import org.smallbms.core.protection.Outputs;
import org.smallbms.core.remote.Remote;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.core.text.Figures;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.component.BmsOutput;

/**
 * The smallBMS as the wiring sees it: three outputs that source what is wired to them (OUT-02) and read back what
 * they drive, a remote terminal with a switch (and maybe a BMV's relay contact) on it, and its own draw from the
 * battery (OUT-03), from the device's figures.
 *
 * <p>Mutable: the outputs last driven, the remote switch, shorts. One owner, the system.
 */
final class BmsUnit {

    /** A cell this close above the low cell voltage, with the load output open, means a low cell shutdown. */
    static final double LOW_CELL_MARGIN_VOLTS = 0.05;
    private static final List<BmsOutput> OUTPUTS = List.of(BmsOutput.CHARGE_DISCONNECT, BmsOutput.LOAD_DISCONNECT,
            BmsOutput.PRE_ALARM);

    private final double remoteOnAmps;
    private final double lowCellAmps;
    private final double remoteOffAmps;
    /** OUT-02: each output's rating, and whether a short only limits its current, by ordinal. */
    private final double[] ratingAmps = new double[BmsOutput.values().length];
    private final boolean[] limits = new boolean[BmsOutput.values().length];
    private final BatteryBank bank;
    /** What is wired to each output, and what its control inputs draw from it. */
    private final Components components;
    private final RemoteWiring remoteWiring;
    private final Monitors monitors;
    private final Journal journal;
    private final EnumSet<BmsOutput> shorted = EnumSet.noneOf(BmsOutput.class);
    private final EnumSet<BmsOutput> overloadReported = EnumSet.noneOf(BmsOutput.class);
    private Outputs outputs = Outputs.ALL_FLOATING;
    private boolean remoteOn = true;
    /** The remote terminal of the last Vbat and switch position: one remote terminal, not one per tick. */
    private RemoteTerminal terminal;
    private boolean terminalOn;
    private int terminalMillivolts;

    BmsUnit(DeviceProfile device, BatteryBank bank, Components components, RemoteWiring remoteWiring,
            Monitors monitors, Journal journal) {
        DeviceProfile.Consumption consumption = device.consumption();
        remoteOnAmps = consumption.remoteOnMicroamps() / 1e6;
        lowCellAmps = consumption.lowCellMicroamps() / 1e6;
        remoteOffAmps = consumption.remoteOffMicroamps() / 1e6;
        for (BmsOutput output : BmsOutput.values()) {
            ratingAmps[output.ordinal()] = output.ratingAmps(device);
            limits[output.ordinal()] = output.rating(device).shortCircuitProtected();
        }
        this.bank = bank;
        this.components = components;
        this.remoteWiring = remoteWiring;
        this.monitors = monitors;
        this.journal = journal;
    }

    /** The remote terminal at this battery voltage. */
    RemoteTerminal remoteTerminal(int vbatMillivolts) {
        // With a BMV relay on the terminal, the switch and the relay's contact are in series.
        boolean on = remoteOn && monitors.relayLetsRemoteThrough();
        if (terminal == null || terminalOn != on || terminalMillivolts != vbatMillivolts) {
            terminal = remoteWiring.terminal(on, vbatMillivolts);
            terminalOn = on;
            terminalMillivolts = vbatMillivolts;
        }
        return terminal;
    }

    /** The outputs as the BMS reads them back: high where driven high and not shorted to minus. */
    OutputReadback readback() {
        return OutputReadback.of(readsHigh(BmsOutput.CHARGE_DISCONNECT), readsHigh(BmsOutput.LOAD_DISCONNECT),
                readsHigh(BmsOutput.PRE_ALARM));
    }

    private boolean readsHigh(BmsOutput output) {
        return output.levelIn(outputs).isHigh() && !shorted.contains(output);
    }

    /**
     * The BMS drives {@code newOutputs}; an output that sources more than its rating is a finding, once.
     *
     * @return whether the load output opened
     */
    boolean drive(Outputs newOutputs) {
        boolean loadOpened = outputs.load().isHigh() && !newOutputs.load().isHigh();
        outputs = newOutputs;
        for (int i = 0; i < OUTPUTS.size(); i++) {
            BmsOutput output = OUTPUTS.get(i);
            double amps = components.controlAmps(output);
            double rating = ratingAmps[output.ordinal()];
            if (output.levelIn(outputs).isHigh() && amps > rating && overloadReported.add(output)) {
                journal.record(Event.Kind.FINDING, output.label(), "overloaded", overload(output, amps, rating));
            }
        }
        return loadOpened;
    }

    /**
     * OUT-02: what an overload does. An output that is not short-circuit protected sources what is asked and is at
     * risk; one that is (the classic's Charge disconnect) limits its current to its rating instead: it is not
     * damaged, but the devices get less than they need. <em>Decision:</em> the simulation limits the current it
     * draws from the bank and leaves the devices' inputs as they were; whether a starved input still switches on
     * depends on the device, which the manual does not say.
     */
    private String overload(BmsOutput output, double amps, double rating) {
        if (!limits[output.ordinal()]) {
            return "the devices on the " + output.label() + " output take " + Figures.amps(amps, 2)
                    + ", more than its " + Figures.amps(rating, 1) + " rating (OUT-02); it is not short-circuit "
                    + "protected";
        }
        String milliamps = Figures.number(rating * 1000, 0) + " mA";
        return "the devices on the " + output.label() + " output would take " + Figures.amps(amps, 3)
                + ", more than its " + milliamps + " rating (OUT-02); it is short-circuit protected, so it limits its "
                + "current to " + milliamps + " rather than being damaged, and what it drives gets less than it "
                + "needs and may not switch on";
    }

    /**
     * What the BMS takes from the battery in a step at {@code volts}: its own draw (OUT-03) and what its high
     * outputs source (OUT-02), an output that limits its current at most its rating.
     */
    double amps(double volts) {
        return ownAmps(volts) + outputAmps();
    }

    private double ownAmps(double volts) {
        if (volts < SimulatedSystem.BMS_MIN_VOLTS) {
            return 0;
        }
        int millivolts = (int) Math.round(volts * 1000);
        boolean lowCell = !outputs.load().isHigh()
                && bank.minCellVolts() < SimulatedSystem.LOW_CELL_VOLTS + LOW_CELL_MARGIN_VOLTS;
        if (!Remote.isOn(remoteTerminal(millivolts), millivolts)) {
            return remoteOffAmps;
        }
        return lowCell ? lowCellAmps : remoteOnAmps;
    }

    private double outputAmps() {
        double sum = 0;
        for (int i = 0; i < OUTPUTS.size(); i++) {
            BmsOutput output = OUTPUTS.get(i);
            if (output.levelIn(outputs).isHigh()) {
                int o = output.ordinal();
                double amps = components.controlAmps(output);
                sum += limits[o] ? Math.min(amps, ratingAmps[o]) : amps;
            }
        }
        return sum;
    }

    Outputs outputs() {
        return outputs;
    }

    boolean remoteOn() {
        return remoteOn;
    }

    void setRemote(boolean on) {
        remoteOn = on;
        journal.record(Event.Kind.COMMAND, "remote", on ? "on" : "off", "remote on/off switch ("
                + remoteWiring.name().toLowerCase(Locale.ROOT).replace('_', '-') + ") turned " + (on ? "on" : "off"));
    }

    void setShort(BmsOutput output, boolean isShorted) {
        if (isShorted) {
            shorted.add(output);
        } else {
            shorted.remove(output);
        }
        journal.record(Event.Kind.FAULT, output.label(), isShorted ? "shorted" : "short removed", isShorted
                ? "the output is shorted to minus: it reads back low while driven high (E-B11)"
                : "the output is free of the short");
    }
}
