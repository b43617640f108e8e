package org.smallbms.app.vedirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.app.runtime.Request;
import org.smallbms.core.bms.Command;
import org.smallbms.core.settings.Setting;

/** One HEX conversation over a device whose commands the core applies at once. */
class HexSessionTest {

    private final FakePort device = new FakePort();
    private final HexSession session = new HexSession(device::latest, device::submit, Duration.ofSeconds(5), "test");

    private String answer(String line) {
        return session.answer(line).map(HexFrame::encode).orElse("");
    }

    private static String frame(int command, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new HexFrame(command, data).encode();
    }

    private int setting(Setting setting) {
        return device.latest().bms().settings().get(setting);
    }

    @Test
    @DisplayName("VE.Direct HEX: ping answers 'ping' with the application version 1.10 (0x4110)")
    void ping_answersApplicationVersion() {
        assertThat(answer(":154")).isEqualTo(frame(5, 0x10, 0x41));
    }

    @Test
    @DisplayName("VE.Direct HEX: application version and product id (0xA3E7, the smallBMS NG) answer 'done'")
    void versionAndProductId_answerDone() {
        assertThat(answer(":352")).isEqualTo(frame(1, 0x10, 0x41));
        assertThat(answer(":451")).isEqualTo(frame(1, 0xE7, 0xA3));
    }

    @Test
    @DisplayName("VE.Direct HEX: get product id (0x0100) is laid out as the MPPT's golden answer: 0, the PID, 0xFF")
    void getProductIdRegister_laidOutAsTheGoldenAnswer() {
        assertThat(answer(":70001004D")).isEqualTo(frame(7, 0x00, 0x01, 0x00, 0x00, 0xE7, 0xA3, 0xFF));
    }

