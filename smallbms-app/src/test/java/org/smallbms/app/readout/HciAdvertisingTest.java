package org.smallbms.app.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HciAdvertisingTest {

    @Test
    @DisplayName("IR-01 the LE Set Advertising Data command for the generated vector G1: opcode 0x2008, 31 bytes of "
            + "flags and Victron's manufacturer data, as the ESP32 capture of vector 1.1 lays them out")
    void setAdvertisingData_g1() {
        String g1 = "1000e7a30a3412a158276d809e600cf0978d942957bf49b0";

        byte[] packet = HciAdvertising.setAdvertisingData(HexFormat.of().parseHex(g1));

        assertThat(HexFormat.of().formatHex(packet)).isEqualTo("01082020" + "1f" + "020106" + "1bffe102" + g1);
    }

    @Test
    @DisplayName("IR-01 an advertisement too long for a legacy advertisement is a programming error")
    void tooLong_refused() {
        assertThatThrownBy(() -> HciAdvertising.setAdvertisingData(new byte[25]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31");
    }
}
