package org.smallbms.core.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smallbms.core.protection.Level.FLOATING;
import static org.smallbms.core.protection.Level.HIGH;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.smallbms.core.codes.Condition;
import org.smallbms.core.firmware.FirmwareImage;
import org.smallbms.core.testing.Frames;
import org.smallbms.core.testing.Timeline;

class FirmwareUpdateTest {

    private static final String TARGET = "smallBMS NG";
    private static final FirmwareImage GOOD = FirmwareImage.signed(TARGET, "v1.12",
            "firmware payload".getBytes(StandardCharsets.UTF_8));

    private static Timeline running() {
        return Timeline.start(Frames.single()).tick();
    }

    @Test
    @DisplayName("FW-01 during an update the Charge disconnect opens and the Load disconnect stays high")
    void updating_chargeOpensLoadStays() {
        Timeline t = running();

        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), GOOD, TARGET));
        t.tick();

        assertThat(t.state().firmware()).isEqualTo(FirmwarePhase.UPDATING);
        assertThat(t.state().outputs()).isEqualTo(new Outputs(FLOATING, HIGH, FLOATING));
        assertThat(t.state().chargeReasons()).containsExactly("Firmware update in progress");
    }

    @Test
    @DisplayName("FW-01 after a successful update the Charge disconnect closes again")
    void applied_chargeCloses() {
        Timeline t = running();
        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), GOOD, TARGET));
        t.hold(Frames.single(), 20);

        t.state(Protection.finishFirmwareUpdate(t.state(), t.now(), true, "v1.12 applied"));
        t.tick();

        assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
    }

    @Test
    @DisplayName("FW-02 after a failed update the Load disconnect opens 120 s after the failure")
    void failed_loadOpensAfterGrace() {
        Timeline t = running();
        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), GOOD, TARGET));
        t.tick();
        t.state(Protection.finishFirmwareUpdate(t.state(), t.now(), false, "transfer interrupted"));
        long failedAt = t.seconds();

        t.hold(Frames.single(), 119);
        assertThat(t.state().outputs().load()).isEqualTo(HIGH);
        t.tick();

        assertThat(t.seconds() - failedAt).isEqualTo(120);
        assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
        assertThat(t.state().has(Condition.FIRMWARE_FAILED)).isTrue();
    }

    @Test
    @DisplayName("FW-02 a retry that succeeds within 120 s keeps the Load disconnect high")
    void retrySucceeds_loadStaysHigh() {
        Timeline t = running();
        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), GOOD, TARGET));
        t.state(Protection.finishFirmwareUpdate(t.state(), t.now(), false, "transfer interrupted"));
        t.hold(Frames.single(), 60);
        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), GOOD, TARGET));
        t.hold(Frames.single(), 30);

        t.state(Protection.finishFirmwareUpdate(t.state(), t.now(), true, "v1.12 applied"));
        t.hold(Frames.single(), 60);

        assertThat(t.events("ATD")).hasSize(1);
        assertThat(t.state().outputs()).isEqualTo(new Outputs(HIGH, HIGH, FLOATING));
    }

    @Test
    @DisplayName("FW-02 a retry still running when 120 s have passed since the first failure does not stop the clock")
    void retryStillRunning_loadOpensAtGrace() {
        Timeline t = running();
        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), GOOD, TARGET));
        t.state(Protection.finishFirmwareUpdate(t.state(), t.now(), false, "transfer interrupted"));
        t.hold(Frames.single(), 100);
        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), GOOD, TARGET));

        t.hold(Frames.single(), 20);

        assertThat(t.state().outputs().load()).isEqualTo(FLOATING);
    }

    @Test
    @DisplayName("FW-03 a corrupt image fails the update before anything is applied")
    void corruptImage_fails() {
        byte[] payload = "firmware payload".getBytes(StandardCharsets.UTF_8);
        FirmwareImage corrupt = new FirmwareImage(TARGET, "v1.12", payload, new byte[32]);
        Timeline t = running();

        t.state(Protection.startFirmwareUpdate(t.state(), t.now(), corrupt, TARGET));

        assertThat(t.state().firmware()).isEqualTo(FirmwarePhase.FAILED);
        assertThat(t.events("firmware").get(0).cause()).contains("checksum mismatch");
    }

    @Test
    @DisplayName("FW-03 an image for another model fails the update")
    void wrongModel_fails() {
        FirmwareImage other = FirmwareImage.signed("Lynx Smart BMS", "v1.12", new byte[] {1, 2, 3});

        assertThat(other.problem(TARGET)).contains("the image is for a Lynx Smart BMS, this device is a smallBMS NG");
        assertThat(GOOD.problem(TARGET)).isEmpty();
    }

    @Test
    @DisplayName("finishing an update that was never started is a programming error")
    void finishWithoutStart_throws() {
        Timeline t = running();

        assertThatThrownBy(() -> Protection.finishFirmwareUpdate(t.state(), t.now(), true, "x"))
                .isInstanceOf(IllegalStateException.class);
    }
}
