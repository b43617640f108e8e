package org.smallbms.core.bms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.event.Event;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.monitor.BalancerStatus;
import org.smallbms.core.monitor.TestBank;
import org.smallbms.core.monitor.TimeRemaining;
import org.smallbms.core.protection.Allowed;
import org.smallbms.core.protection.FirmwarePhase;
import org.smallbms.core.protection.Level;
import org.smallbms.core.settings.Setting;

class BmsTimelineTest {

    static final TestBank BANK = TestBank.ONE_12V_100AH;
    static final BankFrame RESTING = BANK.frame(3_300, 0);
    static final BankFrame LOAD_10A = BANK.frame(3_300, -10_000);

    /** A powered BMS that has seen its bank once. */
    static BmsRun started() {
        BmsRun run = new BmsRun();
        run.step(RESTING);
        assertThat(run.state.protection().bank()).isPresent();
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.HIGH);
        return run;
    }

    /** Discharges at 10 A, one step a second, until the SoC shows {@code permille} or less. */
    static void dischargeUntil(BmsRun run, int permille) {
        for (int i = 0; i < 100_000 && run.state.monitor().socPermille() > permille; i++) {
            run.every(1, 1, LOAD_10A);
        }
        assertThat(run.state.monitor().socPermille()).isLessThanOrEqualTo(permille);
    }

    @Test
    @DisplayName("PROT-06 when the SoC reaches the discharge floor, A-B07 opens the load output in that same step; "
            + "charging stays allowed")
    void step_socReachesFloor_opensLoadOutputInTheSameStep() {
        BmsRun run = started();
        run.accept(new Command.SetSoc(10.5));
        dischargeUntil(run, 100);
        assertThat(run.previous.protection().outputs().load()).isEqualTo(Level.HIGH);
        assertThat(run.previous.protection().has(Condition.A_B07)).isFalse();
        assertThat(run.state.protection().has(Condition.A_B07)).isTrue();
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.FLOATING);
        assertThat(run.state.protection().allowedToDischarge()).isEqualTo(Allowed.NO);
        assertThat(run.state.protection().dischargeReasons())
                .containsExactly("The configured Discharge floor has been reached");
        assertThat(run.state.protection().outputs().charge()).as("ATD, not ATC (PROT-06 decision)")
                .isEqualTo(Level.HIGH);
    }

    @Test
    @DisplayName("PROT-06 PROT-11 the low SoC alarm clears when SoC is set to the floor + 3 points, not below, and "
            + "not within a minute of the cut")
    void setSoc_aboveFloorPlusThree_clearsTheAlarm() {
        BmsRun early = started();
        early.accept(new Command.SetSoc(10));
        early.every(1, 1, RESTING);
        early.accept(new Command.SetSoc(13));
        early.every(1, 1, RESTING);
        assertThat(early.state.protection().has(Condition.A_B07)).as("PROT-11: the cut was 1 s ago").isTrue();

        BmsRun run = started();
        run.accept(new Command.SetSoc(10));
        run.every(1, 1, RESTING);
        assertThat(run.state.protection().has(Condition.A_B07)).isTrue();
        run.every(1, 60, RESTING);
        run.accept(new Command.SetSoc(12.9));
        run.every(1, 1, RESTING);
        assertThat(run.state.protection().has(Condition.A_B07)).isTrue();
        run.accept(new Command.SetSoc(13));
        run.every(1, 1, RESTING);
        assertThat(run.state.protection().has(Condition.A_B07)).isFalse();
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.HIGH);
    }

    @Test
    @DisplayName("PROT-06 a discharge floor of 0 disables the low SoC alarm")
    void step_floorZero_neverRaisesLowSocAlarm() {
        BmsRun run = started();
        run.accept(new Command.ChangeSetting(Setting.DISCHARGE_FLOOR, 0));
        run.accept(new Command.ChangeSetting(Setting.LOW_SOC_WARNING, 0));
        run.accept(new Command.SetSoc(0.5));
        dischargeUntil(run, 0);
        run.every(1, 10, LOAD_10A);
        assertThat(run.events).noneMatch(e -> e.name().equals("A-B07"));
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.HIGH);
    }

    @Test
    @DisplayName("PROT-07 at the low SoC warning level W-B07 raises the pre-alarm; discharge still allowed")
    void step_socReachesWarningLevel_raisesPreAlarm() {
        BmsRun run = started();
        run.accept(new Command.SetSoc(20.3));
        dischargeUntil(run, 200);
        assertThat(run.previous.protection().outputs().preAlarm()).isEqualTo(Level.FLOATING);
        assertThat(run.state.protection().has(Condition.W_B07)).isTrue();
        assertThat(run.state.protection().outputs().preAlarm()).isEqualTo(Level.HIGH);
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.HIGH);
        assertThat(run.state.protection().allowedToDischarge()).isEqualTo(Allowed.PRE_ALARM);
        assertThat(run.state.protection().dischargeReasons()).containsExactly("Low SoC");
    }

    @Test
    @DisplayName("PROT-09 while the SoC is unknown there are no SoC alarms, no time remaining, and the status says "
            + "why")
    void step_socUnknown_noSocAlarmsAndANotice() {
        BmsRun run = started();
        run.every(60, 600, LOAD_10A);
        assertThat(run.events).noneMatch(e -> e.name().equals("A-B07") || e.name().equals("W-B07"));
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.HIGH);
        assertThat(run.state.socPermille()).isEmpty();
        assertThat(run.state.consumedMilliampHours()).isEmpty();
        assertThat(run.state.timeRemaining()).isEqualTo(TimeRemaining.UNKNOWN);
        assertThat(run.state.notices()).containsExactly(BmsState.SOC_UNKNOWN_NOTICE);
        assertThat(BmsState.SOC_UNKNOWN_NOTICE).startsWith("SoC unknown: charge to 100 % or set SoC");

        run.accept(new Command.SetSoc(5));
        run.every(1, 1, LOAD_10A);
        assertThat(run.state.protection().has(Condition.A_B07)).as("known now, so the floor acts").isTrue();
        assertThat(run.state.notices()).isEmpty();
    }

    @Test
    @DisplayName("MON-02 BAL-01 a full charge synchronises, is counted once, and judges the balance")
    void step_fullCharge_synchronisesAndJudgesBalance() {
        BmsRun run = started();
        assertThat(run.state.balancer()).isEqualTo(BalancerStatus.UNKNOWN_SOC);
        BankFrame charged = BANK.frame(3_500, 3_510, 250, 2_000);
        run.every(1, 181, charged);
        assertThat(run.state.socPermille()).contains(1000);
        assertThat(run.state.history().synchronisations()).isEqualTo(1);
        assertThat(run.state.balancer()).isEqualTo(BalancerStatus.BALANCED);
        assertThat(run.events).filteredOn(e -> e.kind() == Event.Kind.MONITOR && e.name().equals("SoC"))
                .hasSize(1);
        run.every(1, 60, BANK.frame(3_300, -5_000));
        assertThat(run.state.balancer()).isEqualTo(BalancerStatus.BALANCED);
        assertThat(run.state.measurement()).get().satisfies(m -> {
            assertThat(m.bankMilliamps()).isEqualTo(-5_000);
            assertThat(m.bankMillivolts()).isEqualTo(13_200);
        });
    }

    @Test
    @DisplayName("UI-01 the status page: SoC, mode, allowed to charge and discharge, voltage, current, power, "
            + "consumed Ah, time remaining")
    void statusPage_duringSteadyDischarge() {
        BmsRun run = started();
        run.accept(new Command.SetSoc(80));
        run.every(1, 120, LOAD_10A);
        BmsState s = run.state;
        assertThat(s.socPermille()).contains(796);
        assertThat(s.settings().modeOn()).isTrue();
        assertThat(s.protection().allowedToCharge()).isEqualTo(Allowed.YES);
        assertThat(s.protection().allowedToDischarge()).isEqualTo(Allowed.YES);
        assertThat(s.measurement()).get().satisfies(m -> {
            assertThat(m.bankMillivolts()).isEqualTo(13_200);
            assertThat(m.bankMilliamps()).isEqualTo(-10_000);
            assertThat(m.milliwatts()).isEqualTo(-132_000);
        });
        // 20 Ah set below full, then 10 A for 120 s: 20.333 Ah.
        assertThat(s.consumedMilliampHours()).contains(-20_333L);
        // 70 % of 100 Ah above the floor less 1200 C, at 10 A.
        assertThat(s.timeRemaining()).isEqualTo(TimeRemaining.of(Duration.ofSeconds(25_080)));
        assertThat(s.notices()).isEmpty();
    }

    @Test
    @DisplayName("MON-01 while Vbat is below the 8 V operating minimum the BMS is off and counts nothing")
    void step_unpowered_countsNothing() {
        BmsRun run = started();
        run.accept(new Command.SetSoc(50));
        run.every(1, 30, LOAD_10A.withTerminalMillivolts(7_000));
        assertThat(run.state.protection().has(Condition.UNPOWERED)).isTrue();
        assertThat(run.state.monitor().consumedMilliampHours()).isEqualTo(-50_000);
        assertThat(run.state.measurement()).isEmpty();
    }

    @Test
    @DisplayName("SET-01 a 24 V bank scales the charged voltage to 28.0 V when it is detected, and says so")
    void step_24VoltBankDetected_scalesChargedVoltage() {
        BmsRun run = new BmsRun();
        run.step(new TestBank(BatteryModel.NG_12V8_200AH, 2, 1, "TF").frame(3_300, 0));
        assertThat(run.state.settings().chargedMillivolts()).isEqualTo(28_000);
        assertThat(run.events).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("chargedVoltage");
            assertThat(e.value()).isEqualTo("28.0 V");
        });
    }

    @Test
    @DisplayName("SET-02 a refused setting through the device answers with the reason and the very same state")
    void handle_refusedSetting_returnsSameState() {
        BmsRun run = started();
        BmsState before = run.state;
        CommandResult result = run.command(new Command.ChangeSetting(Setting.CHARGED_DETECTION_TIME, 60));
        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class, r ->
                assertThat(r.message()).contains("Charged detection time").contains("1..50 min"));
        assertThat(result.state()).isSameAs(before);
        assertThat(run.command(new Command.SetSoc(100.1))).isInstanceOf(CommandResult.Rejected.class);
        assertThat(run.state).isSameAs(before);
    }

    @Test
    @DisplayName("SET-03 UI-04 reset to defaults through the device restores the five and reports each change")
    void handle_resetToDefaults_reportsEachRestoredSetting() {
        BmsRun run = started();
        run.accept(new Command.ChangeSetting(Setting.TAIL_CURRENT, 20));
        run.accept(new Command.ChangeSetting(Setting.PRE_ALARM_LEVEL, 3_000));
        run.accept(new Command.ResetToDefaults());
        assertThat(run.state.settings().tailCurrentPermille()).isEqualTo(40);
        assertThat(run.state.settings().preAlarmCellMillivolts()).isEqualTo(3_000);
        assertThat(run.state.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("tailCurrent");
            assertThat(e.value()).isEqualTo("4.0 %");
        });
    }

    @Test
    @DisplayName("REM-03 Mode off from the app switches every output off at the next step and is persisted")
    void handle_modeOff_floatsAllOutputs() {
        BmsRun run = started();
        run.accept(new Command.SetMode(false));
        run.every(1, 1, RESTING);
        assertThat(run.state.protection().has(Condition.MODE_OFF)).isTrue();
        assertThat(run.state.protection().outputs().charge()).isEqualTo(Level.FLOATING);
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.FLOATING);
        assertThat(run.state.persisted().settings().modeOn()).isFalse();
    }

    @Test
    @DisplayName("FW-01 a firmware update through the device opens the charge output; finishing is refused when "
            + "none runs")
    void handle_firmwareUpdate() {
        BmsRun run = started();
        assertThat(run.command(new Command.FinishFirmwareUpdate(true, "done")))
                .isInstanceOf(CommandResult.Rejected.class);
        run.accept(new Command.StartFirmwareUpdate(FirmwareImage.signed(Bms.DEVICE_MODEL, "v1.2", new byte[] {1})));
        assertThat(run.state.protection().firmware()).isEqualTo(FirmwarePhase.UPDATING);
        assertThat(run.command(new Command.StartFirmwareUpdate(FirmwareImage.signed(Bms.DEVICE_MODEL, "v1.3",
                new byte[] {2})))).isInstanceOf(CommandResult.Rejected.class);
        run.every(1, 1, RESTING);
        assertThat(run.state.protection().outputs().charge()).isEqualTo(Level.FLOATING);
        assertThat(run.state.protection().outputs().load()).isEqualTo(Level.HIGH);
        run.accept(new Command.FinishFirmwareUpdate(true, "v1.2 applied"));
        run.every(1, 1, RESTING);
        assertThat(run.state.protection().outputs().charge()).isEqualTo(Level.HIGH);
    }

    @Test
    @DisplayName("MON-07 after a restart the SoC, history and settings continue; the time the BMS was off is not "
            + "counted")
    void restore_afterAnHourOff_continuesWithoutCountingTheGap() {
        BmsRun run = started();
        run.accept(new Command.SetSoc(50));
        run.accept(new Command.ChangeSetting(Setting.DISCHARGE_FLOOR, 15));
        run.every(1, 60, LOAD_10A);
        PersistedState saved = run.state.persisted();
        int socAtStop = run.state.monitor().socPermille();

        Instant later = run.now.plus(Duration.ofHours(1));
        BmsState restored = Bms.restore(saved, later);
        assertThat(restored.events()).singleElement().satisfies(e -> assertThat(e.cause()).contains("restored"));
        assertThat(restored.persisted()).isEqualTo(saved);
        BmsState first = Bms.step(restored, later, LOAD_10A);
        assertThat(first.monitor().socPermille()).isEqualTo(socAtStop);
        assertThat(first.settings().dischargeFloorPercent()).isEqualTo(15);
        assertThat(first.protection().outputs().load()).isEqualTo(Level.HIGH);
        BmsState second = Bms.step(first, later.plusSeconds(36), LOAD_10A);
        assertThat(second.monitor().consumedMilliampHours())
                .isEqualTo(first.monitor().consumedMilliampHours() - 100);
        assertThat(Optional.of(second.timeRemaining().kind())).contains(TimeRemaining.Kind.FINITE);
    }
}
