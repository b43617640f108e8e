package org.smallbms.core.bms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.bank.BankFrame;
import org.smallbms.core.bank.BatteryModel;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.history.History;
import org.smallbms.core.settings.Setting;
import org.smallbms.core.testing.Frames;

/** The classic smallBMS as a whole device: its protection and nothing else (CLS-04). */
class ClassicBmsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final BankFrame BANK = Frames.bank(BatteryModel.SMART_12V8_100AH, 1, 1);

    private static BmsState running() {
        BmsState state = Bms.initial(DeviceProfile.CLASSIC);
        for (int i = 0; i < 10; i++) {
            state = Bms.step(state, T0.plusSeconds(i), BANK);
        }
        return state;
    }

    @Test
    @DisplayName("CLS-04 no SoC and no history: the classic measures nothing, counts nothing, keeps no history")
    void noSocNoHistory() {
        BmsState state = running();

        assertThat(state.profile()).isEqualTo(DeviceProfile.CLASSIC);
        assertThat(state.socKnown()).isFalse();
        assertThat(state.measurement()).isEmpty();
        assertThat(state.history()).isEqualTo(History.EMPTY);
        assertThat(state.protection().outputs().load().isHigh()).isTrue();
        assertThat(state.protection().outputs().charge().isHigh()).isTrue();
    }

    @Test
    @DisplayName("CLS-04 the classic refuses what it does not have: settings, SoC, history, firmware updates; nothing "
            + "changes")
    void refusesWhatItDoesNotHave() {
        BmsState state = running();
        List<Command> commands = List.of(new Command.ChangeSetting(Setting.DISCHARGE_FLOOR, 20),
                new Command.SetMode(false), new Command.ResetToDefaults(), new Command.SetSoc(50),
                new Command.Synchronise(), new Command.ResetHistory(),
                new Command.StartFirmwareUpdate(FirmwareImage.signed(Bms.DEVICE_MODEL, "v1.2", new byte[] {1})));

        for (Command command : commands) {
            CommandResult result = Bms.handle(state, T0.plusSeconds(11), command);

            assertThat(result).as(command.toString()).isInstanceOf(CommandResult.Rejected.class);
            assertThat(result.state()).isSameAs(state);
            assertThat(((CommandResult.Rejected) result).message()).startsWith("The smallBMS with pre-alarm has no ")
                    .endsWith("Nothing was changed.");
        }
    }

    @Test
    @DisplayName("OUT-02 OUT-03 CLS-04 the profiles carry the manuals' figures: outputs, consumption, features")
    void profilesCarryTheFigures() {
        DeviceProfile.Ratings classic = DeviceProfile.CLASSIC.ratings();
        assertThat(classic.load()).isEqualTo(new DeviceProfile.Rating(1_000, false));
        assertThat(classic.charge()).isEqualTo(new DeviceProfile.Rating(10, true));
        assertThat(classic.preAlarm()).isEqualTo(new DeviceProfile.Rating(1_000, false));
        assertThat(DeviceProfile.CLASSIC.consumption()).isEqualTo(new DeviceProfile.Consumption(2_200, 1_200, 1_200));
        DeviceProfile.Ratings ng = DeviceProfile.NG.ratings();
        assertThat(ng.charge()).isEqualTo(new DeviceProfile.Rating(500, false));
        assertThat(ng.preAlarm()).isEqualTo(new DeviceProfile.Rating(500, false));
        assertThat(DeviceProfile.NG.consumption()).isEqualTo(new DeviceProfile.Consumption(3_000, 1_200, 1_200));
        for (DeviceProfile.Feature feature : DeviceProfile.Feature.values()) {
            assertThat(DeviceProfile.NG.has(feature)).isTrue();
            assertThat(DeviceProfile.CLASSIC.has(feature)).isFalse();
        }
        assertThat(DeviceProfile.byKey("Classic")).contains(DeviceProfile.CLASSIC);
        assertThat(DeviceProfile.byKey("ng")).contains(DeviceProfile.NG);
    }
}
