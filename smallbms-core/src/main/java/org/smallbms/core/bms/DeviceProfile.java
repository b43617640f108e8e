package org.smallbms.core.bms;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smallbms.core.bank.BatteryFamily;
import org.smallbms.core.led.Led;
import org.smallbms.core.protection.RuleSet;

/**
 * A device as data: its rule table, the batteries it works with, its outputs with their electrical figures (OUT-02),
 * what it draws itself (OUT-03), its LEDs and what it has. The smallBMS NG and the classic smallBMS with pre-alarm
 * are the two; {@link Bms} steps either, and every front end shows a device from its profile.
 */
public enum DeviceProfile {

    /** The smallBMS NG: Lithium NG, codes, battery monitor, history, Bluetooth, settings. */
    NG("smallBMS NG", "ng", RuleSet.NG, BatteryFamily.LITHIUM_NG,
            new Ratings(new Rating(1_000, false), new Rating(500, false), new Rating(500, false)),
            new Consumption(3_000, 1_200, 1_200), List.of(Led.BLUETOOTH, Led.ERROR),
            EnumSet.allOf(Feature.class)),

    /**
     * The classic smallBMS with pre-alarm (CLS-01..04): Lithium Battery Smart, which decide and signal; no
     * Bluetooth, no SoC, no history, two LEDs (LED-03).
     */
    CLASSIC("smallBMS with pre-alarm", "classic", RuleSet.CLASSIC, BatteryFamily.LITHIUM_BATTERY_SMART,
            new Ratings(new Rating(1_000, false), new Rating(10, true), new Rating(1_000, false)),
            new Consumption(2_200, 1_200, 1_200), List.of(Led.LOAD_ON, Led.TEMP_OR_OVP),
            EnumSet.noneOf(Feature.class));

    /** What a device has beyond its outputs and LEDs. */
    public enum Feature {
        /** SoC, consumed Ah, time remaining, synchronisation (MON). */
        BATTERY_MONITOR,
        /** The history page (UI-03). */
        HISTORY,
        /** Bluetooth, and with it the app and Instant Readout. */
        BLUETOOTH,
        /** Settings a user changes on the device (UI-04). */
        SETTINGS,
        /** Firmware updates (FW-01..03). */
        FIRMWARE_UPDATE
    }

    /**
     * One output's rating.
     *
     * @param milliamps the most it sources
     * @param shortCircuitProtected whether a short only limits its current
     */
    public record Rating(int milliamps, boolean shortCircuitProtected) {
    }

    /** The ratings of the three outputs (OUT-02). */
    public record Ratings(Rating load, Rating charge, Rating preAlarm) {
    }

    /**
     * What the device draws from the bank for itself, outputs excluded (OUT-03), µA.
     *
     * @param remoteOnMicroamps with the remote on
     * @param lowCellMicroamps after a load disconnect for low cell voltage
     * @param remoteOffMicroamps with the remote off
     */
    public record Consumption(int remoteOnMicroamps, int lowCellMicroamps, int remoteOffMicroamps) {
    }

    private final String label;
    private final String key;
    private final RuleSet rules;
    private final BatteryFamily batteries;
    private final Ratings ratings;
    private final Consumption consumption;
    private final List<Led> leds;
    private final Set<Feature> features;

    DeviceProfile(String label, String key, RuleSet rules, BatteryFamily batteries, Ratings ratings,
            Consumption consumption, List<Led> leds, Set<Feature> features) {
        this.label = label;
        this.key = key;
        this.rules = rules;
        this.batteries = batteries;
        this.ratings = ratings;
        this.consumption = consumption;
        this.leds = List.copyOf(leds);
        this.features = Set.copyOf(features);
    }

    /** The product's name. */
    public String label() {
        return label;
    }

    /** How files and options name it: {@code ng}, {@code classic}. */
    public String key() {
        return key;
    }

    public RuleSet rules() {
        return rules;
    }

    /** The battery line it works with (CLS-01): the other is refused. */
    public BatteryFamily batteries() {
        return batteries;
    }

    public Ratings ratings() {
        return ratings;
    }

    public Consumption consumption() {
        return consumption;
    }

    /** Its LEDs, left to right. */
    public List<Led> leds() {
        return leds;
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** The profile a file or option names by its key, in any case. */
    public static Optional<DeviceProfile> byKey(String key) {
        for (DeviceProfile profile : values()) {
            if (profile.key.equalsIgnoreCase(key)) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
