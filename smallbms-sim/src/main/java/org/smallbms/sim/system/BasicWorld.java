package org.smallbms.sim.system;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.protection.Outputs;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.sensor.BankSensor;
import org.smallbms.sim.sensor.ChainFaults;

/**
 * The smallest system worth watching, after manual §3.3.1: one Lithium NG 12.8 V/100 Ah battery, a solar charger on
 * the Charge disconnect output and DC loads on the Load disconnect output, the remote wire loop fitted.
 *
 * <p>The sun rises at 06:00 and sets at 19:00 (UTC of the virtual clock) and gives the charger up to
 * {@code peakSolarAmps}; the charger holds the bank at 14.2 V once it gets there (absorption). The loads draw
 * {@code baseLoadAmps} all day and {@code eveningLoadAmps} more from 18:00 to 23:00. A mutable physics body.
 */
public final class BasicWorld implements World {

    /** The charger's absorption voltage for a 12.8 V Lithium NG battery (CELL-MODEL.md: 14.0–14.2 V). */
    public static final double ABSORPTION_VOLTS = 14.2;
    /** The BMS's own draw with the remote on (OUT-03). */
    public static final double BMS_AMPS = 0.003;

    private final BatteryBank bank;
    private final double peakSolarAmps;
    private final double baseLoadAmps;
    private final double eveningLoadAmps;
    private Outputs outputs = Outputs.ALL_FLOATING;
    private double chargerAmps;
    private double loadAmps;

    public BasicWorld(BatteryBank bank, double peakSolarAmps, double baseLoadAmps, double eveningLoadAmps) {
        this.bank = bank;
        this.peakSolarAmps = peakSolarAmps;
        this.baseLoadAmps = baseLoadAmps;
        this.eveningLoadAmps = eveningLoadAmps;
    }

    /** §3.3.1 with a battery at {@code soc} (0..1): 15 A of sun at noon, 2 A all day and 8 A in the evening. */
    public static BasicWorld ng331(long seed, double soc) {
        return new BasicWorld(BatteryBank.uniform(BatteryModel.NG_12V8_100AH, 1, 1, seed, soc, 20, "HQ2401"), 15,
                2, 8);
    }

    @Override
    public BankFrame sense(Instant now) {
        OutputReadback readback = OutputReadback.of(outputs.charge().isHigh(), outputs.load().isHigh(),
                outputs.preAlarm().isHigh());
        return BankSensor.read(bank, ChainFaults.NONE, RemoteTerminal.WIRE_LOOP, readback);
    }

    @Override
    public void drive(Outputs newOutputs) {
        outputs = newOutputs;
    }

    @Override
    public void advance(Instant now, Duration dt) {
        double hours = now.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 3600.0;
        double sun = hours > 6 && hours < 19 ? peakSolarAmps * Math.sin(Math.PI * (hours - 6) / 13) : 0;
        chargerAmps = outputs.charge().isHigh() ? Math.max(0, Math.min(sun, absorptionLimitAmps())) : 0;
        double demand = baseLoadAmps + (hours >= 18 && hours < 23 ? eveningLoadAmps : 0);
        loadAmps = outputs.load().isHigh() ? demand : 0;
        bank.step(chargerAmps - loadAmps - BMS_AMPS, dt.toNanos() / 1e9);
    }

    /** The current that brings the bank's terminals to the absorption voltage, from its Thévenin equivalent. */
    private double absorptionLimitAmps() {
        return (ABSORPTION_VOLTS - bank.openCircuitVolts()) / bank.ohms() + loadAmps;
    }

    public BatteryBank bank() {
        return bank;
    }

    /** What the charger delivered in the last step. */
    public double chargerAmps() {
        return chargerAmps;
    }

    /** What the loads drew in the last step. */
    public double loadAmps() {
        return loadAmps;
    }
}
