package org.smallbms.sim.monitor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A SmartShunt or a BMV-712 Smart on the bank's minus: every amp in or out of the bank passes its shunt.
 *
 * <p>State of charge by coulomb counting: charge counted at {@link Settings#chargeEfficiency()}, discharge whole.
 * Synchronised to 100 % once the voltage has been at or above the charged voltage and the current at or below the
 * tail current for the charged detection time, without a break (the BMV/SmartShunt manuals' "charged parameters");
 * once a charge. Time to go: to the discharge floor at the present discharge current. The BMV-712's relay in its SoC
 * mode opens when the SoC falls below its set level and closes again at its clear level.
 *
 * <p><b>A mutable physics body</b> with one owner, the system that steps it. Not thread-safe.
 */
public final class ShuntMonitor {

    /** The time to go shows at most this, as VictronConnect does. */
    public static final Duration MAX_TIME_TO_GO = Duration.ofHours(240);
    /** A discharge below this counts as none for the time to go (the monitors' "current threshold"). */
    public static final double CURRENT_THRESHOLD_AMPS = 0.1;
    /**
     * <em>Decision:</em> the monitor's own draw, from the battery side of its shunt (so it does not count it). The
     * SmartShunt and BMV-712 datasheets give "&lt; 1 mA"; the simulation takes the 1 mA bound: it adds to a residual
     * drain after a low cell voltage shutdown.
     */
    public static final double OWN_AMPS = 0.001;

    /** Which product: what VictronConnect calls it, and whether it has a relay. */
    public enum Product {
        SMART_SHUNT("SmartShunt 500A/50mV", false),
        BMV_712("BMV-712 Smart", true);

        private final String label;
        private final boolean relay;

        Product(String label, boolean relay) {
            this.label = label;
            this.relay = relay;
        }

        public String label() {
            return label;
        }

        /** Whether it has a programmable relay (the BMV-712 does, the SmartShunt does not). */
        public boolean hasRelay() {
            return relay;
        }
    }

    /**
     * The battery settings of a monitor, as VictronConnect lists them.
     *
     * @param capacityAmpHours the battery capacity
     * @param chargedVolts the charged voltage: 0.2 V below the charger's absorption voltage
     * @param tailAmps the tail current, the charge current below which the battery is full
     * @param chargedDetection how long both hold before it synchronises
     * @param chargeEfficiency the share of the charge current that is stored (0.5..1)
     * @param dischargeFloorPercent the SoC the time to go counts down to
     */
    public record Settings(double capacityAmpHours, double chargedVolts, double tailAmps, Duration chargedDetection,
            double chargeEfficiency, double dischargeFloorPercent) {
        public Settings {
            if (!(capacityAmpHours > 0 && chargedVolts > 0 && tailAmps > 0 && chargeEfficiency >= 0.5
                    && chargeEfficiency <= 1 && dischargeFloorPercent >= 0 && dischargeFloorPercent < 100)) {
                throw new IllegalArgumentException("monitor settings out of range: " + this);
            }
            Objects.requireNonNull(chargedDetection, "chargedDetection");
        }
    }

    /**
     * The BMV's relay in its SoC mode: it opens below one SoC and closes again at or above a higher one.
     *
     * @param openBelowSocPercent the relay opens when the SoC falls below this
     * @param closeAboveSocPercent it closes again when the SoC reaches this
     */
    public record Relay(double openBelowSocPercent, double closeAboveSocPercent) {
        public Relay {
            if (!(openBelowSocPercent > 0 && openBelowSocPercent < closeAboveSocPercent
                    && closeAboveSocPercent <= 100)) {
                throw new IllegalArgumentException("relay openBelowSoc = " + openBelowSocPercent
                        + " and closeAboveSoc = " + closeAboveSocPercent + " must satisfy 0 < openBelowSoc < "
                        + "closeAboveSoc <= 100: the relay closes again above where it opened");
            }
        }
    }

    /**
     * The monitor's history, as VictronConnect's history tab shows part of it.
     *
     * @param deepestDischargeAmpHours the most consumed Ah seen, as a negative number
     * @param cumulativeAmpHoursDrawn all amp-hours taken from the battery, as a negative number
     * @param minVolts the lowest voltage seen
     * @param maxVolts the highest voltage seen
     * @param synchronisations how often it synchronised to 100 %
     */
    public record History(double deepestDischargeAmpHours, double cumulativeAmpHoursDrawn, double minVolts,
            double maxVolts, int synchronisations) {
    }

    /** What a step changed that is worth an event. */
    public enum Change {
        NONE, SYNCHRONISED, RELAY_OPENED, RELAY_CLOSED
    }

    private final String name;
    private final Product product;
    private final Settings settings;
    private final Relay relay;

    /** Amp-hours below full, 0..capacity; meaningless while the SoC is not known. */
    private double removedAmpHours;
    private boolean socKnown;
    private double volts = Double.NaN;
    private double amps;
    private double chargedSeconds;
    private boolean syncedThisCharge;
    private boolean relayClosed = true;
    private double deepestRemoved;
    private double drawnAmpHours;
    private double minVolts = Double.NaN;
    private double maxVolts = Double.NaN;
    private int synchronisations;

    /**
     * @param name its name in the scenario
     * @param product SmartShunt or BMV-712
     * @param settings its battery settings
     * @param relay the BMV's SoC relay; null for none (a SmartShunt, or a BMV whose relay is not used)
     * @param initialSocPercent the SoC the installer set at the start; empty when not set (unknown until the first
     *     synchronisation)
     */
    public ShuntMonitor(String name, Product product, Settings settings, Relay relay,
            OptionalDouble initialSocPercent) {
        this.name = Objects.requireNonNull(name, "name");
        this.product = Objects.requireNonNull(product, "product");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (relay != null && !product.hasRelay()) {
            throw new IllegalArgumentException(product.label() + " has no relay");
        }
        this.relay = relay;
        if (initialSocPercent.isPresent()) {
            double soc = initialSocPercent.getAsDouble();
            if (!(soc >= 0 && soc <= 100)) {
                throw new IllegalArgumentException("initial SoC = " + soc + " is outside 0..100 %");
            }
            socKnown = true;
            removedAmpHours = settings.capacityAmpHours() * (1 - soc / 100);
            deepestRemoved = removedAmpHours;
            updateRelay();
        }
    }

    /**
     * One step: the bank's voltage and the current through the shunt (positive charging) over {@code seconds}.
     * Returns what changed that is worth an event.
     */
    public Change measure(double bankVolts, double bankAmps, double seconds) {
        volts = bankVolts;
        amps = bankAmps;
        minVolts = Double.isNaN(minVolts) ? bankVolts : Math.min(minVolts, bankVolts);
        maxVolts = Double.isNaN(maxVolts) ? bankVolts : Math.max(maxVolts, bankVolts);
        double ampHours = bankAmps * seconds / 3600;
        if (ampHours < 0) {
            drawnAmpHours -= ampHours;
        }
        double counted = ampHours > 0 ? ampHours * settings.chargeEfficiency() : ampHours;
        removedAmpHours = Math.max(0, Math.min(settings.capacityAmpHours(), removedAmpHours - counted));
        if (socKnown) {
            deepestRemoved = Math.max(deepestRemoved, removedAmpHours);
        }
        boolean charged = bankVolts >= settings.chargedVolts() && bankAmps <= settings.tailAmps();
        chargedSeconds = charged ? chargedSeconds + seconds : 0;
        if (!charged) {
            syncedThisCharge = false;
        }
        Change change = Change.NONE;
        if (charged && !syncedThisCharge && chargedSeconds >= settings.chargedDetection().getSeconds()) {
            removedAmpHours = 0;
            socKnown = true;
            syncedThisCharge = true;
            synchronisations++;
            change = Change.SYNCHRONISED;
        }
        boolean wasClosed = relayClosed;
        updateRelay();
        if (relayClosed != wasClosed) {
            change = relayClosed ? Change.RELAY_CLOSED : Change.RELAY_OPENED;
        }
        return change;
    }

    /** The SoC relay: open below its level, closed again at its clear level; closed while the SoC is unknown. */
    private void updateRelay() {
        if (relay == null || !socKnown) {
            return;
        }
        double soc = soc();
        if (soc < relay.openBelowSocPercent()) {
            relayClosed = false;
        } else if (soc >= relay.closeAboveSocPercent()) {
            relayClosed = true;
        }
    }

    private double soc() {
        return 100 * (1 - removedAmpHours / settings.capacityAmpHours());
    }

    public String name() {
        return name;
    }

    public Product product() {
        return product;
    }

    public Settings settings() {
        return settings;
    }

    public Optional<Relay> relay() {
        return Optional.ofNullable(relay);
    }

    /** The state of charge in percent; empty until it is set or synchronised. */
    public OptionalDouble socPercent() {
        return socKnown ? OptionalDouble.of(soc()) : OptionalDouble.empty();
    }

    /** Consumed Ah since full, as VictronConnect shows it: 0 or negative; 0 while the SoC is unknown. */
    public double consumedAmpHours() {
        return socKnown && removedAmpHours > 0 ? -removedAmpHours : 0;
    }

    /**
     * The time to go: to the discharge floor at the present discharge current, at most {@link #MAX_TIME_TO_GO};
     * empty while charging, idle (below {@link #CURRENT_THRESHOLD_AMPS}) or with the SoC unknown.
     */
    public OptionalLong timeToGoSeconds() {
        if (!socKnown || amps > -CURRENT_THRESHOLD_AMPS) {
            return OptionalLong.empty();
        }
        double aboveFloor = settings.capacityAmpHours() * (soc() - settings.dischargeFloorPercent()) / 100;
        double seconds = Math.max(0, aboveFloor) / -amps * 3600;
        return OptionalLong.of((long) Math.min(seconds, MAX_TIME_TO_GO.getSeconds()));
    }

    /** The bank voltage at the last step; NaN before the first. */
    public double volts() {
        return volts;
    }

    /** The current through the shunt at the last step, positive charging. */
    public double amps() {
        return amps;
    }

    /** Whether the relay contact is closed (a monitor without a relay: true, it never opens). */
    public boolean relayClosed() {
        return relayClosed;
    }

    public History history() {
        return new History(-deepestRemoved, -drawnAmpHours, minVolts, maxVolts, synchronisations);
    }
}
