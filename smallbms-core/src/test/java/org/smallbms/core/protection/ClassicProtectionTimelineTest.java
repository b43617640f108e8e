package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryFlag;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.bank.BatteryReading;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.event.Event;
import org.smallbms.core.remote.RemoteTerminal;
import org.smallbms.core.testing.Frames;
import org.smallbms.core.testing.Timeline;

/**
 * The classic smallBMS with pre-alarm as its manual tells it, second by second: the Lithium Battery Smart batteries
 * decide with the levels set in them and signal; the BMS switches its outputs on those signals (CLS-02), with the
 * same remote on/off and the pre-alarm's 30 s lead (CLS-03).
 */
class ClassicProtectionTimelineTest {

    private static final BankFrame HEALTHY = Frames.bank(BatteryModel.SMART_12V8_100AH, 1, 2);

    private static BankFrame signalling(BankFrame frame, int battery, BatteryFlag... flags) {
        return Frames.replace(frame, battery, Frames.withFlags(frame.batteries().get(battery), flags));
    }

    private static BankFrame withRemote(BankFrame frame, RemoteTerminal remote) {
        return new BankFrame(frame.batteries(), frame.chainNodes(), frame.chainClosed(), frame.terminalMillivolts(),
                remote, frame.readback(), frame.selfTestPassed());
    }

    private static Timeline classic(BankFrame frame) {
        return Timeline.start(RuleSet.CLASSIC, frame);
    }

    @Test
    @DisplayName("CLS-02 healthy batteries: Load and Charge disconnect high, pre-alarm floating, no bank, no codes")
    void healthy_outputsHigh() {
        Timeline t = classic(HEALTHY).hold(HEALTHY, 5);

        assertThat(t.state().outputs()).isEqualTo(Outputs.of(true, true, false));
        assertThat(t.state().active().isEmpty()).isTrue();
        assertThat(t.state().bank()).isEmpty();
        assertThat(t.events()).noneMatch(e -> e.kind() == Event.Kind.BANK || e.kind() == Event.Kind.CODE);
    }

    @Test
    @DisplayName("CLS-02 CLS-03 a battery's pre-alarm signal raises the pre-alarm; its low cell signal opens the Load "
            + "disconnect 30 s after the pre-alarm went high, not before")
    void preAlarmThenLoadDisconnect_afterTheLead() {
        Timeline t = classic(HEALTHY).hold(HEALTHY, 3);

        t.then(signalling(HEALTHY, 1, BatteryFlag.CELL_PRE_ALARM));
        long preAlarmAt = t.seconds();
        assertThat(t.state().outputs().preAlarm().isHigh()).isTrue();
        assertThat(t.state().outputs().load().isHigh()).isTrue();
        assertThat(t.state().allowedToDischarge()).isEqualTo(Allowed.PRE_ALARM);

        BankFrame low = signalling(HEALTHY, 1, BatteryFlag.CELL_PRE_ALARM, BatteryFlag.CELL_LOW_VOLTAGE);
        t.hold(low, 10);
        assertThat(t.state().outputs().load().isHigh()).as("10 s into the pre-alarm").isTrue();
        t.hold(low, 19);
        assertThat(t.state().outputs().load().isHigh()).as("29 s into the pre-alarm").isTrue();
        t.then(low);

        assertThat(t.seconds() - preAlarmAt).isEqualTo(30);
        assertThat(t.state().outputs().load().isHigh()).as("30 s into the pre-alarm").isFalse();
        assertThat(t.state().has(Condition.CELL_UNDERVOLTAGE)).isTrue();
        assertThat(t.state().outputs().charge().isHigh()).as("charging stays allowed").isTrue();
        assertThat(t.state().outputs().preAlarm().isHigh()).as("PROT-12: low-consumption state").isFalse();
        List<Event> atd = t.events("ATD");
        Event opened = atd.get(atd.size() - 1);
        assertThat(opened.value()).isEqualTo("FLOATING");
        assertThat(opened.cause()).contains("battery HQ00000002 signals cell undervoltage").contains("30 s lead");
    }

    @Test
    @DisplayName("CLS-03 a battery that signals low cell voltage at once still gives the loads their 30 s warning")
    void suddenLowCell_stillThirtySecondsOfPreAlarm() {
        Timeline t = classic(HEALTHY).hold(HEALTHY, 3);
        BankFrame low = signalling(HEALTHY, 0, BatteryFlag.CELL_LOW_VOLTAGE);

        t.then(low);
        long since = t.seconds();
        assertThat(t.state().outputs().preAlarm().isHigh()).isTrue();
        while (t.state().outputs().load().isHigh()) {
            t.then(low);
        }

        assertThat(t.seconds() - since).isEqualTo(30);
    }