    @Test
    @DisplayName("VE.Direct HEX: get model name (0x010B) answers its text; get of a command answers flag 0x02")
    void getModelNameAndCommand() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[] {0x0B, 0x01, 0x00});
        data.writeBytes("smallBMS NG".getBytes(StandardCharsets.US_ASCII));
        assertThat(answer(":70B010042")).isEqualTo(new HexFrame(7, data.toByteArray()).encode());
        assertThat(answer(frame(7, 0x2C, 0x10, 0x00).strip())).isEqualTo(frame(7, 0x2C, 0x10, 0x02));
    }

    @Test
    @DisplayName("VE.Direct HEX: the golden unknown-register pair: get 0x7777 answers flags 0x01")
    void getUnknownRegister_answersUnknownIdFlag() {
        assertThat(answer(":777770060")).isEqualTo(":77777015F\n");
    }

    @Test
    @DisplayName("SET-01 VE.Direct HEX: get charged voltage (0x1001) answers 14.0 V as 140 in 0.1 V")
    void getChargedVoltage_answersTenthsOfVolts() {
        assertThat(answer(frame(7, 0x01, 0x10, 0x00).strip())).isEqualTo(frame(7, 0x01, 0x10, 0x00, 140, 0));
    }

    @Test
    @DisplayName("MON-05 VE.Direct HEX: while the SoC is unknown, SoC (0x0FFF) and consumed Ah answer 'not available'")
    void getSoc_whileUnknown_answersNotAvailable() {
        assertThat(device.latest().bms().socKnown()).isFalse();
        assertThat(answer(frame(7, 0xFF, 0x0F, 0x00).strip())).isEqualTo(frame(7, 0xFF, 0x0F, 0x00, 0xFF, 0xFF));
        assertThat(answer(frame(7, 0xFF, 0xEE, 0x00).strip()))
                .isEqualTo(frame(7, 0xFF, 0xEE, 0x00, 0xFF, 0xFF, 0xFF, 0x7F));
    }

    @Test
    @DisplayName("SET-01 VE.Direct HEX: set charged voltage to 14.2 V is accepted and answered with the stored value")
    void setChargedVoltage_inRange_isStored() {
        assertThat(answer(frame(8, 0x01, 0x10, 0x00, 142, 0).strip())).isEqualTo(frame(8, 0x01, 0x10, 0x00, 142, 0));
        assertThat(setting(Setting.CHARGED_VOLTAGE)).isEqualTo(14_200);
    }

    @Test
    @DisplayName("SET-02 VE.Direct HEX: set charged voltage to 15.0 V is refused with flag 0x04 and the nearest valid "
            + "value, 14.6 V; nothing changes")
    void setChargedVoltage_outOfRange_parameterErrorNearestValue() {
        assertThat(answer(frame(8, 0x01, 0x10, 0x00, 150, 0).strip())).isEqualTo(frame(8, 0x01, 0x10, 0x04, 146, 0));
        assertThat(setting(Setting.CHARGED_VOLTAGE)).isEqualTo(14_000);
        assertThat(answer(frame(7, 0x01, 0x10, 0x00).strip())).isEqualTo(frame(7, 0x01, 0x10, 0x00, 140, 0));
    }

    @Test
    @DisplayName("SET-02 VE.Direct HEX: a discharge floor of 15.5 % is off the 1 % step: flag 0x04, nothing changes")
    void setDischargeFloor_offStep_parameterError() {
        assertThat(answer(frame(8, 0x08, 0x10, 0x00, 155, 0).strip())).isEqualTo(frame(8, 0x08, 0x10, 0x04, 160, 0));
        assertThat(setting(Setting.DISCHARGE_FLOOR)).isEqualTo(10);
    }

    @Test
    @DisplayName("SET-01 VE.Direct HEX: the BMS minimum SoC (0x210B) is the discharge floor, in 0.1 %")
    void setMinimumSoc_changesDischargeFloor() {
        assertThat(answer(frame(8, 0x0B, 0x21, 0x00, 150, 0).strip())).isEqualTo(frame(8, 0x0B, 0x21, 0x00, 150, 0));
        assertThat(setting(Setting.DISCHARGE_FLOOR)).isEqualTo(15);
        assertThat(answer(frame(7, 0x08, 0x10, 0x00).strip())).isEqualTo(frame(7, 0x08, 0x10, 0x00, 150, 0));
    }

    @Test
    @DisplayName("VE.Direct HEX: a set of a read-only register (battery capacity) answers flag 0x02 and asks nothing")
    void setReadOnly_notSupportedFlag() {
        assertThat(answer(":8001000F40148")).startsWith(":8001002");
        assertThat(device.requests()).isEmpty();
    }

    @Test
    @DisplayName("VE.Direct HEX: a set of an unknown register answers flag 0x01 and asks nothing")
    void setUnknown_unknownIdFlag() {
        assertThat(answer(frame(8, 0x77, 0x77, 0x00, 1).strip())).isEqualTo(frame(8, 0x77, 0x77, 0x01, 1));
        assertThat(device.requests()).isEmpty();
    }

    @Test
    @DisplayName("MON-05 HIST-03 SET-03 VE.Direct HEX: synchronise, clear history and restore defaults are the core's "
            + "commands")
    void commands_goToTheCore() {
        session.answer(frame(8, 0x2C, 0x10, 0x00, 1).strip());
        assertThat(answer(frame(8, 0x30, 0x10, 0x00, 1).strip())).isEqualTo(frame(8, 0x30, 0x10, 0x00, 1));
        session.answer(frame(8, 0x01, 0x10, 0x00, 142, 0).strip());
        assertThat(answer(frame(8, 0x04, 0x00, 0x00, 1).strip())).isEqualTo(frame(8, 0x04, 0x00, 0x00, 1));

        assertThat(device.requests()).extracting(r -> (Object) ((Request.ToBms) r).command().getClass())
                .containsExactly(Command.Synchronise.class, Command.ResetHistory.class, Command.ChangeSetting.class,
                        Command.ResetToDefaults.class);
        assertThat(setting(Setting.CHARGED_VOLTAGE)).isEqualTo(14_000);
    }

    @Test
    @DisplayName("VE.Direct HEX: a wrong checksum or a malformed frame answers the framing error 0xAAAA and changes "
            + "nothing")
    void badFrames_framingErrorNothingChanged() {
        String goodSet = frame(8, 0x01, 0x10, 0x00, 142, 0).strip();
        String wrongCheck = goodSet.substring(0, goodSet.length() - 2) + "00";

        assertThat(answer(wrongCheck)).isEqualTo(":4AAAAFD\n");
        assertThat(answer(":8011")).isEqualTo(":4AAAAFD\n");
        assertThat(answer(":" + "F".repeat(200))).isEqualTo(":4AAAAFD\n");
        assertThat(device.requests()).isEmpty();
        assertThat(setting(Setting.CHARGED_VOLTAGE)).isEqualTo(14_000);
    }

    @Test
    @DisplayName("VE.Direct HEX: an unknown command answers 'unknown' with it; restart and a client's async get none")
    void unknownCommand_answersUnknown() {
        assertThat(answer(frame(2).strip())).isEqualTo(frame(3, 2));
        assertThat(session.answer(":64F")).isEmpty();
        assertThat(session.answer(frame(0xA, 0x01, 0x10, 0x00, 140, 0).strip())).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("VE.Direct HEX: a change is sent once as an async message; nothing before the first change")
    void changes_sentOnceAsAsync() {
        assertThat(session.changes(device.latest())).isEmpty();
        session.answer(frame(8, 0x08, 0x10, 0x00, 200, 0).strip());

        assertThat(session.changes(device.latest())).extracting(HexFrame::encode)
                .contains(frame(0xA, 0x08, 0x10, 0x00, 200, 0), frame(0xA, 0x0B, 0x21, 0x00, 200, 0));
        assertThat(session.changes(device.latest())).isEmpty();
    }
}
