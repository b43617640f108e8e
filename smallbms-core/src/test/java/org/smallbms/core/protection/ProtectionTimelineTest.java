package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smallbms.core.protection.Level.FLOATING;
import static org.smallbms.core.protection.Level.HIGH;
import static org.smallbms.core.testing.Frames.withCell;
import static org.smallbms.core.testing.Frames.withFlags;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.bank.OutputReadback;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.event.Event;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.core.testing.Frames;
import org.smallbms.core.testing.Timeline;

/** The protection step, timeline by timeline, as the manual tells it. */
class ProtectionTimelineTest {

    private static final BankFrame HEALTHY = Frames.single();

    private static BankFrame singleWith(BatteryReading battery) {
        return Frames.replace(HEALTHY, 0, battery);
    }

    private static BankFrame cellAt(int millivolts) {
        return singleWith(withCell(HEALTHY.batteries().get(0), 2, millivolts));
    }

    private static BankFrame cellAt(int millivolts, BatteryFlag... flags) {
        return singleWith(withFlags(withCell(HEALTHY.batteries().get(0), 2, millivolts), flags));
    }

    private static BankFrame flagged(BatteryFlag... flags) {
        return singleWith(withFlags(HEALTHY.batteries().get(0), flags));
    }

    @Nested
    class PowerUpAndRemote {

        @Test
        @DisplayName("REM-04 with Bat+/Bat- connected and the wire loop in place the BMS switches on: outputs high")
        void powerUp_wireLoop_outputsHigh() {
            Timeline t = Timeline.start(HEALTHY);

            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
            assertThat(t.events("ATC")).singleElement().satisfies(e -> assertThat(e.value()).isEqualTo("HIGH"));
        }

        @Test
        @DisplayName("REM-04 with the loop pulled off at power-up the BMS stays off; closing the switch turns it on")
        void powerUp_remoteOpen_staysOffUntilClosed() {
            Timeline t = Timeline.start(HEALTHY.withRemote(RemoteTerminal.OPEN));
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);

            t.then(HEALTHY.withRemote(RemoteTerminal.switchBetweenLH(true)));

            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
        }

        @Test
        @DisplayName("OUT-03 below 8 V at Bat+ the BMS is off: all outputs float; power back means a fresh start")
        void vbatBelowEight_bmsOff() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(HEALTHY.withTerminalMillivolts(7_900));
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
            assertThat(t.state().active().list()).containsExactly(Condition.UNPOWERED);
            assertThat(t.state().bank()).isEmpty();

