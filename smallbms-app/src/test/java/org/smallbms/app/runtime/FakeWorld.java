package org.smallbms.app.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.protection.Outputs;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.sensor.BankSensor;
import org.smallbms.sim.sensor.ChainFaults;
import org.smallbms.sim.system.World;

/** A world that stands still: one battery that never charges nor discharges; it records what the loop did. */
final class FakeWorld implements World {

    final BatteryBank bank = BatteryBank.uniform(BatteryModel.NG_12V8_100AH, 1, 1, 1, 0.5, 20, "HQ2401");
    final List<Instant> advancedAt = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    Outputs outputs = Outputs.ALL_FLOATING;

    @Override
    public BankFrame sense(Instant now) {
        return BankSensor.read(bank, ChainFaults.NONE, RemoteTerminal.WIRE_LOOP, OutputReadback.of(
                outputs.charge().isHigh(), outputs.load().isHigh(), outputs.preAlarm().isHigh()));
    }

    @Override
    public void drive(Outputs newOutputs) {
        outputs = newOutputs;
    }

    @Override
    public void advance(Instant now, Duration dt) {
        advancedAt.add(now);
    }
}
