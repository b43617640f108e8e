package org.smallbms.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bms.BmsRun;
import org.smallbms.core.bms.BmsState;
import org.smallbms.core.bms.Command;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.monitor.TestBank;
import org.smallbms.core.settings.Setting;

class HistoryTest {

    static final TestBank BANK = TestBank.ONE_12V_100AH;

    static BmsRun started() {
        BmsRun run = new BmsRun();
        run.step(BANK.frame(3_300, 0));
        return run;
    }

    @Test
    @DisplayName("HIST-01 a full charge and an hour at 10 A fill every figure of the history page")
    void history_fullChargeThenAnHourAt10Amps() {
        BmsRun run = started();
        run.every(1, 181, BANK.frame(3_500, 2_000));
        Instant fullCharge = run.now;
        run.every(10, 360, BANK.frame(3_290, 3_310, 180, -10_000));
        History h = run.state.history();

        assertThat(h.synchronisations()).isEqualTo(1);
        assertThat(h.lastFullChargeAt()).isEqualTo(fullCharge);
        assertThat(h.sinceLastFullCharge(run.now)).contains(Duration.ofHours(1));
        assertThat(h.deepestDischargeMilliampHours()).isEqualTo(-10_000);
        assertThat(h.drawnMilliampHours()).isEqualTo(10_000);
        // 13.18 V × 10 A for an hour is 131.8 Wh; 14.0 V × 2 A for 181 s is 1.4 Wh.
        assertThat(h.dischargedMicrojoules()).isEqualTo(13_180L * 10_000 * 3_600_000 / 1000);
        assertThat(h.dischargedWattHours()).isEqualTo(131);
        assertThat(h.chargedMicrojoules()).isEqualTo(14_000L * 2_000 * 181_000 / 1000);
        assertThat(h.batteryMillivolts()).isEqualTo(new Span(13_180, 14_000));
        assertThat(h.cellMillivolts()).isEqualTo(new Span(3_290, 3_500));
        assertThat(h.batteryDeciCelsius()).isEqualTo(new Span(180, 250));
        assertThat(h.cycles()).isZero();
        assertThat(h.lastErrors()).isEmpty();
    }

    @Test
    @DisplayName("HIST-01 the last errors are listed with their times, most recent first, the last four")
    void history_lastErrors_mostRecentFirstBoundedToFour() {
        BmsRun run = started();
        BankFrame ok = BANK.frame(3_300, 0);
        BankFrame chainOpen = ok.withChain(1, false);
        for (int i = 0; i < 5; i++) {
            run.every(1, 10, chainOpen);
            run.every(1, 10, ok);
        }
        run.every(10, 1, ok.withTerminalMillivolts(20_000));
        Instant last = run.now;
        List<LoggedError> errors = run.state.history().lastErrors();
        assertThat(errors).hasSize(History.MAX_ERRORS);
        assertThat(errors.get(0)).isEqualTo(new LoggedError(last, Condition.E_B09));
        // E-B05 comes 5 s into each open spell (TOP-06), one spell every 20 s.
        assertThat(errors.subList(1, 4)).extracting(LoggedError::condition).containsOnly(Condition.E_B05);
        assertThat(java.time.Duration.between(errors.get(2).at(), errors.get(1).at())).hasSeconds(20);
        assertThat(java.time.Duration.between(errors.get(3).at(), errors.get(1).at())).hasSeconds(40);
    }

    @Test
    @DisplayName("HIST-02 a cycle counts when SoC has fallen below 65 % and then rises above 90 %")
    void history_cycleRule() {
        BmsRun run = started();
        run.accept(new Command.SetSoc(70));
        BankFrame discharge = BANK.frame(3_300, -50_000);
        BankFrame charge = BANK.frame(3_300, 50_000);
        while (run.state.monitor().socPermille() >= 650) {
            run.every(10, 1, discharge);
        }
        while (run.state.monitor().socPermille() <= 900) {
            run.every(10, 1, charge);
            if (run.state.monitor().socPermille() <= 900) {
                assertThat(run.state.history().cycles()).isZero();
            }
        }
        assertThat(run.state.history().cycles()).isEqualTo(1);

        // Down to 70 % and back up: never below 65 %, so no cycle.
        while (run.state.monitor().socPermille() > 700) {
            run.every(10, 1, discharge);
        }
        while (run.state.monitor().socPermille() <= 950) {
            run.every(10, 1, charge);
        }
        assertThat(run.state.history().cycles()).isEqualTo(1);
    }

    @Test
    @DisplayName("HIST-03 UI-03 reset history clears the history and leaves settings and SoC as they were")
    void resetHistory_touchesNothingElse() {
        BmsRun run = started();
        run.accept(new Command.ChangeSetting(Setting.TAIL_CURRENT, 20));
        run.accept(new Command.SetSoc(80));
        run.every(10, 60, BANK.frame(3_300, -20_000));
        BmsState before = run.state;
        assertThat(before.history()).isNotEqualTo(History.EMPTY);

        run.accept(new Command.ResetHistory());
        assertThat(run.state.history()).isEqualTo(History.EMPTY);
        assertThat(run.state.settings()).isEqualTo(before.settings());
        assertThat(run.state.monitor()).isEqualTo(before.monitor());
        assertThat(run.state.protection()).isEqualTo(before.protection());
        assertThat(run.state.events()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("history"));
    }
}
