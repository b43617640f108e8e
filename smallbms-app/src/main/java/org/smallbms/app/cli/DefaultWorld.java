package org.smallbms.app.cli;

import java.util.Optional;
import java.util.function.Supplier;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.system.BasicWorld;
import org.smallbms.sim.system.World;

/**
 * The world {@code smallbms run} wires the device into, from one place: manual §3.3.1 (one Lithium NG 12.8 V/100 Ah
 * battery, a solar charger on Charge disconnect, DC loads on Load disconnect) with loads that outrun the sun.
 *
 * <p>Why these figures: at the default 60× something must happen within a minute of wall time, whatever the time of
 * day. A battery at 10 % under 20 A of loads (28 A in the evening) against at most 15 A of sun reaches the pre-alarm
 * level within 26 minutes of device time (26 s at 60×) even at noon, and within 5 minutes at night; the loads are cut
 * 30 s after the pre-alarm at the latest, the sun then recharges the battery until the loads come back.
 */
final class DefaultWorld {

    /** The battery's state of charge on a device that has never run. */
    static final double FIRST_SOC = 0.10;
    static final double PEAK_SOLAR_AMPS = 15;
    static final double BASE_LOAD_AMPS = 20;
    static final double EVENING_LOAD_AMPS = 8;

    private DefaultWorld() {
    }

    /**
     * The world for a device; a restarted device's battery starts at the SoC the BMS restored, so the two agree.
     *
     * @param seed the seed of the battery's cell spread
     * @param restoredSocPermille the SoC the BMS restored, if it knows one
     */
    static Supplier<World> of(long seed, Optional<Integer> restoredSocPermille) {
        double soc = restoredSocPermille.map(p -> Math.max(0.05, p / 1000.0)).orElse(FIRST_SOC);
        return () -> new BasicWorld(BatteryBank.uniform(BatteryModel.NG_12V8_100AH, 1, 1, seed, soc, 20,
                "HQ2401"), PEAK_SOLAR_AMPS, BASE_LOAD_AMPS, EVENING_LOAD_AMPS);
    }
}
