package org.smallbms.app.vedirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HEX frames against the golden frames of ../shared/vectors/vedirect.md §2.3: decoded, and encoded back. */
class HexFrameTest {

    @ParameterizedTest(name = "{0}")
    @DisplayName("VE.Direct HEX golden frames decode to their command and payload and encode back byte for byte")
    @CsvSource({
        // BMV HEX protocol Rev 6, "Examples"
        ":154, 1, ''",
        ":501440B, 5, 0144",
        ":352, 3, ''",
        ":101440F, 1, 0144",
        ":451, 4, ''",
        ":181A330, 1, 81A3",
        ":64F, 6, ''",
        ":70010003E, 7, 001000",
        ":7001000C80076, 7, 001000C800",
        ":8001000F40148, 8, 001000F401",
        ":800100000003D, 8, 0010000000",
        ":8001004010038, 8, 0010040100",
        ":7001000F40149, 7, 001000F401",
        // SmartSolar MPPT 100/30 pairs (koestler/go-victron)
        ":51641F9, 5, 1641",
        ":7F0ED0071, 7, F0ED00",
        ":7F0ED009600DB, 7, F0ED009600",
        ":156A05E, 1, 56A0",
        ":70001004D, 7, 000100",
        ":70001000056A0FF58, 7, 0001000056A0FF",
        ":7F2ED006F, 7, F2ED00",
        ":7F2ED00ACF9CA, 7, F2ED00ACF9",
        ":70B0100536D617274536F6C61722043686172676572204D505054203130302F333000BA, 7, "
                + "0B0100536D617274536F6C61722043686172676572204D505054203130302F333000",
        ":7D0ED0091, 7, D0ED00",
        ":7D0ED00000091, 7, D0ED000000",
        ":777770060, 7, 777700",
        ":77777015F, 7, 777701"})
    void goldenFrame_decodesAndEncodesBack(String wire, int command, String payload) {
        HexFrame.Parsed parsed = HexFrame.parse(wire);

        assertThat(parsed).isInstanceOf(HexFrame.Frame.class);
        HexFrame frame = ((HexFrame.Frame) parsed).frame();
        assertThat(frame.command()).isEqualTo(command);
        assertThat(HexFormat.of().withUpperCase().formatHex(frame.data())).isEqualTo(payload);
        assertThat(frame.encode()).isEqualTo(wire + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("VE.Direct HEX: a wrong check byte, lowercase hex, an odd digit count, no colon or a long line is "
            + "not a frame")
    @CsvSource({
        ":155, the check byte is wrong",
        ":7001000c80076, byte 3 is not two uppercase hex digits",
        ":70010003, in pairs",
        "154, a frame is",
        ":G54, the command digit",
        ":1, a frame is"})
    void badLine_isMalformedWithItsReason(String line, String reason) {
        assertThat(HexFrame.parse(line)).isInstanceOfSatisfying(HexFrame.Malformed.class,
                m -> assertThat(m.reason()).contains(reason));
    }

    @Test
    @DisplayName("VE.Direct HEX: a line longer than the limit is malformed, and the framing error answer is :4AAAAFD")
    void overLongLine_isMalformed() {
        assertThat(HexFrame.parse(":" + "0".repeat(HexFrame.MAX_LINE))).isInstanceOf(HexFrame.Malformed.class);
        assertThat(HexFrame.FRAMING_ERROR.encode()).isEqualTo(":4AAAAFD\n");
    }
}