    @Test
    @DisplayName("CLS-02 the battery decides: a low cell that the battery does not signal changes nothing")
    void unsignalledLowCell_changesNothing() {
        BankFrame lowButSilentFlags = Frames.replace(HEALTHY, 0,
                Frames.withCell(HEALTHY.batteries().get(0), 2, 2_300));

        Timeline t = classic(HEALTHY).hold(lowButSilentFlags, 60);

        assertThat(t.state().outputs()).isEqualTo(Outputs.of(true, true, false));
    }

    @Test
    @DisplayName("CLS-02 cell overvoltage, under 5 °C and over 50 °C, signalled by a battery, each open the Charge "
            + "disconnect at once and leave the loads on")
    void chargeSignals_openChargeDisconnect() {
        for (BatteryFlag flag : List.of(BatteryFlag.CELL_HIGH_VOLTAGE, BatteryFlag.CHARGE_LOW_TEMPERATURE,
                BatteryFlag.CHARGE_HIGH_TEMPERATURE)) {
            Timeline t = classic(HEALTHY).hold(HEALTHY, 2);

            t.then(signalling(HEALTHY, 0, flag));
            assertThat(t.state().outputs().charge().isHigh()).as(flag.name()).isFalse();
            assertThat(t.state().outputs().load().isHigh()).as(flag.name()).isTrue();
            assertThat(t.state().chargeReasons()).as(flag.name()).hasSize(1);

            t.then(HEALTHY);
            assertThat(t.state().outputs().charge().isHigh()).as(flag.name() + " cleared").isTrue();
        }
    }

    @Test
    @DisplayName("CLS-03 REM-01 REM-02 remote off floats all three outputs; remote on restores them")
    void remoteOff_allFloat() {
        Timeline t = classic(HEALTHY).hold(signalling(HEALTHY, 0, BatteryFlag.CELL_PRE_ALARM), 3);
        assertThat(t.state().outputs().preAlarm().isHigh()).isTrue();

        t.then(withRemote(signalling(HEALTHY, 0, BatteryFlag.CELL_PRE_ALARM), RemoteTerminal.OPEN));
        assertThat(t.state().outputs()).isEqualTo(Outputs.ALL_FLOATING);
        assertThat(t.state().has(Condition.REMOTE_OFF)).isTrue();

        t.then(withRemote(HEALTHY, RemoteTerminal.lAt(0)));
        assertThat(t.state().outputs()).isEqualTo(Outputs.of(true, true, false));
    }

    @Test
    @DisplayName("CLS-02 an open BMS cable loop or a battery that stops signalling opens both outputs at once")
    void lostSignal_opensBoth() {
        BankFrame open = new BankFrame(HEALTHY.batteries(), 2, false, HEALTHY.terminalMillivolts(),
                RemoteTerminal.WIRE_LOOP, HEALTHY.readback(), true);
        Timeline t = classic(HEALTHY).hold(HEALTHY, 2);

        t.then(open);
        assertThat(t.state().outputs().charge().isHigh()).isFalse();
        assertThat(t.state().outputs().load().isHigh()).isFalse();
        assertThat(t.state().has(Condition.SIGNAL_LOST)).isTrue();
        t.then(HEALTHY);
        assertThat(t.state().outputs()).isEqualTo(Outputs.of(true, true, false));

        t.then(Frames.withSilent(HEALTHY, 1));
        assertThat(t.state().has(Condition.SIGNAL_LOST)).isTrue();
        List<Event> lost = t.events("SIGNAL_LOST");
        assertThat(lost.get(lost.size() - 1).cause()).contains("1 of 2 batteries");
    }

    @Test
    @DisplayName("CLS-04 the classic's conditions are states, never codes: nothing it raises is a W-, A- or E- code")
    void classicRaisesNoCodes() {
        BankFrame everything = signalling(HEALTHY, 0, BatteryFlag.values());
        Timeline t = classic(HEALTHY).hold(everything, 40).then(Frames.withSilent(HEALTHY, 2));

        assertThat(t.events()).noneMatch(e -> e.kind() == Event.Kind.CODE);
        for (BatteryReading battery : everything.batteries()) {
            assertThat(battery.model().family()).isEqualTo(org.smallbms.core.bank.BatteryFamily.LITHIUM_BATTERY_SMART);
        }
    }
}
