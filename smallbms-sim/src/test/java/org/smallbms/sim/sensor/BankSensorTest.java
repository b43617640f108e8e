package org.smallbms.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.Bank;
import org.smallbms.core.bank.BankDetection;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.sim.bank.BatteryBank;
import org.smallbms.sim.bank.BatteryString;
import org.smallbms.sim.battery.Battery;

class BankSensorTest {

    private static BatteryBank bank(int series, int parallel) {
        BatteryBank bank = BatteryBank.uniform(BatteryModel.NG_12V8_200AH, series, parallel, 21, 0.5, 25, "HQ2301");
        bank.step(-60, 1);
        return bank;
    }

    @Test
    @DisplayName("a battery's report is quantised once: cell mV, deciCelsius, mA, battery mV, flags")
    void reading_quantisesThePhysics() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_100AH, "HQ1", 4, 0.5, 21.26);
        battery.step(-12.3456, 1);
        BatteryReading reading = BankSensor.reading(battery);
        assertThat(reading.serial()).isEqualTo("HQ1");
        assertThat(reading.firmwareVersion()).isEqualTo(battery.firmwareVersion());
        assertThat(reading.milliamps()).isEqualTo(-12_346);
        assertThat(reading.temperatureDeciCelsius()).isEqualTo((int) Math.round(battery.celsius() * 10));
        assertThat(reading.millivolts()).isEqualTo((int) Math.round(battery.volts() * 1000));
        for (int i = 0; i < 4; i++) {
            assertThat(reading.cellMillivolts(i)).isEqualTo((int) Math.round(battery.cellVolts(i) * 1000));
        }
        assertThat(reading.flags()).isEqualTo(battery.flags());
    }

    @Test
    @DisplayName("a cold battery's CHARGE_LOW_TEMPERATURE flag reaches the frame")
    void reading_carriesTheFlags() {
        Battery battery = Battery.of(BatteryModel.NG_12V8_100AH, "HQ1", 4, 0.5, 2);
        assertThat(BankSensor.reading(battery).flags().has(BatteryFlag.CHARGE_LOW_TEMPERATURE)).isTrue();
    }

    @Test
    @DisplayName("TOP-01 the frame of a whole 2s3p bank is complete and the core detects 2 in series, 3 in parallel")
    void read_wholeBank_isCompleteAndDetectedByTheCore() {
        BankFrame frame = BankSensor.read(bank(2, 3));
        assertThat(frame.isComplete()).isTrue();
        assertThat(frame.batteries()).hasSize(6);
        assertThat(frame.remote()).isEqualTo(RemoteTerminal.WIRE_LOOP);
        assertThat(frame.readback()).isEqualTo(OutputReadback.NOT_MEASURED);
        Bank detected = BankDetection.detect(frame.batteries(), frame.terminalMillivolts());
        assertThat(detected.violations()).isEmpty();
        assertThat(detected.series()).isEqualTo(2);
        assertThat(detected.parallel()).isEqualTo(3);
    }

    @Test
    @DisplayName("CODE-05 a battery that does not answer is counted on the chain without a reading")
    void read_silentBattery_countedWithoutReading() {
        BatteryBank bank = bank(1, 3);
        BankFrame frame = BankSensor.read(bank, ChainFaults.NONE.withSilent("HQ23010002"));
        assertThat(frame.chainNodes()).isEqualTo(3);
        assertThat(frame.batteries()).extracting(BatteryReading::serial).containsExactly("HQ23010001", "HQ23010003");
        assertThat(frame.isComplete()).isFalse();
        BankFrame again = BankSensor.read(bank, ChainFaults.NONE.withSilent("HQ23010002").withAnswering("HQ23010002"));
        assertThat(again.isComplete()).isTrue();
    }

    @Test
    @DisplayName("TOP-06 an open daisy chain reads chainClosed = false (E-B05), the batteries still answering")
    void read_openChain_isNotClosed() {
        BankFrame frame = BankSensor.read(bank(1, 2), ChainFaults.NONE.withOpen(true));
        assertThat(frame.chainClosed()).isFalse();
        assertThat(frame.batteries()).hasSize(2);
    }

    @Test
    @DisplayName("TOP-09 a battery added or removed while running changes the chain in the next frame")
    void read_batteryAddedOrRemoved_chainFollows() {
        BatteryBank bank = bank(1, 2);
        bank.addString(BatteryString.of(List.of(Battery.of(BatteryModel.NG_12V8_200AH, "HQ9", 9, 0.5, 25))));
        bank.step(-30, 1);
        assertThat(BankSensor.read(bank).batteries()).extracting(BatteryReading::serial)
                .containsExactly("HQ23010001", "HQ23010002", "HQ9");
        bank.removeString(0);
        bank.step(-30, 1);
        BankFrame frame = BankSensor.read(bank);
        assertThat(frame.chainNodes()).isEqualTo(2);
        assertThat(frame.batteries()).extracting(BatteryReading::serial).containsExactly("HQ23010002", "HQ9");
    }

    @Test
    @DisplayName("the remote terminal and the output readback are inputs the frame carries")
    void read_remoteAndReadback_passThrough() {
        OutputReadback readback = OutputReadback.of(true, false, false);
        BankFrame frame = BankSensor.read(bank(1, 1), ChainFaults.NONE, RemoteTerminal.OPEN, readback);
        assertThat(frame.remote()).isEqualTo(RemoteTerminal.OPEN);
        assertThat(frame.readback()).isEqualTo(readback);
    }

    @Test
    @DisplayName("TOP-07 the terminal voltage is the bus voltage in millivolts")
    void read_terminalMillivolts_isTheBusVoltage() {
        BatteryBank bank = bank(2, 1);
        assertThat(BankSensor.read(bank).terminalMillivolts()).isEqualTo((int) Math.round(bank.terminalVolts() * 1000));
    }

    @Test
    @DisplayName("TOP-01 a frame built from the last one reads what a frame built anew reads, tick after tick")
    void read_fromThePreviousFrame_equalsAFrameBuiltAnew() {
        BatteryBank bank = bank(1, 3);
        BankSensor sensor = new BankSensor(bank);
        BankFrame previous = null;
        int sameFrames = 0;
        int sameCells = 0;
        int newCells = 0;
        for (int s = 0; s < 3_000; s++) {
            // Rest, a steady draw and a draw that changes every second: frames that repeat, readings with the same
            // cells and new currents, and readings with new cells.
            double amps = s < 600 ? 0 : s < 1_800 ? -40 : -40 + 15 * Math.sin(s * 0.05);
            bank.step(amps, 1);
            long framesBefore = sensor.frames();
            BankFrame frame = sensor.read(BankSensor.terminalMillivolts(bank), ChainFaults.NONE,
                    RemoteTerminal.WIRE_LOOP, OutputReadback.NOT_MEASURED);
            assertThat(sensor.frames()).as("tick %d: the sequence number counts a new frame", s)
                    .isEqualTo(frame == previous ? framesBefore : framesBefore + 1);
            assertThat(frame).as("tick %d", s).isEqualTo(BankSensor.read(bank));
            if (frame == previous) {
                sameFrames++;
            } else if (previous != null) {
                BatteryReading before = previous.batteries().get(0);
                BatteryReading now = frame.batteries().get(0);
                if (now != before && now.milliamps() != before.milliamps()) {
                    if (Arrays.equals(now.cellMillivolts(), before.cellMillivolts())) {
                        sameCells++;
                    } else {
                        newCells++;
                    }
                }
            }
            previous = frame;
        }
        assertThat(sameFrames).isPositive();
        assertThat(sameCells).isPositive();
        assertThat(newCells).isPositive();
    }
}