            t.then(HEALTHY);
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
        }

        @Test
        @DisplayName("REM-02 remote off: Load and Charge disconnect and the pre-alarm all float")
        void remoteOff_allOutputsFloat() {
            Timeline t = Timeline.start(cellAt(3_000));
            assertThat(t.state().outputs().preAlarm()).isEqualTo(HIGH);

            t.then(cellAt(3_000).withRemote(RemoteTerminal.OPEN));

            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
            assertThat(t.state().chargeReasons()).containsExactly("Remote on/off is off");
            assertThat(t.state().dischargeReasons()).containsExactly("Remote on/off is off");
        }

        @Test
        @DisplayName("REM-02 remote H switched to battery plus turns the BMS on; H floating turns it off")
        void remoteH_toBatteryPlus() {
            Timeline t = Timeline.start(HEALTHY.withRemote(RemoteTerminal.hAt(HEALTHY.terminalMillivolts())));
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);

            t.then(HEALTHY.withRemote(RemoteTerminal.OPEN));

            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
            assertThat(t.events("ATD").get(1).cause()).contains("REMOTE_OFF", "Remote H floating");
        }

        @Test
        @DisplayName("REM-03 Mode off in the app does what remote off does; Mode on restores the outputs")
        void modeOff_likeRemoteOff() {
            Timeline t = Timeline.start(cellAt(3_000));

            t.inputs(t.inputs().withModeOn(false)).tick();
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
            assertThat(t.state().chargeReasons()).containsExactly("Mode is set to Off");

            t.inputs(t.inputs().withModeOn(true)).tick();
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, HIGH));
        }
    }

    @Nested
    class ChargeDisconnect {

        @Test
        @DisplayName("PROT-01 a cell at the high cell voltage threshold opens the Charge disconnect, not the Load")
        void cellHigh_opensCharge() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(cellAt(3_760, BatteryFlag.CELL_HIGH_VOLTAGE));

            assertThat(t.state().outputs()).isEqualTo(new Outputs(FLOATING, HIGH, FLOATING));
            assertThat(t.state().allowedToCharge()).isEqualTo(Allowed.NO);
            assertThat(t.state().chargeReasons()).containsExactly(
                    "One or more battery cell voltages have reached the high cell voltage threshold");
        }

        @Test
        @DisplayName("PROT-01 battery temperature below 5 °C opens the Charge disconnect; it closes when it clears")
        void temperatureLow_opensChargeUntilCleared() {
            Timeline t = Timeline.start(flagged(BatteryFlag.CHARGE_LOW_TEMPERATURE));
            assertThat(t.state().chargeReasons()).containsExactly("Battery temperature below 5 °C");
            assertThat(t.state().outputs().charge()).isEqualTo(FLOATING);

            t.then(HEALTHY);

            assertThat(t.state().outputs().charge()).isEqualTo(HIGH);
        }

        @Test
        @DisplayName("PROT-01, CODE-08 battery temperature too high raises A-B09 and opens the Charge disconnect")
        void temperatureHigh_alarmB09() {
            Timeline t = Timeline.start(flagged(BatteryFlag.CHARGE_HIGH_TEMPERATURE));

            assertThat(t.state().has(Condition.A_B09)).isTrue();
            assertThat(t.state().chargeReasons()).containsExactly("Battery temperature too high");
            assertThat(t.state().outputs()).isEqualTo(new Outputs(FLOATING, HIGH, FLOATING));
        }

        @Test
        @DisplayName("PROT-03 temperature never blocks discharge")
        void temperature_neverBlocksDischarge() {
            Timeline t = Timeline.start(flagged(BatteryFlag.CHARGE_LOW_TEMPERATURE));
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);

            t.then(flagged(BatteryFlag.CHARGE_HIGH_TEMPERATURE));

            assertThat(t.state().outputs().load()).isEqualTo(HIGH);
            assertThat(t.state().dischargeReasons()).isEmpty();
        }
    }

    @Nested
    class PreAlarmAndLoadDisconnect {

        @Test
        @DisplayName("PROT-04, CODE-01 the pre-alarm floats normally and goes high with W-B01 when a cell is below "
                + "the pre-alarm level")
        void cellBelowPreAlarmLevel_preAlarmHigh() {
            Timeline t = Timeline.start(cellAt(3_150));
            assertThat(t.state().outputs().preAlarm()).isEqualTo(FLOATING);

            t.then(cellAt(3_099));

            assertThat(t.state().outputs().preAlarm()).isEqualTo(HIGH);
            assertThat(t.state().active().codes()).containsExactly(Condition.W_B01);
        }

        @Test
        @DisplayName("CODE-01 W-B01 clears 50 mV above the pre-alarm level, so the buzzer does not chatter")
        void preAlarm_hysteresis() {
            Timeline t = Timeline.start(cellAt(3_090));
            t.then(cellAt(3_120));
            assertThat(t.state().has(Condition.W_B01)).isTrue();

            t.then(cellAt(3_150));

            assertThat(t.state().has(Condition.W_B01)).isFalse();
        }

        @Test
        @DisplayName("PROT-04 the pre-alarm level is the user's setting")
        void preAlarmLevel_followsSetting() {
            Timeline t = Timeline.start(cellAt(2_940));
            assertThat(t.state().outputs().preAlarm()).isEqualTo(HIGH);

            t.inputs(t.inputs().withPreAlarmCellMillivolts(2_900)).then(cellAt(2_940));

            assertThat(t.state().outputs().preAlarm()).as("within 50 mV of the new level").isEqualTo(HIGH);
            t.then(cellAt(2_950));
            assertThat(t.state().outputs().preAlarm()).as("2.95 V is 50 mV above 2.90 V").isEqualTo(FLOATING);
        }

        @Test
        @DisplayName("PROT-05 after 30 s of pre-alarm the Load disconnect opens on the low cell flag, not before")
        void lowCellFlag_opensLoadAfterThirtySecondsOfPreAlarm() {
            Timeline t = Timeline.start(HEALTHY);
            t.then(cellAt(3_050));
            long preAlarmAt = t.seconds();
            t.hold(cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE), 10);
            assertThat(t.state().outputs().load()).as("10 s into the pre-alarm").isEqualTo(HIGH);

            // Bounded: a Load disconnect that never opens fails the test instead of running forever.
            for (int i = 0; i < 120 && t.state().outputs().load() == HIGH; i++) {
                t.tick();
            }

            assertThat(t.seconds() - preAlarmAt).isEqualTo(30);
            assertThat(t.state().has(Condition.A_B01)).isTrue();
            assertThat(t.state().outputs().preAlarm()).as("PROT-12: it floats once the loads are cut")
                    .isEqualTo(FLOATING);
        }

        @Test
        @DisplayName("PROT-10 A-B01 raised on a flag the battery latched says so, not that the recovered cell is at "
                + "the threshold")
        void lowCellFlagLatched_causeSaysTheFlagIsLatched() {
            Timeline t = Timeline.start(HEALTHY);
            t.then(cellAt(3_050));
            t.hold(cellAt(3_088, BatteryFlag.CELL_LOW_VOLTAGE), 40);

            assertThat(t.state().has(Condition.A_B01)).isTrue();
            assertThat(t.events("A-B01").get(0).cause()).contains("still reports its low cell flag")
                    .contains("lowest cell now 3.088 V").doesNotContain("reports a cell at the low cell voltage");
        }

        @Test
        @DisplayName("PROT-05 a cell reaching the low threshold with no pre-alarm before still gets the 30 s lead")
        void lowCellFlagFirst_preAlarmThenLoadAfterThirtySeconds() {
            Timeline t = Timeline.start(HEALTHY.withRemote(RemoteTerminal.WIRE_LOOP));
            t.inputs(t.inputs().withPreAlarmCellMillivolts(2_850));

            t.then(cellAt(2_860, BatteryFlag.CELL_LOW_VOLTAGE));
            long flagAt = t.seconds();
            assertThat(t.state().outputs().preAlarm()).isEqualTo(HIGH);
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);

            t.hold(cellAt(2_860, BatteryFlag.CELL_LOW_VOLTAGE), 29);
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);
            t.tick();

            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
            assertThat(t.seconds() - flagAt).isEqualTo(30);
        }

        @Test
        @DisplayName("PROT-05 decision: a cell below 2.50 V opens the Load disconnect at once")
        void emergencyCell_opensLoadAtOnce() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(cellAt(2_490, BatteryFlag.CELL_LOW_VOLTAGE));

            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
            assertThat(t.events("A-B01")).singleElement()
                    .satisfies(e -> assertThat(e.cause()).contains("2.490 V", "emergency level 2.500 V"));
        }

        @Test
        @DisplayName("PROT-08 Allowed to discharge shows Pre-Alarm while the pre-alarm is on and ATD still high")
        void allowedToDischarge_preAlarm() {
            Timeline t = Timeline.start(cellAt(3_000));

            assertThat(t.state().allowedToDischarge()).isEqualTo(Allowed.PRE_ALARM);
            assertThat(t.state().dischargeReasons()).containsExactly("Low cell voltage");

            t.hold(cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE), 30);

            assertThat(t.state().allowedToDischarge()).isEqualTo(Allowed.NO);
            assertThat(t.state().dischargeReasons()).containsExactly(
                    "One or more cells reached the hard-coded low cell voltage threshold");
        }

        @Test
        @DisplayName("CODE-04, CODE-13 A-B01 clears by itself when the battery clears its low cell flag")
        void lowCellAlarm_clearsWhenFlagClears() {
            Timeline t = Timeline.start(cellAt(3_000));
            t.hold(cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE), 30);
            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
            t.hold(cellAt(3_000, BatteryFlag.CELL_LOW_VOLTAGE), 60);
            assertThat(t.state().outputs().load()).as("rested cell, flag still set").isEqualTo(FLOATING);

            t.then(cellAt(3_250));

            assertThat(t.state().outputs().load()).isEqualTo(HIGH);
            assertThat(t.state().has(Condition.A_B01)).isFalse();
        }

        @Test
        @DisplayName("CODE-07 (revised) Vbat per cell below the pre-alarm level raises the pre-alarm; below 2.75 V "
                + "for 5 s A-B08 waits for the 30 s lead, then opens the loads and the pre-alarm floats (PROT-12)")
        void lowBankVoltage_preAlarmThenAfterTheLead() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(Frames.allCellsAt(HEALTHY, 3_050, 1));
            assertThat(t.state().has(Condition.W_B01)).isTrue();
            long preAlarmAt = t.seconds();
            // The batteries report 2.72 V cells and no low cell flag: only Vbat tells the BMS to cut.
            t.hold(Frames.allCellsAt(HEALTHY, 2_725, 1), 10);
            assertThat(t.state().has(Condition.A_B08)).as("5 s below, but only 10 s of pre-alarm").isFalse();
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);

            for (int i = 0; i < 120 && t.state().outputs().load() == HIGH; i++) {
                t.tick();
            }

            assertThat(t.seconds() - preAlarmAt).isEqualTo(30);
            assertThat(t.state().has(Condition.A_B08)).isTrue();
            assertThat(t.state().outputs().preAlarm()).isEqualTo(FLOATING);
            assertThat(t.events("A-B08").get(0).cause()).contains("2.725 V per cell").contains("30 s lead");
        }

        @Test
        @DisplayName("CODE-07 PROT-11 A-B08 clears only at 3.20 V per cell, and not within 60 s of the cut")
        void lowBankVoltage_clearsAt320AfterTheHold() {
            Timeline t = Timeline.start(HEALTHY);
            t.hold(Frames.allCellsAt(HEALTHY, 2_725, 1), 40);
            assertThat(t.state().has(Condition.A_B08)).isTrue();
            long cutAt = t.seconds();

            t.hold(Frames.allCellsAt(HEALTHY, 3_190, 1), 120);
            assertThat(t.state().has(Condition.A_B08)).as("3.19 V per cell, resting after the cut").isTrue();
            t.then(Frames.allCellsAt(HEALTHY, 3_200, 1));
            assertThat(t.state().has(Condition.A_B08)).isFalse();
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);
            assertThat(t.seconds() - cutAt).isGreaterThan(60);
        }

        @Test
        @DisplayName("CODE-07 (revised) below 2.50 V per cell A-B08 opens the loads at once, with no lead")
        void lowBankVoltage_emergencyAtOnce() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(Frames.allCellsAt(HEALTHY, 2_490, 1));

            assertThat(t.state().has(Condition.A_B08)).isTrue();
            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
            assertThat(t.events("A-B08").get(0).cause()).contains("emergency level");
        }

        @Test
        @DisplayName("PROT-11 the loads stay off at least 60 s after a cut, even when the cause is gone at once")
        void shutdown_loadsStayOffSixtySeconds() {
            Timeline t = Timeline.start(HEALTHY);
            t.then(cellAt(3_050));
            t.hold(cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE), 30);
            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
            long cutAt = t.seconds();

            t.hold(HEALTHY, 59);
            assertThat(t.state().outputs().load()).as("59 s after the cut").isEqualTo(FLOATING);
            t.tick();
            assertThat(t.state().outputs().load()).as("60 s after the cut").isEqualTo(HIGH);
            assertThat(t.seconds() - cutAt).isEqualTo(60);
        }

        @Test
        @DisplayName("PROT-11 loads switched back on are not cut again by the same cause within a minute, unless a "
                + "cell reaches the emergency level")
        void shutdown_notCutAgainWithinAMinuteUnlessEmergency() {
            Timeline t = Timeline.start(HEALTHY);
            t.then(cellAt(3_050));
            t.hold(cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE), 30);
            t.hold(HEALTHY, 60);
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);

            t.hold(cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE), 45);
            assertThat(t.state().outputs().load()).as("within the minute after the loads came back")
                    .isEqualTo(HIGH);
            t.then(cellAt(2_490, BatteryFlag.CELL_LOW_VOLTAGE));
            assertThat(t.state().outputs().load()).as("emergency level").isEqualTo(FLOATING);
        }

        @Test
        @DisplayName("CODE-07 a dip below 2.75 V per cell shorter than 5 s raises nothing")
        void lowBankVoltage_shortDipIgnored() {
            Timeline t = Timeline.start(HEALTHY);
            BankFrame low = Frames.allCellsAt(HEALTHY, 2_725, 1);

            t.hold(HEALTHY, 40).hold(low, 4).hold(HEALTHY, 1).hold(low, 4);

            assertThat(t.events("A-B08")).isEmpty();
        }
    }

    @Nested
    class DischargeReasons {

        @Test
        @DisplayName("PROT-02 each reason opens the Load disconnect and is named on the status page")
        void eachReason_opensLoad() {
            assertDischargeReason(cellAt(2_490, BatteryFlag.CELL_LOW_VOLTAGE), ProtectionInputs.DEFAULTS,
                    "One or more cells reached the hard-coded low cell voltage threshold");
            assertDischargeReason(HEALTHY, ProtectionInputs.DEFAULTS.withSoc(50),
                    "The configured Discharge floor has been reached");
            assertDischargeReason(HEALTHY.withRemote(RemoteTerminal.OPEN), ProtectionInputs.DEFAULTS,
                    "Remote on/off is off");
            assertDischargeReason(HEALTHY, ProtectionInputs.DEFAULTS.withModeOn(false), "Mode is set to Off");
            assertDischargeReason(HEALTHY.withChain(1, false), ProtectionInputs.DEFAULTS,
                    "Battery configuration invalid", 6);
        }

        private void assertDischargeReason(BankFrame frame, ProtectionInputs inputs, String reason) {
            assertDischargeReason(frame, inputs, reason, 1);
        }

        private void assertDischargeReason(BankFrame frame, ProtectionInputs inputs, String reason, int seconds) {
            Timeline t = Timeline.start(HEALTHY);

            t.inputs(inputs).hold(frame, seconds);

            assertThat(t.state().outputs().load()).as(reason).isEqualTo(FLOATING);
            assertThat(t.state().allowedToDischarge()).isEqualTo(Allowed.NO);
            assertThat(t.state().dischargeReasons()).containsExactly(reason);
        }

        @Test
        @DisplayName("PROT-02 low bank voltage (A-B08) and communication lost (A-B05) open the Load disconnect")
        void bankVoltageAndComms_openLoad() {
            Timeline low = Timeline.start(HEALTHY).hold(Frames.allCellsAt(HEALTHY, 2_700, 1), 31);
            assertThat(low.state().dischargeReasons()).containsExactly("Low bank voltage");

            Timeline silent = Timeline.start(HEALTHY).hold(Frames.withSilent(HEALTHY.withChain(1, true), 1), 11);
            assertThat(silent.state().dischargeReasons()).containsExactly("Communication with battery lost");
        }
    }

    @Nested
    class SocRules {

        @Test
        @DisplayName("PROT-06, CODE-06 SoC at the discharge floor raises A-B07 and opens ATD in the same step")
        void floorReached_loadOpensAtOnce() {
            Timeline t = Timeline.start(HEALTHY);
            t.inputs(t.inputs().withSoc(101)).tick();
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);

            t.inputs(t.inputs().withSoc(100)).tick();

            assertThat(t.state().has(Condition.A_B07)).isTrue();
            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
            assertThat(t.state().outputs().charge()).isEqualTo(HIGH);
            assertThat(t.state().dischargeReasons()).containsExactly("The configured Discharge floor has been reached");
        }

        @Test
        @DisplayName("PROT-06 decision: the low SoC alarm clears at floor + 3 points (once PROT-11's minute is over)")
        void floorAlarm_clearsThreePointsAbove() {
            Timeline t = Timeline.start(HEALTHY);
            t.inputs(t.inputs().withSoc(100)).tick();

            t.inputs(t.inputs().withSoc(129)).hold(t.frame(), 60);
            assertThat(t.state().has(Condition.A_B07)).isTrue();
            t.inputs(t.inputs().withSoc(130)).tick();
            assertThat(t.state().has(Condition.A_B07)).isFalse();
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);
        }

        @Test
        @DisplayName("PROT-06 a discharge floor of 0 disables the feature")
        void floorZero_disabled() {
            Timeline t = Timeline.start(HEALTHY);
            t.inputs(t.inputs().withSocLevels(0, 0).withSoc(0)).tick();

            assertThat(t.state().active().codes()).isEmpty();
            assertThat(t.state().outputs().load()).isEqualTo(HIGH);
        }

        @Test
        @DisplayName("PROT-07, CODE-03 at the low SoC warning level W-B07 raises the pre-alarm")
        void warningLevel_preAlarm() {
            Timeline t = Timeline.start(HEALTHY);
            t.inputs(t.inputs().withSoc(200)).tick();

            assertThat(t.state().active().codes()).containsExactly(Condition.W_B07);
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, HIGH));
            assertThat(t.state().allowedToDischarge()).isEqualTo(Allowed.PRE_ALARM);
        }

        @Test
        @DisplayName("PROT-09 while SoC is unknown there are no SoC alarms, whatever the SoC figure")
        void socUnknown_noSocAlarms() {
            Timeline t = Timeline.start(HEALTHY);
            t.inputs(new ProtectionInputs(true, 3_100, false, 0, 10, 20)).tick();

            assertThat(t.state().active().codes()).isEmpty();
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
        }
    }

    @Nested
    class CommunicationAndErrors {

        private final BankFrame two = Frames.bank(BatteryModel.NG_12V8_100AH, 1, 2);

        @Test
        @DisplayName("CODE-02, CODE-05 a silent battery: W-B05 after 2 s, A-B05 and both outputs off after 10 s, "
                + "counted from the first tick without its data")
        void silentBattery_warningThenAlarm() {
            Timeline t = Timeline.start(two);

            t.hold(Frames.withSilent(two, 1), 2);
            assertThat(t.state().active().codes()).isEmpty();
            t.tick();
            assertThat(t.state().active().codes()).containsExactly(Condition.W_B05);
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
            t.hold(Frames.withSilent(two, 1), 7);
            assertThat(t.state().has(Condition.A_B05)).isFalse();
            t.tick();

            assertThat(t.state().has(Condition.A_B05)).isTrue();
            assertThat(t.state().outputs()).isEqualTo(new Outputs(FLOATING, FLOATING, FLOATING));
        }

        @Test
        @DisplayName("CODE-05 A-B05 clears 5 s after data returns; W-B05 at once")
        void dataReturns_alarmClearsAfterFiveSeconds() {
            Timeline t = Timeline.start(two).hold(Frames.withSilent(two, 1), 11);
            assertThat(t.state().has(Condition.A_B05)).isTrue();

            t.then(two);
            assertThat(t.state().has(Condition.W_B05)).isFalse();
            assertThat(t.state().has(Condition.A_B05)).isTrue();
            t.hold(two, 4);
            assertThat(t.state().has(Condition.A_B05)).isTrue();
            t.tick();

            assertThat(t.state().has(Condition.A_B05)).isFalse();
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
        }

        @Test
        @DisplayName("CODE-05 no battery answering at all from power-up: A-B05 after 10 s")
        void noData_fromPowerUp() {
            BankFrame silent = new BankFrame(List.of(), 1, true, 13_200, RemoteTerminal.WIRE_LOOP,
                    OutputReadback.NOT_MEASURED, true);

            Timeline t = Timeline.start(silent).hold(silent, 10);

            assertThat(t.state().has(Condition.A_B05)).isTrue();
            assertThat(t.state().has(Condition.NO_BANK)).isTrue();
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
        }

        @Test
        @DisplayName("TOP-06 (revised), CODE-02, CODE-10 an open daisy chain warns (W-B05) at once; after 5 s open it "
                + "is E-B05 and opens both outputs; E-B05 clears 5 s after the loop is closed")
        void chainOpen_warningThenErrorB05() {
            Timeline t = Timeline.start(two);
            BankFrame open = two.withChain(2, false);

            t.hold(open, 5);
            assertThat(t.state().active().codes()).containsExactly(Condition.W_B05);
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
            t.tick();
            assertThat(t.state().active().codes()).containsExactly(Condition.W_B05, Condition.E_B05);
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);

            t.hold(two, 5);
            assertThat(t.state().active().codes()).as("closed, not yet 5 s").containsExactly(Condition.E_B05);
            t.tick();
            assertThat(t.state().active().codes()).isEmpty();
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
        }

        @Test
        @DisplayName("TOP-06 (revised) a cable reseated within 5 s cuts nothing")
        void chainOpenBriefly_warningOnly() {
            Timeline t = Timeline.start(two);

            t.hold(two.withChain(2, false), 3).hold(two, 10);

            assertThat(t.events("E-B05")).isEmpty();
            assertThat(t.events("ATD")).hasSize(1);
            assertThat(t.events("W-B05")).extracting(Event::value).containsExactly("active", "cleared");
        }

        @Test
        @DisplayName("TOP-08 an error opens both outputs until its cause is gone")
        void error_opensBothUntilCauseGone() {
            Timeline t = Timeline.start(two).then(two.withTerminalMillivolts(60_500));
            assertThat(t.state().outputs().charge()).isEqualTo(FLOATING);
            assertThat(t.state().outputs().load()).isEqualTo(FLOATING);

            t.then(two);

            assertThat(t.state().active().codes()).isEmpty();
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
        }

        @Test
        @DisplayName("TOP-05, CODE-09 an invalid bank is E-B01; the battery tab message names the broken rule")
        void invalidBank_errorB01() {
            BankFrame mixed = Frames.frame(List.of(Frames.battery("A1", BatteryModel.NG_12V8_100AH),
                    Frames.battery("A2", BatteryModel.NG_12V8_200AH)), 1);

            Timeline t = Timeline.start(mixed);

            assertThat(t.state().active().codes()).containsExactly(Condition.E_B01);
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
            assertThat(t.events("E-B01")).singleElement().satisfies(e -> assertThat(e.cause())
                    .startsWith("Mixed capacities"));
        }

        @Test
        @DisplayName("TOP-07, CODE-11 Vbat outside all system ranges is E-B09 (below 9 V, above 60 V)")
        void vbatOutsideRanges_errorB09() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(HEALTHY.withTerminalMillivolts(8_900));
            assertThat(t.state().active().codes()).contains(Condition.E_B09);
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
            t.then(HEALTHY);
            assertThat(t.state().has(Condition.E_B09)).isFalse();
            t.then(HEALTHY.withTerminalMillivolts(60_100));
            assertThat(t.state().has(Condition.E_B09)).isTrue();
        }

        @Test
        @DisplayName("TOP-07 (revised) Vbat more than 10 % away from the series voltage the batteries report is E-B09: "
                + "the BMS is wired to another battery")
        void vbatNotMatchingTheBatteries_errorB09() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(HEALTHY.withTerminalMillivolts(14_500));
            assertThat(t.state().has(Condition.E_B09)).as("13.2 V reported, 14.5 V is within 10 %").isFalse();
            t.then(HEALTHY.withTerminalMillivolts(14_600));
            assertThat(t.state().has(Condition.E_B09)).as("more than 10 % above").isTrue();
            assertThat(t.events("E-B09").get(0).cause()).contains("13.200 V, the series voltage the batteries report");
            t.then(HEALTHY.withTerminalMillivolts(11_800));
            assertThat(t.state().has(Condition.E_B09)).as("more than 10 % below").isTrue();
        }

        @Test
        @DisplayName("TOP-07 (revised) no gaps between systems: a deeply discharged 24 V bank at 17.5 V is low bank "
                + "voltage (A-B08), not E-B09")
        void discharged24VBank_lowBankVoltageNotErrorB09() {
            BankFrame bank24 = Frames.bank(BatteryModel.NG_12V8_100AH, 2, 1);
            Timeline t = Timeline.start(bank24);

            t.hold(Frames.allCellsAt(bank24, 2_187, 2), 40);

            assertThat(t.frame().terminalMillivolts()).isEqualTo(17_496);
            assertThat(t.state().has(Condition.E_B09)).isFalse();
            assertThat(t.state().has(Condition.A_B08)).isTrue();
        }

        @Test
        @DisplayName("CODE-12 an output driven high that reads low is E-B11; it stays until switched off and on")
        void shortedOutput_errorB11Latched() {
            Timeline t = Timeline.start(HEALTHY.withReadback(OutputReadback.of(true, true, false)));

            t.then(HEALTHY.withReadback(OutputReadback.of(true, false, false)));
            assertThat(t.state().has(Condition.E_B11)).isTrue();
            assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
            assertThat(t.events("E-B11").get(0).cause()).contains("Load disconnect output driven high reads low");
            t.hold(HEALTHY.withReadback(OutputReadback.of(false, false, false)), 5);
            assertThat(t.state().has(Condition.E_B11)).as("latched").isTrue();

            t.then(HEALTHY.withRemote(RemoteTerminal.OPEN)).then(HEALTHY.withReadback(OutputReadback.of(true, true,
                    false)));

            assertThat(t.state().has(Condition.E_B11)).isFalse();
            assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
        }

        @Test
        @DisplayName("CODE-12 a failed internal self-test is E-B11")
        void selfTestFails_errorB11() {
            Timeline t = Timeline.start(HEALTHY.withSelfTestPassed(false));

            assertThat(t.state().active().codes()).containsExactly(Condition.E_B11);
            assertThat(t.events("E-B11").get(0).cause()).isEqualTo("internal self-test failed");
        }

        @Test
        @DisplayName("TOP-09 a battery added while running is detected and the bank follows it")
        void batteryAdded_bankFollows() {
            Timeline t = Timeline.start(HEALTHY);

            t.then(two);

            assertThat(t.state().bank()).get().satisfies(b -> {
                assertThat(b.batteryCount()).isEqualTo(2);
                assertThat(b.parallel()).isEqualTo(2);
                assertThat(b.capacityAmpHours()).isEqualTo(200);
            });
            assertThat(t.events("bank")).hasSize(2);
            assertThat(t.events("bank").get(1).cause()).contains("batteries changed", "was 1 battery");
        }

        @Test
        @DisplayName("TOP-09 a battery removed from the chain (chain re-closed) is not a communication loss")
        void batteryRemoved_noCommLoss() {
            Timeline t = Timeline.start(two);

            t.hold(HEALTHY, 15);

            assertThat(t.state().bank()).get().satisfies(b -> assertThat(b.batteryCount()).isEqualTo(1));
            assertThat(t.state().active().codes()).isEmpty();
        }
    }

    @Nested
    class Causes {

        @Test
        @DisplayName("PROT-10 every output change carries its cause: rule, value crossed, threshold, time")
        void outputChange_carriesCause() {
            Timeline t = Timeline.start(HEALTHY).hold(cellAt(3_050), 2);

            List<Event> preAlarm = t.events("PRE_ALARM");
            assertThat(preAlarm).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(Event.Kind.OUTPUT);
                assertThat(e.value()).isEqualTo("HIGH");
                assertThat(e.at()).isEqualTo(Timeline.T0.plusSeconds(1));
                assertThat(e.cause()).contains("W-B01", "lowest cell 3.050 V", "pre-alarm level 3.100 V");
            });
        }

        @Test
        @DisplayName("PROT-10 the Load disconnect opening on a low cell names the flag, the cell and the lead")
        void loadOpens_causeNamesLead() {
            Timeline t = Timeline.start(cellAt(3_000)).hold(cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE), 30);

            Event opened = t.events("ATD").get(t.events("ATD").size() - 1);
            assertThat(opened.value()).isEqualTo("FLOATING");
            assertThat(opened.cause()).contains("A-B01", "2.790 V", "threshold 2.80 V", "30 s lead");
        }

        @Test
        @DisplayName("PROT-10 closing again says what cleared")
        void loadCloses_causeSaysCleared() {
            Timeline t = Timeline.start(HEALTHY).then(HEALTHY.withRemote(RemoteTerminal.OPEN)).then(HEALTHY);

            Event closed = t.events("ATD").get(t.events("ATD").size() - 1);
            assertThat(closed.value()).isEqualTo("HIGH");
            assertThat(closed.cause()).startsWith("REMOTE_OFF cleared: remote on");
        }

        @Test
        @DisplayName("CODE-13 a code is an event of kind code; a state that is not a code (remote off) is a state")
        void eventKinds_codesAndStates() {
            Timeline t = Timeline.start(cellAt(3_000)).then(HEALTHY.withRemote(RemoteTerminal.OPEN));

            assertThat(t.events("W-B01")).first().satisfies(e -> assertThat(e.kind()).isEqualTo(Event.Kind.CODE));
            assertThat(t.events("REMOTE_OFF")).singleElement()
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Event.Kind.STATE));
        }

        @Test
        @DisplayName("a steady tick changes nothing: the same state, without events, which a stepper remembers")
        void steadyTick_sameState() {
            Timeline t = Timeline.start(HEALTHY).tick();
            SteadySteps stepper = new SteadySteps();
            ProtectionState before = t.state();

            ProtectionState steady = stepper.step(RuleSet.NG, before, t.now().plusSeconds(1), t.frame(), t.inputs(),
                    Protection.bankFor(before, t.frame()));
            ProtectionState again = stepper.step(RuleSet.NG, steady, t.now().plusSeconds(2), t.frame(), t.inputs(),
                    Protection.bankFor(steady, t.frame()));

            assertThat(steady).isEqualTo(before);
            assertThat(stepper.remembers(steady)).isTrue();
            assertThat(again).isSameAs(steady);
            assertThat(again.events()).isEmpty();
        }

        @Test
        @DisplayName("PROT-05 a state with the pre-alarm lead running is not remembered as steady: the lead still ends")
        void leadRunning_notRemembered_leadStillEnds() {
            // The pre-alarm rises at 1 s, so the lead ends at 31 s.
            BankFrame low = cellAt(2_790, BatteryFlag.CELL_LOW_VOLTAGE);
            SteadySteps stepper = new SteadySteps();
            Timeline t = Timeline.start(HEALTHY).hold(low, 5);
            ProtectionState state = t.state();
            Instant now = t.now();
            for (int i = 0; i < 26; i++) {
                now = now.plusSeconds(1);
                state = stepper.step(RuleSet.NG, state, now, low, t.inputs(), Protection.bankFor(state, low));
                if (now.isBefore(Timeline.T0.plusSeconds(31))) {
                    assertThat(stepper.remembers(state)).as("at %s", now).isFalse();
                }
            }

            assertThat(state.has(Condition.A_B01)).isTrue();
            assertThat(state.outputs().load()).isEqualTo(FLOATING);
        }

        @Test
        @DisplayName("REM-03 new inputs on the frame a state is steady on are acted on: mode off floats the outputs")
        void steadyState_newInputsSameFrame_actedOn() {
            Timeline t = Timeline.start(HEALTHY).tick().tick();
            SteadySteps stepper = new SteadySteps();
            ProtectionState steady = stepper.step(RuleSet.NG, t.state(), t.now().plusSeconds(1), t.frame(),
                    t.inputs(), Protection.bankFor(t.state(), t.frame()));

            ProtectionState off = stepper.step(RuleSet.NG, steady, t.now().plusSeconds(2), t.frame(),
                    t.inputs().withModeOn(false), Protection.bankFor(steady, t.frame()));

            assertThat(stepper.remembers(steady)).isTrue();
            assertThat(off.has(Condition.MODE_OFF)).isTrue();
            assertThat(off.outputs()).isEqualTo(Outputs.ALL_FLOATING);
        }

        @Test
        @DisplayName("a step earlier than the time a state was found steady evaluates every rule again")
        void stepBeforeSteadyTime_evaluatesTheRules() {
            Timeline t = Timeline.start(HEALTHY).tick().tick();
            SteadySteps stepper = new SteadySteps();
            ProtectionState steady = stepper.step(RuleSet.NG, t.state(), t.now().plusSeconds(1), t.frame(),
                    t.inputs(), Protection.bankFor(t.state(), t.frame()));

            ProtectionState earlier = stepper.step(RuleSet.NG, steady, Timeline.T0, t.frame(), t.inputs(),
                    Protection.bankFor(steady, t.frame()));

            assertThat(stepper.remembers(steady)).isTrue();
            assertThat(earlier).isEqualTo(steady);
        }
    }
}
